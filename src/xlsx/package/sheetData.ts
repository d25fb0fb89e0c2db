/**
 * sheetData rewritten with a set of cell changes: rows without changes are copied as one slice of the original
 * text each run of them; a changed row keeps its attributes and every cell it had (in column order), with the
 * changed cells replaced, added or removed.
 */
import { cellAddress } from '../../core';
import type { SheetIndex } from './sheetIndex';

/** row → column → the cell's new XML ('' removes the cell). */
export type CellChanges = Map<number, Map<number, string>>;

export function setCell(changes: CellChanges, row: number, col: number, xml: string): void {
  let r = changes.get(row);
  if (!r) {
    r = new Map();
    changes.set(row, r);
  }
  r.set(col, xml);
}

/** A raw cell without an r attribute gets one (a changed row may now hold cells it did not before). */
function withRef(raw: string, row: number, col: number): string {
  return raw.replace(/^<([\w:]*c)(?=[\s/>])/, `<$1 r="${cellAddress(row, col)}"`);
}

function changedRow(xml: string, ix: SheetIndex, pos: number, cells: Map<number, string>): string {
  const row = ix.rowNum[pos];
  const from = ix.cellFrom[pos];
  const to = ix.cellFrom[pos + 1];
  let open = xml.slice(ix.rowStart[pos], ix.rowOpenEnd[pos]);
  const selfClosing = open.endsWith('/>');
  const existing = new Set<number>();
  for (let k = from; k < to; k++) existing.add(ix.cellCol[k]);
  const added = [...cells.keys()].filter((c) => !existing.has(c)).sort((a, b) => a - b);
  if (selfClosing) open = `${open.slice(0, -2)}>`;
  // Cheap edits of this one start tag (every row of a 100,000-row column may pass here): r is made explicit,
  // and spans, only a hint, goes when the row gets cells outside it.
  if (!/\sr=["']/.test(open)) open = open.replace(/^<[\w:]+/, (tag) => `${tag} r="${row}"`);
  if (added.length > 0) open = open.replace(/\sspans=(?:"[^"]*"|'[^']*')/, '');
  const name = /^<([\w:]+)/.exec(open)![1];
  // The common case (rate columns filled in to the right of a row's cells): the row's inner text stays one slice.
  const lastExisting = to > from ? ix.cellCol[to - 1] : 0;
  if (added.length === cells.size && added[0] > lastExisting && !ix.cellNoRef.subarray(from, to).includes(1)) {
    const innerEnd = to > from ? ix.cellEnd[to - 1] : ix.rowOpenEnd[pos];
    const tail = selfClosing ? `</${name}>` : xml.slice(innerEnd, ix.rowEnd[pos]);
    return open + xml.slice(ix.rowOpenEnd[pos], innerEnd) + added.map((c) => cells.get(c)!).join('') + tail;
  }
  const parts: string[] = [open];
  let cursor = ix.rowOpenEnd[pos];
  let a = 0;
  for (let k = from; k < to; k++) {
    const col = ix.cellCol[k];
    while (a < added.length && added[a] < col) parts.push(cells.get(added[a++])!);
    parts.push(xml.slice(cursor, ix.cellStart[k]));
    const change = cells.get(col);
    if (change !== undefined) parts.push(change);
    else {
      const raw = xml.slice(ix.cellStart[k], ix.cellEnd[k]);
      parts.push(ix.cellNoRef[k] ? withRef(raw, row, col) : raw);
    }
    cursor = ix.cellEnd[k];
  }
  while (a < added.length) parts.push(cells.get(added[a++])!);
  parts.push(selfClosing ? `</${name}>` : xml.slice(cursor, ix.rowEnd[pos]));
  return parts.join('');
}

function newRow(prefix: string, row: number, cells: Map<number, string>): string {
  const body = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x).join('');
  return body ? `<${prefix}row r="${row}">${body}</${prefix}row>` : '';
}

/** The whole `<sheetData>…</sheetData>` with the changes applied. */
export function rebuildSheetData(xml: string, ix: SheetIndex, changes: CellChanges): string {
  const child = ix.children[ix.sheetData];
  const rows = [...changes.keys()].sort((a, b) => a - b);
  let open = xml.slice(child.start, ix.dataOpenEnd);
  const selfClosing = open.endsWith('/>');
  if (selfClosing) open = `${open.slice(0, -2)}>`;
  const parts: string[] = [open];
  let cursor = ix.dataOpenEnd;
  let i = 0;
  const n = ix.rowNum.length;
  for (let pos = 0; pos < n && i < rows.length; pos++) {
    const rowNum = ix.rowNum[pos];
    if (rows[i] > rowNum) continue;
    parts.push(xml.slice(cursor, ix.rowStart[pos]));
    cursor = ix.rowStart[pos];
    while (i < rows.length && rows[i] < rowNum) {
      parts.push(newRow(ix.prefix, rows[i], changes.get(rows[i])!));
      i++;
    }
    if (i < rows.length && rows[i] === rowNum) {
      parts.push(changedRow(xml, ix, pos, changes.get(rowNum)!));
      cursor = ix.rowEnd[pos];
      i++;
    }
  }
  const closeStart = selfClosing ? ix.dataOpenEnd : ix.dataCloseStart;
  parts.push(xml.slice(cursor, closeStart));
  while (i < rows.length) {
    parts.push(newRow(ix.prefix, rows[i], changes.get(rows[i])!));
    i++;
  }
  parts.push(selfClosing ? `</${ix.prefix}sheetData>` : xml.slice(ix.dataCloseStart, child.end));
  return parts.join('');
}
