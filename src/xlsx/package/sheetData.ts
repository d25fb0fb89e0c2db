/**
 * sheetData rewritten with a set of cell changes: rows without changes are copied as one slice of the original
 * text each run of them; a changed row keeps its attributes and every cell it had (in column order), with the
 * changed cells replaced, added or removed. The original text is read through a moving window (it is inflated
 * again as it is written: see sheetText.ts), and the new text comes out in chunks (textChunks.ts), never whole.
 */
import { cellAddress } from '../../core';
import { type CellChange, type CellChanges, changed } from './cellChanges';
import { cellEnd, cellStart, noRef, rowEnd, rowOpenEnd, type SheetIndex } from './sheetIndex';
import { BATCH, Stretch, type TextPiece } from './textChunks';
import type { TextWindow } from './textWindow';

/** A raw cell without an r attribute gets one (a changed row may now hold cells it did not before). */
function withRef(raw: string, row: number, col: number): string {
  return raw.replace(/^<([\w:]*c)(?=[\s/>])/, `<$1 r="${cellAddress(row, col)}"`);
}

const SLASH = 47;

function rowHasColumn(ix: SheetIndex, from: number, to: number, col: number): boolean {
  for (let k = from; k < to; k++) if (ix.cellCol[k] === col) return true;
  return false;
}

/** The row's element name ("row", "x:row") from its start tag. */
function tagName(open: string): string {
  return /^<([\w:]+)/.exec(open)![1];
}

/** A new cell's XML (a cell the sheet does not have: a rewrite of its text has none to work on). */
const newCell = (change: CellChange) => changed(change, '');

/**
 * One changed row into `out`, its text [rowStart, rowEnd) in the window. Every row of a 100,000-row column may
 * pass here: no per-row sets, sorts or joins.
 */
function changedRow(text: TextWindow, ix: SheetIndex, pos: number, cells: Map<number, CellChange>, out: Stretch): void {
  const row = ix.rowNum[pos];
  const from = ix.cellFrom[pos];
  const to = ix.cellFrom[pos + 1];
  const openEnd = rowOpenEnd(ix, pos);
  const end = rowEnd(ix, pos);
  const selfClosing = text.charCodeAt(openEnd - 2) === SLASH;
  let added: number[] | null = null;
  for (const col of cells.keys()) if (!rowHasColumn(ix, from, to, col)) (added ??= []).push(col);
  if (added !== null && added.length > 1) added.sort((a, b) => a - b);
  let open = text.slice(ix.rowStart[pos], openEnd);
  if (selfClosing) open = `${open.slice(0, -2)}>`;
  // Cheap edits of this one start tag: r is made explicit, and spans, only a hint, goes when the row gets cells outside it.
  if (!/\sr=["']/.test(open)) open = open.replace(/^<[\w:]+/, (tag) => `${tag} r="${row}"`);
  if (added !== null) open = open.replace(/\sspans=(?:"[^"]*"|'[^']*')/, '');
  out.push(open);
  // The common case (rate columns filled in to the right of a row's cells): the row's inner text stays one slice.
  const lastExisting = to > from ? ix.cellCol[to - 1] : 0;
  let anyNoRef = false;
  for (let k = from; k < to && !anyNoRef; k++) anyNoRef = noRef(ix, k);
  if (added !== null && added.length === cells.size && added[0] > lastExisting && !anyNoRef) {
    const innerEnd = to > from ? cellEnd(ix, pos, to - 1) : openEnd;
    if (innerEnd > openEnd) out.push(text.slice(openEnd, innerEnd));
    for (const c of added) out.push(newCell(cells.get(c)!));
    out.push(selfClosing ? `</${tagName(open)}>` : text.slice(innerEnd, end));
    return;
  }
  let cursor = openEnd;
  let a = 0;
  const addedCount = added?.length ?? 0;
  for (let k = from; k < to; k++) {
    const col = ix.cellCol[k];
    while (a < addedCount && added![a] < col) out.push(newCell(cells.get(added![a++])!));
    const start = cellStart(ix, pos, k);
    if (start > cursor) out.push(text.slice(cursor, start));
    cursor = cellEnd(ix, pos, k);
    const change = cells.get(col);
    if (typeof change === 'string') out.push(change);
    else {
      const raw = text.slice(start, cursor);
      if (change !== undefined) out.push(change(raw));
      else out.push(noRef(ix, k) ? withRef(raw, row, col) : raw);
    }
  }
  while (a < addedCount) out.push(newCell(cells.get(added![a++])!));
  out.push(selfClosing ? `</${tagName(open)}>` : text.slice(cursor, end));
}

function newRow(prefix: string, row: number, cells: Map<number, CellChange>, out: Stretch): void {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  if (cols.every((c) => cells.get(c) === '')) return;
  out.push(`<${prefix}row r="${row}">`);
  for (const c of cols) out.push(newCell(cells.get(c)!));
  out.push(`</${prefix}row>`);
}

/**
 * The whole `<sheetData>…</sheetData>` with the changes applied, in pieces of about BATCH characters (a single
 * unchanged run of rows comes as one bigger piece, or, when it is long, as final chunks cut while it streams).
 * `text` is a fresh window over the sheet's original text.
 */
export async function* sheetDataChunks(text: TextWindow, ix: SheetIndex, changes: CellChanges): AsyncGenerator<TextPiece> {
  const child = ix.children[ix.sheetData];
  const rows = changes.rows();
  const out = new Stretch();
  let wait = text.need(ix.dataOpenEnd, child.start);
  if (wait) await wait;
  let open = text.slice(child.start, ix.dataOpenEnd);
  const selfClosing = open.endsWith('/>');
  if (selfClosing) open = `${open.slice(0, -2)}>`;
  out.push(open);
  let cursor = ix.dataOpenEnd;
  let i = 0;
  const n = ix.rowNum.length;
  for (let pos = 0; pos < n && i < rows.length; pos++) {
    const rowNum = ix.rowNum[pos];
    if (rows[i] > rowNum) continue;
    const start = ix.rowStart[pos];
    if (start - cursor >= BATCH) yield* out.copy(text, cursor, start);
    else if (start > cursor) {
      wait = text.need(start, cursor);
      if (wait) await wait;
      out.push(text.slice(cursor, start));
    }
    cursor = start;
    while (i < rows.length && rows[i] < rowNum) {
      newRow(ix.prefix, rows[i], changes.row(rows[i]), out);
      i++;
    }
    if (i < rows.length && rows[i] === rowNum) {
      const cells = changes.row(rowNum);
      // A row whose only writes were skipped (cells a merged area covers) stays as it was.
      if (cells.size > 0) {
        const end = rowEnd(ix, pos);
        wait = text.need(end, start);
        if (wait) await wait;
        changedRow(text, ix, pos, cells, out);
        cursor = end;
      }
      i++;
    }
    if (out.size >= BATCH) yield* out.end();
  }
  const closeStart = selfClosing ? ix.dataOpenEnd : ix.dataCloseStart;
  if (closeStart > cursor) yield* out.copy(text, cursor, closeStart);
  while (i < rows.length) {
    newRow(ix.prefix, rows[i], changes.row(rows[i]), out);
    i++;
    if (out.size >= BATCH) yield* out.end();
  }
  if (selfClosing) out.push(`</${ix.prefix}sheetData>`);
  else {
    wait = text.need(child.end, ix.dataCloseStart);
    if (wait) await wait;
    out.push(text.slice(ix.dataCloseStart, child.end));
  }
  yield* out.end();
}

/** sheetData as it was (the plan changed no cell), after `lead` (what stood before it): streamed when long. */
export async function* unchangedSheetData(text: TextWindow, ix: SheetIndex, lead: string): AsyncGenerator<TextPiece> {
  const child = ix.children[ix.sheetData];
  const out = new Stretch();
  out.push(lead);
  yield* out.copy(text, child.start, child.end);
  yield* out.end();
}
