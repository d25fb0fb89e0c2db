/**
 * Applies an engine plan to the workbook. Cell writes go as 2D `formulas` and `numberFormat` arrays in row
 * blocks (5,000 rows); blocks share a request until it would pass ~4 MB (Excel on the web refuses 5 MB), so
 * a normal table is one `context.sync()` whatever its length and a 100,000-row one a few. Flags are
 * conditional-format rules over the rate columns, never cell-by-cell fills. Notes only where the host has
 * ExcelApi 1.18; otherwise the result says they were skipped.
 *
 * A plan for a sheet the engine builds creates it (added, or copied from another) in the same request as the
 * writes that fill it; a refreshed sheet is cleared first, in that request too. One request per plan, plus one
 * to learn the sheet names when the caller does not pass them, plus one to look at notes when there are any.
 */
import { columnLetter, planRows, rectAddress, writeHeight, writeWidth, type CellInput, type ConditionalFormatRule, type Plan, type RangeWrite } from '../core';
import { discover, noteKey, nothingFound, type Discovery } from './applyDiscovery';
import { queueRuleAdds, queueRuleRemovals } from './applyRules';
import { queueClear, queueFreeze, queueNotes, queueValidations, type PartsCounts } from './applySheetParts';
import { queueLooks, queuePageSetup } from './applyLook';
import { isInversePlan, type InversePlan } from './invertPlan';
import { ACTION_BYTES, DEFAULT_BLOCK_ROWS, DEFAULT_BUDGET_BYTES, jsonBytes, rowBlocks, SyncBudget } from './payload';
import { isExcelApiSupported, type ApiCheck } from './requirements';
import { asTypedInput } from './textInput';
import { indexOfSheet, loadSheetNames, setUpSheet } from './sheetSetup';

/**
 * `RangeFormat.columnWidth` is in points (OfficeDev/office-js#187: 8.43 characters ≈ 8.43 × 5.75 points,
 * Excel's default 64 px column).
 */
export const POINTS_PER_CHARACTER = 5.75;

export interface ApplyOptions {
  blockRows?: number;
  budgetBytes?: number;
  /** Write flag notes (Settings.notes); default true. */
  notes?: boolean;
  isSupported?: ApiCheck;
  /** The workbook's sheet names in order, when the caller knows them: saves the round trip that looks them up. */
  sheets?: string[];
  /** Show the plan's sheet when done (a sheet just built), in the same request. */
  activate?: boolean;
  /** Rows of cell writes queued so far and in all, after each row block (the pane shows progress). */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

export interface ApplyResult {
  syncs: number;
  /** Row blocks written. */
  blocks: number;
  cellsWritten: number;
  formulasWritten: number;
  mergesAdded: number;
  conditionalFormatsAdded: number;
  conditionalFormatsRemoved: number;
  /** The rules removed, as they were — pass to invertPlan so undo can restore them. */
  removedConditionalFormats: ConditionalFormatRule[];
  notesWritten: number;
  notesRemoved: number;
  /** True when the plan had notes but the host lacks ExcelApi 1.18 (the pane says so). */
  notesSkipped: boolean;
  columnWidthsSet: number;
  /** The plan's sheet was created by this apply (added or copied): undo deletes it. */
  sheetCreated: boolean;
  /** The sheet it was copied from, for a copy. */
  copiedFrom: string | null;
  /** The sheet was deleted (the undo of a created sheet). */
  sheetDeleted: boolean;
  /** Rectangles cleared before the rewrite. */
  cleared: number;
  /** Areas given a drop-down list. */
  validationsSet: number;
  frozen: boolean;
  /** The workbook's sheet names afterwards, in order (for the next plan of the same run), when known. */
  sheets?: string[];
  /** Things left undone on purpose, in Chinese for the pane (e.g. a note the user edited). */
  warnings: string[];
}

function emptyResult(): ApplyResult {
  return {
    syncs: 0, blocks: 0, cellsWritten: 0, formulasWritten: 0, mergesAdded: 0,
    conditionalFormatsAdded: 0, conditionalFormatsRemoved: 0, removedConditionalFormats: [],
    notesWritten: 0, notesRemoved: 0, notesSkipped: false, columnWidthsSet: 0,
    sheetCreated: false, copiedFrom: null, sheetDeleted: false, cleared: 0, validationsSet: 0, frozen: false, warnings: [],
  };
}

/**
 * Excel clears a cell given "" in `formulas`; null is not accepted there. Text that Excel would parse as a number
 * or a date ("1/2", "1,550.00") gets the quote prefix so it stays text (textInput.ts).
 */
function toFormulaInput(v: CellInput, textFormatted: boolean): string | number | boolean {
  return v === null ? '' : asTypedInput(v, textFormatted);
}

interface RowProgress {
  done: number;
  total: number;
  report?: (rowsDone: number, rowsTotal: number) => void;
}

async function queueWrite(sheet: Excel.Worksheet, w: RangeWrite, blockRows: number, budget: SyncBudget, result: ApplyResult, progress: RowProgress, fills: Map<string, string>) {
  const width = writeWidth(w);
  if (width === 0) return;
  const text = w.numberFormat === '@';
  for (const b of rowBlocks(writeHeight(w), blockRows)) {
    // A compact column (a table's rates) gives each block its cells: its whole 2D array is not made in one turn.
    const formulas = w.column
      ? Array.from({ length: b.count }, (_, r) => [toFormulaInput(w.column!.input(b.offset + r), text)])
      : w.inputs.slice(b.offset, b.offset + b.count).map((row) => row.map((v) => toFormulaInput(v, text)));
    const formats = w.numberFormat ? formulas.map((row) => row.map(() => w.numberFormat as string)) : null;
    await budget.reserve(2 * ACTION_BYTES + jsonBytes(formulas) + (formats ? jsonBytes(formats) : 0));
    const top = w.row + b.offset;
    const range = sheet.getRange(rectAddress({ top, left: w.col, bottom: top + b.count - 1, right: w.col + width - 1 }));
    // Formats first: a text-formatted ("@") cell then keeps "001" as text when it is written back.
    if (formats) range.numberFormat = formats;
    range.formulas = formulas;
    if (w.headerStyle) {
      // The fill of the header beside it, so an added column looks like the table's own.
      for (let r = 0; r < b.count; r++) {
        const fill = fills.get(noteKey(top + r, w.col));
        if (fill) sheet.getRange(rectAddress({ top: top + r, left: w.col, bottom: top + r, right: w.col + width - 1 })).format.fill.color = fill;
      }
      range.format.font.bold = true;
      range.format.horizontalAlignment = 'Center';
      range.format.wrapText = true;
    }
    result.blocks++;
    result.cellsWritten += b.count * width;
    progress.done += b.count;
    progress.report?.(progress.done, progress.total);
    for (const row of formulas) for (const v of row) if (typeof v === 'string' && v.startsWith('=')) result.formulasWritten++;
  }
}

function queueLayout(sheet: Excel.Worksheet, plan: Plan | InversePlan, result: ApplyResult) {
  for (const m of plan.merges) {
    sheet.getRange(rectAddress(m)).merge(false);
    result.mergesAdded++;
  }
  if (isInversePlan(plan)) {
    for (const m of plan.unmerges) sheet.getRange(rectAddress(m)).unmerge();
    for (const r of plan.clearHeaderStyles) {
      const range = sheet.getRange(rectAddress(r));
      range.format.font.bold = false;
      range.format.horizontalAlignment = 'General';
      range.format.wrapText = false;
    }
  }
  for (const { col, width } of plan.columnWidths) {
    const letter = columnLetter(col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = Math.round(width * POINTS_PER_CHARACTER * 100) / 100;
    result.columnWidthsSet++;
  }
}

function hasWork(plan: Plan | InversePlan, found: Discovery, created: boolean): boolean {
  const extra = isInversePlan(plan) ? plan.unmerges.length + plan.clearHeaderStyles.length : 0;
  return (
    created ||
    plan.writes.length + plan.merges.length + plan.columnWidths.length + plan.conditionalFormats.length + found.rulesToRemove.length +
      plan.notes.length + plan.removeNotes.length + (plan.clear?.length ?? 0) + (plan.validations?.length ?? 0) + (plan.freeze ? 1 : 0) + (plan.looks?.length ?? 0) + (plan.pageSetup ? 1 : 0) + extra >
      0
  );
}

/** The undo of a sheet this pane built: it goes, whatever it holds now. */
async function deleteSheet(context: Excel.RequestContext, plan: InversePlan, options: ApplyOptions, result: ApplyResult): Promise<ApplyResult> {
  const names = options.sheets ?? (await loadSheetNames(context));
  if (!options.sheets) result.syncs++;
  result.sheets = names.filter((n) => indexOfSheet([n], plan.sheet) < 0);
  if (indexOfSheet(names, plan.sheet) < 0) return result; // already gone (the user deleted it)
  context.workbook.worksheets.getItem(plan.sheet).delete();
  await context.sync();
  result.syncs++;
  result.sheetDeleted = true;
  return result;
}

export async function applyPlan(context: Excel.RequestContext, plan: Plan | InversePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const supported = options.isSupported ?? isExcelApiSupported;
  const result = emptyResult();
  if (isInversePlan(plan) && plan.deleteSheet) return deleteSheet(context, plan, options, result);
  const hasNotes = plan.notes.length + plan.removeNotes.length > 0;
  const wantNotes = options.notes !== false && hasNotes;
  // Worksheet.notes: ExcelApi 1.18 (Microsoft 365 and the web; Excel 2021 stops at 1.14, LTSC 2024 at 1.17).
  const canNotes = supported('1.18');
  if (wantNotes && !canNotes) {
    result.notesSkipped = true;
    result.warnings.push('此版本的 Excel 不能添加注释，已跳过注释；标记颜色不受影响。');
  }
  const setup = await setUpSheet(context, plan, options.sheets);
  result.sheetCreated = setup.created;
  result.copiedFrom = setup.copiedFrom;
  result.sheets = setup.names;
  // A new empty sheet has nothing to look at; a copy holds its source's notes (and only the source's rules).
  const found =
    setup.created && !setup.copiedFrom
      ? nothingFound()
      : await discover(context, setup.copiedFrom ? context.workbook.worksheets.getItem(setup.copiedFrom) : setup.sheet, plan, {
          notes: wantNotes && canNotes,
          rules: !setup.copiedFrom,
        });
  const sheet = setup.sheet;
  const parts: PartsCounts = { cleared: 0, validationsSet: 0, frozen: false, notesWritten: 0, notesRemoved: 0, warnings: [] };
  const budget = new SyncBudget(context, options.budgetBytes ?? DEFAULT_BUDGET_BYTES);
  if (setup.created) await budget.reserve(2 * ACTION_BYTES);
  if (plan.clear && !setup.created) queueClear(sheet, plan.clear, parts);
  const progress: RowProgress = { done: 0, total: planRows(plan), report: options.onProgress };
  for (const w of plan.writes) await queueWrite(sheet, w, options.blockRows ?? DEFAULT_BLOCK_ROWS, budget, result, progress, found.headerFills);
  queueLayout(sheet, plan, result);
  queueValidations(sheet, plan, parts);
  // An undo puts rules back at the priorities they had, which count only the rules that stay: remove first there.
  // Otherwise removals go last — what undo could not put back if the batch stopped half way (applyRules.ts).
  if (isInversePlan(plan)) queueRuleRemovals(plan, found, result);
  queueRuleAdds(sheet, plan, supported, result);
  if (wantNotes && canNotes) queueNotes(sheet, plan, found, parts);
  queueFreeze(sheet, plan, parts);
  queueLooks(sheet, plan.looks);
  queuePageSetup(sheet, plan.pageSetup);
  if (!isInversePlan(plan)) queueRuleRemovals(plan, found, result);
  if (options.activate) sheet.activate();
  if (hasWork(plan, found, setup.created) || options.activate) await budget.flush();
  result.syncs = setup.syncs + found.syncs + budget.syncs;
  result.cleared = parts.cleared;
  result.validationsSet = parts.validationsSet;
  result.frozen = parts.frozen;
  result.notesWritten = parts.notesWritten;
  result.notesRemoved = parts.notesRemoved;
  result.warnings.push(...parts.warnings);
  return result;
}
