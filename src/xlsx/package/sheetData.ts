/**
 * sheetData rewritten with a set of cell changes: rows without changes are copied as one slice of the original
 * text each run of them; a changed row keeps its attributes and every cell it had (in column order), with the
 * changed cells replaced, added or removed. The text comes out in chunks (textChunks.ts), never as one string.
 */
import { cellAddress } from '../../core';
import type { CellChanges } from './cellChanges';
import type { SheetIndex } from './sheetIndex';
import { BATCH, TextParts } from './textChunks';

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

/** One changed row into `out`. Every row of a 100,000-row column may pass here: no per-row sets, sorts or joins. */
function changedRow(xml: string, ix: SheetIndex, pos: number, cells: Map<number, string>, out: TextParts): void {
  const row = ix.rowNum[pos];
  const from = ix.cellFrom[pos];
  const to = ix.cellFrom[pos + 1];
  const openEnd = ix.rowOpenEnd[pos];
  const selfClosing = xml.charCodeAt(openEnd - 2) === SLASH;
  let added: number[] | null = null;
  for (const col of cells.keys()) if (!rowHasColumn(ix, from, to, col)) (added ??= []).push(col);
  if (added !== null && added.length > 1) added.sort((a, b) => a - b);
  let open = xml.slice(ix.rowStart[pos], openEnd);
  if (selfClosing) open = `${open.slice(0, -2)}>`;
  // Cheap edits of this one start tag: r is made explicit, and spans, only a hint, goes when the row gets cells outside it.
  if (!/\sr=["']/.test(open)) open = open.replace(/^<[\w:]+/, (tag) => `${tag} r="${row}"`);
  if (added !== null) open = open.replace(/\sspans=(?:"[^"]*"|'[^']*')/, '');
  out.push(open);
  // The common case (rate columns filled in to the right of a row's cells): the row's inner text stays one slice.
  const lastExisting = to > from ? ix.cellCol[to - 1] : 0;
  let noRef = false;
  for (let k = from; k < to && !noRef; k++) noRef = ix.cellNoRef[k] === 1;
  if (added !== null && added.length === cells.size && added[0] > lastExisting && !noRef) {
    const innerEnd = to > from ? ix.cellEnd[to - 1] : openEnd;
    if (innerEnd > openEnd) out.push(xml.slice(openEnd, innerEnd));
    for (const c of added) out.push(cells.get(c)!);
    out.push(selfClosing ? `</${tagName(open)}>` : xml.slice(innerEnd, ix.rowEnd[pos]));
    return;
  }
  let cursor = openEnd;
  let a = 0;
  const addedCount = added?.length ?? 0;
  for (let k = from; k < to; k++) {
    const col = ix.cellCol[k];
    while (a < addedCount && added![a] < col) out.push(cells.get(added![a++])!);
    if (ix.cellStart[k] > cursor) out.push(xml.slice(cursor, ix.cellStart[k]));
    const change = cells.get(col);
    if (change !== undefined) out.push(change);
    else {
      const raw = xml.slice(ix.cellStart[k], ix.cellEnd[k]);
      out.push(ix.cellNoRef[k] ? withRef(raw, row, col) : raw);
    }
    cursor = ix.cellEnd[k];
  }
  while (a < addedCount) out.push(cells.get(added![a++])!);
  out.push(selfClosing ? `</${tagName(open)}>` : xml.slice(cursor, ix.rowEnd[pos]));
}

function newRow(prefix: string, row: number, cells: Map<number, string>, out: TextParts): void {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  if (cols.every((c) => cells.get(c) === '')) return;
  out.push(`<${prefix}row r="${row}">`);
  for (const c of cols) out.push(cells.get(c)!);
  out.push(`</${prefix}row>`);
}

/**
 * The whole `<sheetData>…</sheetData>` with the changes applied, in pieces of about BATCH characters (a single
 * unchanged run of rows may come as one bigger slice of the original).
 */
export function* sheetDataChunks(xml: string, ix: SheetIndex, changes: CellChanges): Generator<string> {
  const child = ix.children[ix.sheetData];
  const rows = changes.rows();
  const out = new TextParts();
  let open = xml.slice(child.start, ix.dataOpenEnd);
  const selfClosing = open.endsWith('/>');
  if (selfClosing) open = `${open.slice(0, -2)}>`;
  out.push(open);
  let cursor = ix.dataOpenEnd;
  let i = 0;
  const n = ix.rowNum.length;
  for (let pos = 0; pos < n && i < rows.length; pos++) {
    const rowNum = ix.rowNum[pos];
    if (rows[i] > rowNum) continue;
    if (ix.rowStart[pos] > cursor) out.push(xml.slice(cursor, ix.rowStart[pos]));
    cursor = ix.rowStart[pos];
    while (i < rows.length && rows[i] < rowNum) {
      newRow(ix.prefix, rows[i], changes.row(rows[i]), out);
      i++;
    }
    if (i < rows.length && rows[i] === rowNum) {
      const cells = changes.row(rowNum);
      // A row whose only writes were skipped (cells a merged area covers) stays as it was.
      if (cells.size > 0) {
        changedRow(xml, ix, pos, cells, out);
        cursor = ix.rowEnd[pos];
      }
      i++;
    }
    if (out.size >= BATCH) yield out.take();
  }
  const closeStart = selfClosing ? ix.dataOpenEnd : ix.dataCloseStart;
  if (closeStart > cursor) out.push(xml.slice(cursor, closeStart));
  while (i < rows.length) {
    newRow(ix.prefix, rows[i], changes.row(rows[i]), out);
    i++;
    if (out.size >= BATCH) yield out.take();
  }
  out.push(selfClosing ? `</${ix.prefix}sheetData>` : xml.slice(ix.dataCloseStart, child.end));
  yield out.take();
}
