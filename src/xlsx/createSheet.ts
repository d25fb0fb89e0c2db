/**
 * Sheets a Plan builds: made blank (Plan.createSheet) or as a copy of another sheet (Plan.copyFrom, next year's
 * sheets), and put right after Plan.createAfter. exceljs has no worksheet copy: we copy its whole model (values,
 * formulas, styles, merges, widths, heights, views, page setup and print area, rules, validations, notes, images).
 */
import type ExcelJS from 'exceljs';
import type { Plan } from '../core';
import { setSheetOrder } from './worksheetInternals';

/** How the plan's sheet came to be: already there, made blank, or copied. */
export type SheetOrigin = 'existing' | 'created' | 'copied';

/** The plan names a sheet that is not there and does not ask for it to be made. */
export class PlanSheetMissingError extends Error {
  readonly code = 'plan-sheet-missing';
  constructor(readonly sheet: string) {
    super(`Plan for sheet "${sheet}" but the workbook has no such sheet`);
    this.name = 'PlanSheetMissingError';
  }
}

/** The worksheet of the plan, made (and placed) when the plan asks for it. */
export function ensureSheet(wb: ExcelJS.Workbook, plan: Plan): { ws: ExcelJS.Worksheet; origin: SheetOrigin } {
  const existing = wb.getWorksheet(plan.sheet);
  // An existing sheet is never replaced: copyFrom and createSheet only apply to a sheet that is missing.
  if (existing) return { ws: existing, origin: 'existing' };
  if (plan.copyFrom !== undefined) {
    const source = wb.getWorksheet(plan.copyFrom);
    if (!source) throw new PlanSheetMissingError(plan.copyFrom);
    const ws = copyWorksheet(wb, source, plan.sheet);
    placeAfter(wb, ws, plan.createAfter);
    return { ws, origin: 'copied' };
  }
  if (!plan.createSheet) throw new PlanSheetMissingError(plan.sheet);
  const ws = wb.addWorksheet(plan.sheet);
  placeAfter(wb, ws, plan.createAfter);
  return { ws, origin: 'created' };
}

/** The worksheet model exceljs builds and reads back (`ws.model`), with the fields we touch. */
interface WorksheetModelLike {
  name: string;
  merges?: string[];
  mergeCells?: string[];
  tables?: unknown[];
  views?: Record<string, unknown>[];
  [key: string]: unknown;
}

/**
 * A copy of `source` named `name`, added at the end of the workbook. structuredClone keeps shared style objects
 * shared in the copy (it preserves identity within one call), so a large sheet does not end up with one style per
 * cell. Not carried: Excel tables (their names must be unique in the workbook; the cells are copied, the table
 * object is not) and workbook-level names pointing into the source.
 */
export function copyWorksheet(wb: ExcelJS.Workbook, source: ExcelJS.Worksheet, name: string): ExcelJS.Worksheet {
  // ws.model is rebuilt from the sheet on every read: clone it so the copy shares nothing with the source.
  const model = structuredClone((source as unknown as { model: WorksheetModelLike }).model);
  const ws = wb.addWorksheet(name);
  const copy: WorksheetModelLike = {
    ...model,
    name,
    // exceljs's model getter lists merges as `merges`, its setter reads `mergeCells` (the file's spelling).
    mergeCells: model.merges ?? [],
    tables: [],
    // Two selected tabs would open the workbook with both sheets grouped: the copy is never the selected one.
    views: (model.views ?? []).map((v) => ({ ...v, tabSelected: false })),
  };
  (ws as unknown as { model: WorksheetModelLike }).model = copy;
  // The model setter leaves the id alone (it stays the new sheet's) and ignores `state`: the copy is visible.
  ws.state = 'visible';
  return ws;
}

/** Moves `ws` right after the sheet named `after` (when there is one), renumbering the tab order. */
export function placeAfter(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, after: string | undefined): void {
  const anchor = after === undefined ? undefined : wb.getWorksheet(after);
  if (!anchor || anchor === ws) return;
  const others = wb.worksheets.filter((s) => s !== ws);
  const at = others.indexOf(anchor) + 1;
  const ordered = [...others.slice(0, at), ws, ...others.slice(at)];
  ordered.forEach((s, i) => setSheetOrder(s, i + 1));
  shiftActiveTab(wb, at, others.length);
}

/**
 * The workbook remembers its active tab (and first visible tab) by position: a sheet inserted before them
 * would silently make another sheet the active one.
 */
function shiftActiveTab(wb: ExcelJS.Workbook, insertedAt: number, countBefore: number): void {
  for (const view of wb.views ?? []) {
    if (typeof view.activeTab === 'number' && view.activeTab >= insertedAt && view.activeTab < countBefore) view.activeTab++;
    if (typeof view.firstSheet === 'number' && view.firstSheet >= insertedAt && view.firstSheet < countBefore) view.firstSheet++;
  }
}
