/**
 * A form as a user keeps it (an .xlsx sheet built from test/fixtures/forms.ts), filled by the engine through the
 * .xlsx front end, then computed by HyperFormula. Not a test file.
 */
import ExcelJS from 'exceljs';
import { analyzeWorkbook, isEmptyPlan, withDefaults, type BudgetReport, type Plan, type Settings, type SheetSnapshot } from '../../../src/core';
import { planIndicatorWorkbook } from '../../../src/core/workbook';
import type { IndicatorReport } from '../../../src/core/indicators';
import { applyPlanToWorkbook, readWorkbookSnapshots } from '../../../src/xlsx';
import { addFormSheet } from '../../../scripts/samples/forms';
import type { FormSheet } from '../../fixtures/forms';
import { computeWorkbook, type CellGetter } from '../../helpers/computeWithHyperFormula';

export function formWorkbook(form: FormSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addFormSheet(wb, form, Array(12).fill(12));
  return wb;
}

export interface Filled {
  workbook: ExcelJS.Workbook;
  before: SheetSnapshot;
  report: BudgetReport;
  plans: Plan[];
  value: CellGetter;
  /** Plans of a second run over the filled workbook. */
  rerun: () => Plan[];
}

/** `apply` on the form: the budget engine (which fills the form's blocks), applied, computed. */
export async function fillForm(form: FormSheet, settings: Settings = withDefaults()): Promise<Filled> {
  const workbook = formWorkbook(form);
  const [before] = readWorkbookSnapshots(workbook);
  const { report, plans } = analyzeWorkbook([before], settings);
  for (const p of plans) applyPlanToWorkbook(workbook, p);
  const value = await computeWorkbook(workbook);
  const rerun = () => analyzeWorkbook(readWorkbookSnapshots(workbook), settings).plans.filter((p) => !isEmptyPlan(p));
  return { workbook, before, report, plans, value, rerun };
}

/** `indicators` on the form: its report (the built sheet's total). */
export function formIndicators(form: FormSheet, settings: Settings = withDefaults()): IndicatorReport {
  return planIndicatorWorkbook(readWorkbookSnapshots(formWorkbook(form)), settings).indicators.report;
}
