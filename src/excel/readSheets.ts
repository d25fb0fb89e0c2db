/**
 * The batched read behind readSnapshot and readWorkbookSnapshots: any number of sheets, each a used range (or a
 * selection), read with a fixed number of round trips whatever their length.
 *
 *   request 1: per sheet, the area's size, its first row blocks (speculatively), merged areas, rules, notes;
 *   request 2…: the rules' ranges and the notes' cells (Office.js cannot load those with the collection), and
 *              the row blocks past the first, grouped into requests of about 4 MB (Excel on the web caps a
 *              response at 5 MB). A workbook of normal sheets needs one of these, or none.
 */
import { columnLetter, type CellRect, type CellValue, type ExistingConditionalFormat, type ExistingNote, type SheetSnapshot } from '../core';
import { areaRect, bareArea, splitAreaList } from './areas';
import { jsonBytes, rowBlocks, SyncBudget, type RowBlock } from './payload';
import type { ApiCheck } from './requirements';

export interface ExcelSnapshot extends SheetSnapshot {
  /** What could not be read on this host (in Chinese, for the pane). */
  warnings: string[];
  /** Round trips made (for tests and diagnostics). */
  syncs: number;
}

export interface SheetTarget {
  sheet: Excel.Worksheet;
  /** The used range (or the selection) to read. */
  area: Excel.Range;
}

export interface ReadPlan {
  blockRows: number;
  /** Rows of each sheet loaded with the first request: a multiple of blockRows, 0 to load none speculatively. */
  firstRows: number;
  budgetBytes: number;
  supported: ApiCheck;
}

interface Grid {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
}

interface Queued {
  target: SheetTarget;
  firstBands: Excel.Range[];
  merged: Excel.RangeAreas | null;
  cfs: Excel.ConditionalFormatCollection;
  notes: Excel.NoteCollection | null;
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === undefined || v === null) return null;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
}

function toFormula(f: unknown): string | null {
  return typeof f === 'string' && f.startsWith('=') ? f : null;
}

/** Row block `b` of `area`: its whole rows, cut back to the area (a null object below the area's end). */
function queueBand(area: Excel.Range, b: RowBlock): Excel.Range {
  const rows = area.getCell(b.offset, 0).getEntireRow().getResizedRange(b.count - 1, 0);
  return area.getIntersectionOrNullObject(rows).load('values, formulas, numberFormat, rowIndex, rowCount');
}

function copyBand(band: Excel.Range, top: number, grid: Grid): number {
  if (band.isNullObject) return 0;
  const offset = band.rowIndex + 1 - top;
  band.values.forEach((row, i) => (grid.values[offset + i] = row.map(toCellValue)));
  band.formulas.forEach((row, i) => (grid.formulas[offset + i] = row.map(toFormula)));
  band.numberFormat.forEach((row, i) => (grid.numberFormats[offset + i] = row.map((f) => String(f ?? 'General'))));
  return jsonBytes(band.values) + jsonBytes(band.formulas) + jsonBytes(band.numberFormat);
}

/** Warnings about what this host cannot read (the same for every sheet of the workbook). */
export function hostWarnings(supported: ApiCheck): string[] {
  return supported('1.13') ? [] : ['此版本的 Excel 不能读取合并单元格，表头可能识别不全：请核对“识别”页的列对应，或在 Microsoft 365 中打开。'];
}

function queueFirst(t: SheetTarget, p: ReadPlan): Queued {
  t.sheet.load('name');
  // valuesOnly is the caller's choice when it made the area; here only its size is needed.
  t.area.load('rowIndex, columnIndex, rowCount, columnCount');
  return {
    target: t,
    firstBands: rowBlocks(p.firstRows, p.blockRows).map((b) => queueBand(t.area, b)),
    // Range.getMergedAreasOrNullObject is ExcelApi 1.13 (Excel 2021 and older builds lack it).
    merged: p.supported('1.13') ? t.area.getMergedAreasOrNullObject().load('address') : null,
    // Range.conditionalFormats: ExcelApi 1.6; customOrNullObject avoids failing on rules that are not formula rules.
    cfs: t.sheet.getRange().conditionalFormats.load('items/type, items/customOrNullObject/rule/formula'),
    // Worksheet.notes: ExcelApi 1.18.
    notes: p.supported('1.18') ? t.sheet.notes.load('items/content') : null,
  };
}

export async function readTargets(context: Excel.RequestContext, targets: SheetTarget[], p: ReadPlan, counter: { syncs: number }): Promise<ExcelSnapshot[]> {
  const queued = targets.map((t) => queueFirst(t, p));
  await context.sync();
  counter.syncs++;

  const budget = new SyncBudget(context, p.budgetBytes);
  const later = [];
  for (const q of queued) {
    const { area } = q.target;
    const total = area.rowCount;
    const grid: Grid = { values: new Array(total), formulas: new Array(total), numberFormats: new Array(total) };
    let loadedBytes = 0;
    for (const band of q.firstBands) loadedBytes += copyBand(band, area.rowIndex + 1, grid);
    const loadedRows = Math.min(total, p.firstRows);
    // Size the remaining requests from what the first rows weighed (≈60 bytes a cell when nothing was read yet).
    const bytesPerRow = loadedRows > 0 ? loadedBytes / loadedRows : area.columnCount * 60;
    const customRules = q.cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject);
    // ConditionalFormat.getRanges: ExcelApi 1.9 (the manifest's minimum), needed for rules over several areas.
    const ruleRanges = customRules.map((cf) => cf.getRanges().load('address'));
    const noteCells = (q.notes?.items ?? []).map((n) => n.getLocation().load('rowIndex, columnIndex'));
    await budget.reserve((ruleRanges.length + noteCells.length) * 300);
    const bands: Excel.Range[] = [];
    for (const b of rowBlocks(total, p.blockRows).filter((blk) => blk.offset >= loadedRows)) {
      await budget.reserve(bytesPerRow * b.count);
      bands.push(queueBand(area, b));
    }
    later.push({ q, grid, customRules, ruleRanges, noteCells, bands });
  }
  if (budget.pendingBytes > 0) await budget.flush();
  counter.syncs += budget.syncs;

  const warnings = hostWarnings(p.supported);
  return later.map(({ q, grid, customRules, ruleRanges, noteCells, bands }) => {
    const { sheet, area } = q.target;
    const top = area.rowIndex + 1;
    const left = area.columnIndex + 1;
    for (const band of bands) copyBand(band, top, grid);
    const conditionalFormats: ExistingConditionalFormat[] = customRules.map((cf, i) => ({
      ranges: splitAreaList(ruleRanges[i].address).map(bareArea),
      formula: cf.customOrNullObject.rule.formula,
    }));
    const existingNotes: ExistingNote[] = (q.notes?.items ?? []).map((n, i) => ({
      row: noteCells[i].rowIndex + 1,
      col: noteCells[i].columnIndex + 1,
      text: n.content,
    }));
    const merges: CellRect[] = q.merged && !q.merged.isNullObject ? splitAreaList(q.merged.address).map(areaRect) : [];
    const missing = grid.values.findIndex((row) => row === undefined);
    if (missing >= 0) throw new Error(`readSnapshot: row ${top + missing} of ${columnLetter(left)}… on ${sheet.name} was not read`);
    return {
      name: sheet.name,
      originRow: top,
      originCol: left,
      values: grid.values,
      formulas: grid.formulas,
      numberFormats: grid.numberFormats,
      merges,
      conditionalFormats,
      ...(q.notes ? { notes: existingNotes } : {}),
      source: 'Excel',
      warnings: [...warnings],
      syncs: counter.syncs,
    };
  });
}
