/**
 * Fills a simulated workbook from data already parsed elsewhere (no file reading here, so it runs in the
 * browser as well as in Node): engine snapshots, or a small JSON form
 * `{ sheets: [{ name, cells: [[...]], merges, numberFormats }] }` whose cells start at A1.
 */
import { parseCell, parseRect, type CellRect, type SheetSnapshot } from '../../core';
import { shiftFormula } from './formulaShift';
import { addConditionalFormat } from './cfModel';
import { topLeftOf } from './limits';
import type { SimCellInput, SimSheet } from './sheetModel';
import { SimWorkbook, type SimWorkbookOptions } from './workbookModel';

export interface SheetJson {
  name: string;
  /** Inputs from A1: formulas start with "=", anything else is a constant; null is empty. */
  cells: SimCellInput[][];
  /** "A1:B2" or rectangles. */
  merges?: (string | CellRect)[];
  /** Number formats from A1, same shape as cells (null or missing = General). */
  numberFormats?: (string | null)[][];
  /** Column widths in points, keyed by column number or letter. */
  columnWidths?: Record<string, number>;
  notes?: { address: string; text: string }[];
}

export interface WorkbookJson {
  sheets: SheetJson[];
  activeSheet?: string;
}

/** Excel's "light red fill with dark red text", for rules read from a file whose style we do not know. */
const DEFAULT_FLAG_STYLE = { fill: '#FFC7CE', fontColor: '#9C0006' };

function writeGrid(sheet: SimSheet, top: number, left: number, cells: SimCellInput[][]): void {
  const width = Math.max(0, ...cells.map((r) => r.length));
  if (cells.length === 0 || width === 0) return;
  const rows = cells.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null));
  sheet.writeInputs({ top, left, bottom: top + rows.length - 1, right: left + width - 1 }, rows);
}

function writeFormats(sheet: SimSheet, top: number, left: number, formats: (string | null)[][]): void {
  const width = Math.max(0, ...formats.map((r) => r.length));
  if (formats.length === 0 || width === 0) return;
  const rows = formats.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? 'General'));
  sheet.writeNumberFormats({ top, left, bottom: top + rows.length - 1, right: left + width - 1 }, rows);
}

export function addSheetFromJson(book: SimWorkbook, json: SheetJson): SimSheet {
  const sheet = book.addSheet(json.name);
  writeGrid(sheet, 1, 1, json.cells);
  if (json.numberFormats) writeFormats(sheet, 1, 1, json.numberFormats);
  for (const m of json.merges ?? []) sheet.merge(typeof m === 'string' ? parseRect(m) : m);
  for (const [col, w] of Object.entries(json.columnWidths ?? {})) {
    const n = /^\d+$/.test(col) ? Number(col) : parseCell(`${col}1`).col;
    sheet.setColumnWidth(n, n, w);
  }
  for (const n of json.notes ?? []) {
    const { row, col } = parseCell(n.address);
    sheet.notes.set(`${row},${col}`, { row, col, content: n.text, author: 'Sample' });
  }
  return sheet;
}

export function addSheetFromSnapshot(book: SimWorkbook, snap: SheetSnapshot): SimSheet {
  const sheet = book.addSheet(snap.name);
  const cells = snap.values.map((row, i) => row.map((v, j) => snap.formulas[i]?.[j] ?? v));
  writeGrid(sheet, snap.originRow, snap.originCol, cells);
  if (snap.numberFormats) writeFormats(sheet, snap.originRow, snap.originCol, snap.numberFormats);
  for (const m of snap.merges) sheet.merge(m);
  for (const cf of snap.conditionalFormats ?? []) {
    const areas = cf.ranges.map((r) => parseRect(r));
    const rule = addConditionalFormat(sheet, areas);
    // addConditionalFormat puts the rule on top; move it under the ones read before it to keep the file's order.
    sheet.conditionalFormats.push(sheet.conditionalFormats.shift() as typeof rule);
    // A snapshot's formula is written for its first area's top-left cell; Excel keeps it for the areas' top-left.
    const anchor = topLeftOf(areas);
    const formula = areas.length > 0 ? shiftFormula(cf.formula, anchor.row - areas[0].top, anchor.col - areas[0].left) : cf.formula;
    Object.assign(rule, { formula, ...DEFAULT_FLAG_STYLE });
  }
  for (const n of snap.notes ?? []) sheet.notes.set(`${n.row},${n.col}`, { row: n.row, col: n.col, content: n.text, author: 'Sample' });
  return sheet;
}

export function loadWorkbookFromJson(json: WorkbookJson, options: SimWorkbookOptions = {}): SimWorkbook {
  const book = new SimWorkbook(options);
  for (const s of json.sheets) addSheetFromJson(book, s);
  if (json.activeSheet) book.activateSheet(json.activeSheet);
  book.flushChanges();
  return book;
}

export function loadWorkbookFromSnapshots(snapshots: SheetSnapshot[], options: SimWorkbookOptions = {}): SimWorkbook {
  const book = new SimWorkbook(options);
  for (const s of snapshots) addSheetFromSnapshot(book, s);
  book.flushChanges();
  return book;
}
