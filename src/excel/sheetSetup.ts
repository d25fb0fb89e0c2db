/**
 * The sheet a plan writes to: the existing one, or — for the sheets the engines build (绩效指标完成情况,
 * 绩效运行监控, next year's) — a new one, added or copied and placed where the plan says, queued in the same
 * request as the writes that fill it. Knowing whether the sheet exists takes a round trip, unless the caller
 * already knows the workbook's sheets (it read them moments ago: applyPlans passes them along).
 *
 *   WorksheetCollection.add, Worksheet.name / position: ExcelApi 1.1; Worksheet.copy: ExcelApi 1.7 (copied to
 *   the end and moved: never 'After' the source itself, office-js#775).
 */
import type { Plan } from '../core';
import { UserFacingError } from './errors';

export interface SheetSetup {
  /** The proxy the plan's work is queued on (for a copy: the object copy() returned, renamed). */
  sheet: Excel.Worksheet;
  created: boolean;
  copiedFrom: string | null;
  /** The workbook's sheets, in order, once the plan's sheet is there (unknown when never looked up). */
  names?: string[];
  syncs: number;
}

/** Excel compares sheet names without regard to case. */
export const sameSheetName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function indexOfSheet(names: string[], name: string): number {
  return names.findIndex((n) => sameSheetName(n, name));
}

/** The workbook's sheet names in order: one round trip. */
export async function loadSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  return sheets.items.map((s) => s.name);
}

export function sheetMissing(name: string): UserFacingError {
  return new UserFacingError('not-found', `找不到工作表“${name}”。`, '工作表可能已被重命名或删除，请重新点“识别”后再试。');
}

/**
 * Queues what makes the plan's sheet exist (nothing when it does) and returns the proxy to write on. Nothing is
 * synced here except the optional lookup of the sheet names.
 */
export async function setUpSheet(context: Excel.RequestContext, plan: Plan, known?: string[]): Promise<SheetSetup> {
  let syncs = 0;
  let names = known;
  const worksheets = context.workbook.worksheets;
  // A plan for a sheet that must already be there needs no lookup: a missing sheet fails as ItemNotFound.
  if (!(plan.createSheet || plan.copyFrom)) return { sheet: worksheets.getItem(plan.sheet), created: false, copiedFrom: null, names, syncs };
  if (!names) {
    names = await loadSheetNames(context);
    syncs++;
  }
  if (indexOfSheet(names, plan.sheet) >= 0)
    return { sheet: worksheets.getItem(plan.sheet), created: false, copiedFrom: null, names, syncs };

  const after = plan.createAfter ? indexOfSheet(names, plan.createAfter) : -1;
  const next = [...names];
  if (plan.copyFrom) {
    const from = indexOfSheet(names, plan.copyFrom);
    if (from < 0) throw sheetMissing(plan.copyFrom);
    // Beside the sheet it was made from unless the plan says otherwise. Copied to the end, then moved: copying a
    // sheet 'After' itself fails with InvalidArgument on Excel for Windows (office-js#775, open since 2019).
    const anchor = after >= 0 ? after : from;
    const sheet = worksheets.getItem(names[from]).copy('End');
    sheet.name = plan.sheet;
    // Worksheet.position counts from 0; the copy is not yet in `names`, so anchor + 1 is right after the anchor.
    if (anchor + 1 < names.length) sheet.position = anchor + 1;
    next.splice(anchor + 1, 0, plan.sheet);
    return { sheet, created: true, copiedFrom: names[from], names: next, syncs };
  }
  const sheet = worksheets.add(plan.sheet);
  if (after >= 0) sheet.position = after + 1;
  next.splice(after >= 0 ? after + 1 : next.length, 0, plan.sheet);
  return { sheet, created: true, copiedFrom: null, names: next, syncs };
}
