/**
 * Reads a worksheet (its used range, or the selection) into the engine's SheetSnapshot.
 *
 * One batch, one `context.sync()` for a normal sheet: the used range's position, its values, formulas and
 * number formats (queued as row blocks of the first `firstSyncRows` rows, intersected with the used range so
 * a small sheet costs nothing extra), merged areas, the sheet's conditional formats and notes all go in the
 * same request. Only a sheet longer than `firstSyncRows` needs more: its remaining row blocks are grouped
 * into requests of about 4 MB (Excel on the web caps a response at 5 MB). Existing conditional formats and
 * notes need one more round trip for their ranges/cells, because Office.js offers no way to load those
 * with the collection — still independent of the number of rows.
 */
import { columnLetter, type CellRect, type CellValue, type ExistingConditionalFormat, type ExistingNote, type SheetSnapshot } from '../core';
import { areaRect, bareArea, splitAreaList } from './areas';
import { DEFAULT_BLOCK_ROWS, DEFAULT_BUDGET_BYTES, jsonBytes, rowBlocks, SyncBudget, type RowBlock } from './payload';
import { isExcelApiSupported, type ApiCheck } from './requirements';
import { officeErrorCode } from './errors';

export interface ReadSnapshotOptions {
  /** Read this sheet instead of the active one. */
  sheetName?: string;
  /** Read the selected range (the user points at the table) instead of the used range. */
  useSelection?: boolean;
  blockRows?: number;
  /**
   * Rows loaded speculatively with the first request (default three blocks, 15,000 rows: a budget table of
   * 10 columns weighs ≈ 23 bytes a cell in values + formulas + formats, so ≈ 3.5 MB). A wider sheet that
   * passes the cap is read again in sized requests.
   */
  firstSyncRows?: number;
  budgetBytes?: number;
  /** `isSetSupported('ExcelApi', v)`; injectable for tests. */
  isSupported?: ApiCheck;
}

export interface ExcelSnapshot extends SheetSnapshot {
  /** What could not be read on this host (in Chinese, for the pane). */
  warnings: string[];
  /** Round trips made (for tests and diagnostics). */
  syncs: number;
}

interface Grid {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
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

export async function readSnapshot(context: Excel.RequestContext, options: ReadSnapshotOptions = {}): Promise<ExcelSnapshot> {
  const counter = { syncs: 0 };
  try {
    return await readWith(context, options, counter, true);
  } catch (e) {
    // A very wide sheet can pass the 5 MB response cap even within the first rows: read its size first.
    if (officeErrorCode(e) !== 'ResponsePayloadSizeLimitExceeded') throw e;
    counter.syncs++;
    return readWith(context, options, counter, false);
  }
}

async function readWith(
  context: Excel.RequestContext,
  options: ReadSnapshotOptions,
  counter: { syncs: number },
  speculative: boolean,
): Promise<ExcelSnapshot> {
  const supported = options.isSupported ?? isExcelApiSupported;
  const blockRows = options.blockRows ?? DEFAULT_BLOCK_ROWS;
  const firstRows = speculative ? Math.ceil((options.firstSyncRows ?? 3 * blockRows) / blockRows) * blockRows : 0;
  const warnings: string[] = [];
  const wb = context.workbook;
  const selection = options.useSelection ? wb.getSelectedRange() : null;
  const sheet = selection
    ? selection.worksheet
    : options.sheetName
      ? wb.worksheets.getItem(options.sheetName)
      : wb.worksheets.getActiveWorksheet();
  // valuesOnly: formatting alone (a coloured empty column) is not part of the table.
  const area = selection ?? sheet.getUsedRange(true);
  sheet.load('name');
  area.load('rowIndex, columnIndex, rowCount, columnCount');
  const firstBands = rowBlocks(firstRows, blockRows).map((b) => queueBand(area, b));
  // Range.getMergedAreasOrNullObject is ExcelApi 1.13 (Excel 2021 and older builds lack it).
  const merged = supported('1.13') ? area.getMergedAreasOrNullObject().load('address') : null;
  if (!merged) warnings.push('此版本的 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），表头识别可能不完整。');
  // Range.conditionalFormats: ExcelApi 1.6; customOrNullObject avoids failing on rules that are not formula rules.
  const cfs = sheet.getRange().conditionalFormats.load('items/type, items/customOrNullObject/rule/formula');
  // Worksheet.notes: ExcelApi 1.18.
  const notes = supported('1.18') ? sheet.notes.load('items/content') : null;
  await context.sync();
  counter.syncs++;

  const top = area.rowIndex + 1;
  const left = area.columnIndex + 1;
  const total = area.rowCount;
  const grid: Grid = { values: new Array(total), formulas: new Array(total), numberFormats: new Array(total) };
  let loadedBytes = 0;
  for (const band of firstBands) loadedBytes += copyBand(band, top, grid);
  const loadedRows = Math.min(total, firstRows);
  // Size the remaining requests from what the first rows weighed (≈60 bytes a cell when nothing was read yet).
  const bytesPerRow = loadedRows > 0 ? loadedBytes / loadedRows : area.columnCount * 60;

  const budget = new SyncBudget(context, options.budgetBytes ?? DEFAULT_BUDGET_BYTES);
  const customRules = cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject);
  // ConditionalFormat.getRanges: ExcelApi 1.9 (the manifest's minimum), needed for rules over several areas.
  const ruleRanges = customRules.map((cf) => cf.getRanges().load('address'));
  const noteCells = (notes?.items ?? []).map((n) => n.getLocation().load('rowIndex, columnIndex'));
  await budget.reserve((ruleRanges.length + noteCells.length) * 300);
  const laterBands: Excel.Range[] = [];
  for (const b of rowBlocks(total, blockRows).filter((blk) => blk.offset >= loadedRows)) {
    await budget.reserve(bytesPerRow * b.count);
    laterBands.push(queueBand(area, b));
  }
  if (budget.pendingBytes > 0) await budget.flush();
  counter.syncs += budget.syncs;
  for (const band of laterBands) copyBand(band, top, grid);

  const conditionalFormats: ExistingConditionalFormat[] = customRules.map((cf, i) => ({
    ranges: splitAreaList(ruleRanges[i].address).map(bareArea),
    formula: cf.customOrNullObject.rule.formula,
  }));
  const existingNotes: ExistingNote[] = (notes?.items ?? []).map((n, i) => ({
    row: noteCells[i].rowIndex + 1,
    col: noteCells[i].columnIndex + 1,
    text: n.content,
  }));
  const merges: CellRect[] = merged && !merged.isNullObject ? splitAreaList(merged.address).map(areaRect) : [];
  const missing = grid.values.findIndex((row) => row === undefined);
  if (missing >= 0) throw new Error(`readSnapshot: row ${top + missing} of ${columnLetter(left)}… was not read`);
  return {
    name: sheet.name,
    originRow: top,
    originCol: left,
    values: grid.values,
    formulas: grid.formulas,
    numberFormats: grid.numberFormats,
    merges,
    conditionalFormats,
    ...(notes ? { notes: existingNotes } : {}),
    source: 'Excel',
    warnings,
    syncs: counter.syncs,
  };
}
