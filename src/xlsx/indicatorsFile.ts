/**
 * `indicators`: the budget tables first (their plans applied, as `apply` does, so the 预算执行率 row of the built
 * sheet links to a 合计 rate formula), then the indicator engine's sheet 绩效指标完成情况.
 *
 * When there is no indicator table: with a budget table the sheet is still built, holding the 预算执行率 row (scored
 * from the 合计's rate) for the user to add indicators under — the engine's own 'no-indicators' flag says so; with
 * neither, or when --sheet names a sheet without one, it is an error (NoIndicatorTableError).
 */
import type { BudgetReport, Settings, SheetSnapshot } from '../core';
import type { IndicatorReport } from '../core/indicators';
import { isOwnIndicatorSheet, planIndicatorWorkbook } from '../core/workbook';
import type { ProgressEvent } from './pipeline';
import { SheetNotFoundError } from './package';
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

/** The sheet --sheet names (exact, else ignoring stray spaces), or a SheetNotFoundError listing the sheets. */
function pickSheet(snapshots: SheetSnapshot[], sheet: string): SheetSnapshot {
  const found = snapshots.find((s) => s.name === sheet) ?? snapshots.find((s) => s.name.trim() === sheet.trim());
  if (!found) throw new SheetNotFoundError(sheet, snapshots.map((s) => s.name));
  return found;
}

/** The plans (budget first, then the indicator sheet) and the reports, from snapshots of every sheet. */
export function planIndicators(snapshots: SheetSnapshot[], options: Pick<IndicatorsOptions, 'settings' | 'sheet'>, file: string): TaskPlan<IndicatorsResult> {
  const { settings, sheet } = options;
  const chosen = sheet === undefined ? undefined : pickSheet(snapshots, sheet);
  const { budget, indicators, plans } = planIndicatorWorkbook(snapshots, settings, { sheet: chosen?.name });
  const { report } = indicators;
  const hasIndicators = report.indicators.some((e) => e.kind === 'indicator');
  if (chosen && !report.tables.some((t) => t.sheet === chosen.name) && !isOwnIndicatorSheet(chosen)) throw new NoIndicatorTableError(file, chosen.name);
  if (!hasIndicators && budget.report.tables.length === 0) throw new NoIndicatorTableError(file, undefined);
  return { plans, result: { report, budget: budget.report } };
}

export async function indicatorsFile(input: string, output: string, options: IndicatorsOptions): Promise<TaskOutcome<IndicatorsResult>> {
  return runTask(input, output, options.progress, (snapshots) => planIndicators(snapshots, options, input));
}
