/**
 * The batched read behind readSnapshot and readWorkbookSnapshots: any number of sheets, each a used range (or a
 * selection), read with a fixed number of round trips whatever their length.
 *
 *   request 1: per sheet, the area's size, its first row blocks (speculatively), merged areas, rules, notes;
 *   request 2…: the rules' ranges and the notes' cells (Office.js cannot load those with the collection), and
 *              the row blocks past the first, grouped into requests of about 4 MB (Excel on the web caps a
 *              response at 5 MB). A workbook of normal sheets needs one of these, or none.
 *
 * When any of it fails — a response past 5 MB, a read past five million cells (a stray value far from the table
 * makes a used range of millions of empty cells), more than 512 merged areas, a rule or a notes collection Excel
 * cannot give — everything is read again carefully (readCareful.ts): reading changes nothing.
 */
import { type CellRect, type SheetSnapshot } from '../core';
import { officeErrorCode } from './errors';
import { rowBlocks, SyncBudget } from './payload';
import { copyBand, emptyGrid, NullRead, queueBand, type Grid } from './readBands';
import { readCarefully, type CarefulSheet } from './readCareful';
import { mergesFrom, RULE_LOAD, rulesFrom } from './readParts';
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
  /** Rows of each sheet loaded with the first request: a multiple of blockRows, 0 to read carefully at once. */
  firstRows: number;
  budgetBytes: number;
  supported: ApiCheck;
}

/**
 * What a careful read can get past: size limits (their own codes or the generic one), unreadable parts (generic
 * or InvalidOperation, office-js#6835, #2180). Edit mode, a missing sheet, an old host fail the same way again.
 */
const RETRY_CAREFULLY = /^(GeneralException|InvalidOperation|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded)$/;

interface Queued {
  target: SheetTarget;
  firstBands: Excel.Range[];
  merged: Excel.RangeAreas | null;
  cfs: Excel.ConditionalFormatCollection;
  notes: Excel.NoteCollection | null;
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
    // Range.getMergedAreasOrNullObject is ExcelApi 1.13 (Excel 2021 and LTSC 2024 have it; older builds do not).
    merged: p.supported('1.13') ? t.area.getMergedAreasOrNullObject().load('address') : null,
    // Range.conditionalFormats: ExcelApi 1.6; customOrNullObject avoids failing on rules that are not formula rules.
    cfs: t.sheet.getRange().conditionalFormats.load(RULE_LOAD),
    // Worksheet.notes: ExcelApi 1.18 (Microsoft 365 and the web; not Excel 2021 or LTSC 2024).
    notes: p.supported('1.18') ? t.sheet.notes.load('items/content') : null,
  };
}

function snapshotOf(s: CarefulSheet, host: string[], syncs: number): ExcelSnapshot {
  const missing = s.grid.values.findIndex((row) => row === undefined);
  if (missing >= 0) throw new Error(`readSnapshot: row ${s.rect.top + missing} on ${s.name} was not read`);
  return {
    name: s.name,
    originRow: s.rect.top,
    originCol: s.rect.left,
    values: s.grid.values,
    formulas: s.grid.formulas,
    numberFormats: s.grid.numberFormats,
    merges: s.parts.merges,
    conditionalFormats: s.parts.conditionalFormats,
    ...(s.parts.notes ? { notes: s.parts.notes } : {}),
    source: 'Excel',
    warnings: [...host, ...s.warnings],
    syncs,
  };
}

async function readQuickly(context: Excel.RequestContext, targets: SheetTarget[], p: ReadPlan, counter: { syncs: number }): Promise<CarefulSheet[]> {
  const queued = targets.map((t) => queueFirst(t, p));
  await context.sync();
  counter.syncs++;

  const budget = new SyncBudget(context, p.budgetBytes);
  const later = [];
  for (const q of queued) {
    const { area } = q.target;
    const total = area.rowCount;
    const grid: Grid = emptyGrid(total);
    let loadedBytes = 0;
    for (const band of q.firstBands) loadedBytes += copyBand(band, area.rowIndex + 1, grid);
    const loadedRows = Math.min(total, p.firstRows);
    // Size the remaining requests from what the first rows weighed (≈60 bytes a cell when nothing was read yet).
    const bytesPerRow = loadedRows > 0 ? loadedBytes / loadedRows : area.columnCount * 60;
    const custom = q.cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject);
    // ConditionalFormat.getRanges: ExcelApi 1.9 (the manifest's minimum), needed for rules over several areas.
    const ruleRanges = custom.map((cf) => cf.getRanges().load('address'));
    const noteCells = (q.notes?.items ?? []).map((n) => n.getLocation().load('rowIndex, columnIndex'));
    await budget.reserve((ruleRanges.length + noteCells.length) * 300);
    const bands: Excel.Range[] = [];
    for (const b of rowBlocks(total, p.blockRows).filter((blk) => blk.offset >= loadedRows)) {
      await budget.reserve(bytesPerRow * b.count);
      bands.push(queueBand(area, b));
    }
    later.push({ q, grid, custom, ruleRanges, noteCells, bands });
  }
  if (budget.pendingBytes > 0) await budget.flush();
  counter.syncs += budget.syncs;

  return later.map(({ q, grid, custom, ruleRanges, noteCells, bands }) => {
    const { sheet, area } = q.target;
    const rect: CellRect = { top: area.rowIndex + 1, left: area.columnIndex + 1, bottom: area.rowIndex + area.rowCount, right: area.columnIndex + area.columnCount };
    for (const band of bands) copyBand(band, rect.top, grid);
    const notes = q.notes ? q.notes.items.map((n, i) => ({ row: noteCells[i].rowIndex + 1, col: noteCells[i].columnIndex + 1, text: n.content })) : undefined;
    const parts = { merges: mergesFrom([q.merged]), conditionalFormats: rulesFrom(custom, ruleRanges), notes, warnings: [] };
    return { name: sheet.name, rect, grid, parts, warnings: [] };
  });
}

/**
 * Reads the targets `makeTargets` makes (called again for the careful read: a failed request's objects are not
 * reused). `firstRows` 0 reads carefully from the start.
 */
export async function readTargets(context: Excel.RequestContext, makeTargets: () => SheetTarget[], p: ReadPlan, counter: { syncs: number }): Promise<ExcelSnapshot[]> {
  let sheets: CarefulSheet[] | null = null;
  if (p.firstRows > 0) {
    try {
      sheets = await readQuickly(context, makeTargets(), p, counter);
    } catch (e) {
      if (!(e instanceof NullRead) && !RETRY_CAREFULLY.test(officeErrorCode(e) ?? '-')) throw e;
      counter.syncs++; // the failed request
    }
  }
  sheets ??= await readCarefully(context, makeTargets, p, counter);
  const host = hostWarnings(p.supported);
  return sheets.map((s) => snapshotOf(s, host, counter.syncs));
}
