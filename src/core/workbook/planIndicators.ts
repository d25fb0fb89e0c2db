/**
 * The indicator step over a whole workbook, shared by the command line and the task pane: the budget tables first
 * (their plans go first, so the 预算执行率 row of the built sheet links to a 合计 rate formula), then the
 * indicator engine's sheet 绩效指标完成情况.
 *
 * Which sheets the indicator engine reads: all of them, except next year's sheets made by `next-year` (their
 * 实际完成值 are cleared; reading them would count every indicator twice), and, with `sheet`, only that one. A
 * left-out sheet is passed as a one-cell stand-in, so the engine still sees that its name is taken and never
 * builds its sheet over a user's sheet of that name.
 */
import type { SheetSnapshot } from '../snapshot';
import { schemeSettings, type Settings } from '../settings';
import { showsSpending, type BudgetReport } from '../budget/report';
import { isEmptyPlan, type Plan } from '../plan';
import { SheetGrid } from '../grid';
import { analyzeWorkbook, type AnalyzeOptions, type WorkbookAnalysis } from '../budget/analyze';
import { analyzeIndicators, executionLink, findIndicatorTables, type IndicatorAnalysis } from '../indicators';
import { nextYearSheets } from '../nextYear';

export interface IndicatorWorkbookOptions extends AnalyzeOptions {
  /** Read indicator tables from this sheet only (it must exist: the caller checks, with its own error). */
  sheet?: string;
}

export interface IndicatorWorkbookPlan {
  budget: WorkbookAnalysis;
  indicators: IndicatorAnalysis;
  /** Budget plans that change something (with `sheet`: only the one 预算执行率 links to), then the indicator plan. */
  plans: Plan[];
  /** Sheets left out of the indicator engine's reading. */
  leftOut: string[];
}

export const isOwnIndicatorSheet = (s: SheetSnapshot) => findIndicatorTables(new SheetGrid(s)).some((t) => t.kind === 'own');
export const hasIndicatorTable = (s: SheetSnapshot) => findIndicatorTables(new SheetGrid(s)).some((t) => t.kind !== 'own');

function standIn(name: string): SheetSnapshot {
  return { name, originRow: 1, originCol: 1, values: [['（未选择 not selected）']], formulas: [[null]], merges: [], conditionalFormats: [], notes: [] };
}

/**
 * On a standard form the 预算执行率 line is the form's own: scored by the form's scheme (settings 'auto') with the
 * 分值 the form prints on its total row.
 */
function formScoring(settings: Settings, budget: BudgetReport, linkedSheet: string | undefined): Settings {
  const form = budget.forms?.find((f) => f.sheet === linkedSheet);
  if (!form) return schemeSettings(settings, null).settings;
  const scored = schemeSettings(settings, form.kind).settings;
  return { ...scored, scoring: { ...scored.scoring, executionWeight: form.budget?.weight ?? scored.scoring.executionWeight } };
}

export function planIndicatorWorkbook(snapshots: SheetSnapshot[], settings: Settings, options: IndicatorWorkbookOptions = {}): IndicatorWorkbookPlan {
  const budget = analyzeWorkbook(snapshots, settings, options);
  const link = executionLink(budget.report, snapshots);
  const templates = nextYearSheets(snapshots);
  const keep = (s: SheetSnapshot) => {
    if (isOwnIndicatorSheet(s)) return true;
    if (templates.has(s.name)) return false;
    if (options.sheet === undefined) return true;
    return s.name === options.sheet || (s.name === link?.sheet && !hasIndicatorTable(s));
  };
  const sources = snapshots.map((s) => (keep(s) ? s : standIn(s.name)));
  const leftOut = snapshots.filter((s) => !keep(s)).map((s) => s.name);
  const indicators = analyzeIndicators(sources, formScoring(settings, budget.report, link?.sheet), budget.report);
  const form = budget.report.forms?.find((f) => f.sheet === link?.sheet) ?? budget.report.forms?.[0];
  if (form) indicators.report.form = form;
  // Next year's sheets with no spending yet are templates `next-year` made: their rates (0 % where the 调整后 column
  // keeps its formulas) would be flagged as low execution on every project. They are left as next-year wrote them.
  // The built sheet is the indicator engine's alone, whatever the budget engine thought of it.
  const budgetPlans = budget.plans.filter(
    (p) =>
      !isEmptyPlan(p) &&
      p.sheet !== indicators.report.sheet &&
      !(templates.has(p.sheet) && !showsSpending(budget.report, p.sheet)) &&
      (options.sheet === undefined || p.sheet === link?.sheet),
  );
  return { budget, indicators, plans: [...budgetPlans, indicators.plan], leftOut };
}
