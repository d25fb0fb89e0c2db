/**
 * Snapshots of the whole workbook → what the 绩效指标 tab shows and writes, without Excel: the budget engine first
 * (its 合计 row's execution rate is what the 预算执行率 indicator links to, so its rate formulas are written
 * before the indicator sheet), then the indicator engine. Pure, so it is tested on the seed workbooks directly.
 */
import type { Plan, Settings, SheetSnapshot } from '../../core';
import type { IndicatorReport } from '../../core/indicators';
import { planIndicatorWorkbook } from '../../core/workbook';
import type { IndicatorPreview } from './types';
import type { Mappings } from '../shared/paneTypes';
import { withoutNotes } from '../shared/notes';

export interface IndicatorPlanning {
  report: IndicatorReport;
  /** In the order to apply them: budget sheets, then the indicator sheet. */
  plans: Plan[];
  indicatorPlan: Plan;
  budgetPlans: Plan[];
  preview: IndicatorPreview;
  /** Notes the engines wanted but the host cannot write (below ExcelApi 1.18). */
  notesSkipped: number;
}

const isFormula = (v: unknown) => typeof v === 'string' && v.startsWith('=');

function formulasIn(plans: Plan[]): number {
  let n = 0;
  for (const p of plans) for (const w of p.writes) for (const row of w.inputs) for (const v of row) if (isFormula(v)) n++;
  return n;
}

export function summarizeIndicators(report: IndicatorReport, plan: Plan, budgetPlans: Plan[], sheets: SheetSnapshot[]): IndicatorPreview {
  const execution = report.indicators.find((e) => e.kind === 'execution');
  return {
    sheet: report.sheet,
    refresh: sheets.some((s) => s.name === report.sheet),
    createAfter: plan.createAfter ?? null,
    // The indicator rows are written as one block of rows from the first data row (planSheet.ts).
    rows: plan.writes.find((w) => w.purpose === 'value')?.inputs.length ?? 0,
    indicators: report.indicators.length,
    unparsed: report.indicators.filter((e) => e.status === 'unparsed').length,
    bandsToChoose: report.indicators.filter((e) => e.status === 'qualitative' && e.band === null).length,
    formulas: formulasIn([plan]),
    dropDowns: (plan.validations ?? []).length,
    budgetSheets: budgetPlans.map((p) => p.sheet),
    budgetFormulas: formulasIn(budgetPlans),
    linkedCell: execution?.linkedCell ?? null,
  };
}

export function planIndicators(sheets: SheetSnapshot[], settings: Settings, mappings: Mappings, notesSupported: boolean): IndicatorPlanning {
  // Never over the user's typed rates here: the budget tab is where consent to replace them is given.
  const { indicators, plans } = planIndicatorWorkbook(sheets, { ...settings, overwrite: false }, { mappings });
  const { report, plan } = indicators;
  const budgetPlans = plans.slice(0, -1);
  const all = [...budgetPlans, plan];
  const notesSkipped = notesSupported ? 0 : all.reduce((n, p) => n + p.notes.length, 0);
  const strip = (p: Plan) => (notesSupported ? p : withoutNotes(p));
  const indicatorPlan = strip(plan);
  const stripped = budgetPlans.map(strip);
  return {
    report,
    plans: [...stripped, indicatorPlan],
    indicatorPlan,
    budgetPlans: stripped,
    preview: summarizeIndicators(report, indicatorPlan, stripped, sheets),
    notesSkipped,
  };
}
