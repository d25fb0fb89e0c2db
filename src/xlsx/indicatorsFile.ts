/**
 * `indicators`: the budget tables first (their plans applied, as `apply` does, so the 预算执行率 row of the built
 * sheet links to a 合计 rate formula), then the indicator engine's sheet 绩效指标完成情况.
 *
 * When there is no indicator table: with a budget table the sheet is still built, holding the 预算执行率 row (scored
 * from the 合计's rate) for the user to add indicators under — the engine's own 'no-indicators' flag says so; with
 * neither, or when --sheet names a sheet without one, it is an error (NoIndicatorTableError).
 */
import { analyzeWorkbook, type BudgetReport, type Plan, type Settings, type SheetSnapshot } from '../core';
import { SheetGrid } from '../core/grid';
import { analyzeIndicators, executionLink, findIndicatorTables, type IndicatorReport } from '../core/indicators';
import type { ProgressEvent } from './pipeline';
import { SheetNotFoundError } from './readSnapshot';
import { NoIndicatorTableError } from './taskErrors';
import { runTask, type TaskOutcome, type TaskPlan } from './workbookTask';

export interface IndicatorsOptions {
  settings: Settings;
  /** Read indicator tables from this sheet only. */
  sheet?: string;
  progress?: (e: ProgressEvent) => void;
}

export interface IndicatorsResult {
  report: IndicatorReport;
  /** The budget analysis whose plans were applied first (for the summary: where 预算执行率 comes from). */
  budget: BudgetReport;
}

const isOwnSheet = (s: SheetSnapshot) => findIndicatorTables(new SheetGrid(s)).some((t) => t.kind === 'own');
const hasIndicatorTable = (s: SheetSnapshot) => findIndicatorTables(new SheetGrid(s)).some((t) => t.kind !== 'own');

/**
 * A stand-in for a sheet left out by --sheet: the indicator engine sees that the name is taken (so it never builds
 * its sheet over a user's sheet of that name) but finds no table on it.
 */
function placeholder(name: string): SheetSnapshot {
  return { name, originRow: 1, originCol: 1, values: [['（未选择 not selected）']], formulas: [[null]], merges: [], conditionalFormats: [], notes: [] };
}

function pickSheet(snapshots: SheetSnapshot[], sheet: string): SheetSnapshot {
  const found = snapshots.find((s) => s.name === sheet) ?? snapshots.find((s) => s.name.trim() === sheet.trim());
  if (!found) throw new SheetNotFoundError(sheet, snapshots.map((s) => s.name));
  return found;
}

/**
 * The snapshots the indicator engine sees with --sheet: the chosen sheet, the engine's own built sheets (the user's
 * answers there survive a refresh), the budget sheet 预算执行率 links to (its typed rate is read from it), and
 * placeholders for the rest.
 */
function selectedSources(snapshots: SheetSnapshot[], chosen: SheetSnapshot, linkSheet: string | undefined): SheetSnapshot[] {
  return snapshots.map((s) => {
    if (s === chosen || isOwnSheet(s)) return s;
    if (s.name === linkSheet && !hasIndicatorTable(s)) return s;
    return placeholder(s.name);
  });
}

/** The plans (budget first, then the indicator sheet) and the reports, from snapshots of every sheet. */
export function planIndicators(snapshots: SheetSnapshot[], options: Pick<IndicatorsOptions, 'settings' | 'sheet'>, file: string): TaskPlan<IndicatorsResult> {
  const { settings, sheet } = options;
  const chosen = sheet === undefined ? undefined : pickSheet(snapshots, sheet);
  const budget = analyzeWorkbook(snapshots, settings);
  const link = executionLink(budget.report, snapshots);
  const sources = chosen ? selectedSources(snapshots, chosen, link?.sheet) : snapshots;
  const { report, plan } = analyzeIndicators(sources, settings, budget.report);

  const hasIndicators = report.indicators.some((e) => e.kind === 'indicator');
  if (chosen && !report.tables.some((t) => t.sheet === chosen.name) && !isOwnSheet(chosen)) throw new NoIndicatorTableError(file, chosen.name);
  if (!hasIndicators && budget.report.tables.length === 0) throw new NoIndicatorTableError(file, undefined);

  // With --sheet, only the budget sheet the link points at gets its rate formulas: the other sheets stay as they are.
  const budgetPlans: Plan[] = chosen ? budget.plans.filter((p) => p.sheet === link?.sheet) : budget.plans;
  return { plans: [...budgetPlans, plan], result: { report, budget: budget.report } };
}

export async function indicatorsFile(input: string, output: string, options: IndicatorsOptions): Promise<TaskOutcome<IndicatorsResult>> {
  return runTask(input, output, options.progress, (snapshots) => planIndicators(snapshots, options, input));
}
