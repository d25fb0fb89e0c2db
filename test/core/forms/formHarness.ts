/**
 * A form as a user keeps it (an .xlsx sheet built from test/fixtures/forms.ts), filled by the engine through the
 * .xlsx front end, then computed by HyperFormula. Not a test file.
 */
import ExcelJS from 'exceljs';
import { analyzeWorkbook, isEmptyPlan, withDefaults, type BudgetReport, type Plan, type Settings, type SheetSnapshot } from '../../../src/core';
import { planIndicatorWorkbook } from '../../../src/core/workbook';
import type { IndicatorReport } from '../../../src/core/indicators';
import { WorkbookPackage } from '../../../src/xlsx';
import { addFormSheet } from '../../../scripts/samples/forms';
import type { FormSheet } from '../../fixtures/forms';
import { computeWorkbook, type CellGetter } from '../../helpers/computeWithHyperFormula';

export function formWorkbook(form: FormSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addFormSheet(wb, form, Array(12).fill(12));
  return wb;
}

export interface Filled {
  /** The filled workbook as saved, read back by exceljs (formulas and formats as written). */
  workbook: ExcelJS.Workbook;
  bytes: Uint8Array;
  before: SheetSnapshot;
  report: BudgetReport;
  plans: Plan[];
  value: CellGetter;
  /** Plans of a second run over the filled workbook. */
  rerun: () => Promise<Plan[]>;
}

export async function formBytes(form: FormSheet): Promise<Uint8Array> {
  return new Uint8Array((await formWorkbook(form).xlsx.writeBuffer()) as ArrayBuffer);
}

async function snapshotsOf(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  return (await WorkbookPackage.open(bytes)).readSnapshots();
}

/** `apply` on the form: the budget engine (which fills the form's blocks), applied by the package writer, computed. */
export async function fillForm(form: FormSheet, settings: Settings = withDefaults()): Promise<Filled> {
  const input = await formBytes(form);
  const book = await WorkbookPackage.open(input);
  const [before] = await book.readSnapshots();
  const { report, plans } = analyzeWorkbook([before], settings);
  await book.applyPlans(plans);
  const bytes = await book.save();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const value = await computeWorkbook(workbook);
  const rerun = async () => analyzeWorkbook(await snapshotsOf(bytes), settings).plans.filter((p) => !isEmptyPlan(p));
  return { workbook, bytes, before, report, plans, value, rerun };
}

/** `indicators` on the form: its report (the built sheet's total). */
export async function formIndicators(form: FormSheet, settings: Settings = withDefaults()): Promise<IndicatorReport> {
  return planIndicatorWorkbook(await snapshotsOf(await formBytes(form)), settings).indicators.report;
}
