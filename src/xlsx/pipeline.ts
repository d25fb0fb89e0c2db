/**
 * The whole .xlsx path, independent of how results are printed: file → snapshots → engine → plans → file.
 * The command line and the benchmark both call these, so what is measured is what users run.
 */
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { analyzeWorkbook, type AnalyzeOptions, type BudgetReport, type Plan, type Settings, type SheetSnapshot } from '../core';
import { type ApplyResult, applyPlanToWorkbook } from './applyPlan';
import { readWorkbookSnapshots } from './readSnapshot';
import { checkOutputPath, loadWorkbook, saveWorkbookAtomic } from './workbookIO';

export type ProgressEvent =
  | { stage: 'reading'; file: string }
  | { stage: 'analysing'; sheets: string[] }
  | { stage: 'applying'; sheet: string }
  | { stage: 'writing'; file: string };

export interface PipelineOptions {
  settings: Settings;
  /** Only this worksheet (SheetNotFoundError when missing). */
  sheet?: string;
  analyze?: AnalyzeOptions;
  progress?: (e: ProgressEvent) => void;
}

/** The engine found no budget table in the sheets it looked at. */
export class NoBudgetTableError extends Error {
  readonly code = 'no-budget-table';
  constructor(
    readonly file: string,
    readonly sheets: string[],
  ) {
    super(`No budget table found in ${file} (sheets: ${sheets.join(', ')})`);
    this.name = 'NoBudgetTableError';
  }
}

export interface Analysis {
  workbook: ExcelJS.Workbook;
  snapshots: SheetSnapshot[];
  report: BudgetReport;
  plans: Plan[];
}

/** Reads and analyses a file; changes nothing. Throws NoBudgetTableError when there is nothing to do. */
export async function analyzeFile(input: string, options: PipelineOptions): Promise<Analysis> {
  options.progress?.({ stage: 'reading', file: input });
  const workbook = await loadWorkbook(input);
  const snapshots = readWorkbookSnapshots(workbook, options.sheet, { source: path.basename(input) });
  options.progress?.({ stage: 'analysing', sheets: snapshots.map((s) => s.name) });
  const { report, plans } = analyzeWorkbook(snapshots, options.settings, options.analyze ?? {});
  if (report.tables.length === 0) throw new NoBudgetTableError(input, snapshots.map((s) => s.name));
  return { workbook, snapshots, report, plans };
}

export interface ApplyOutcome {
  report: BudgetReport;
  applied: { sheet: string; result: ApplyResult }[];
  output: string;
}

/** Applies the engine's plans to `workbook` in memory (no file I/O). */
export function applyPlans(workbook: ExcelJS.Workbook, plans: Plan[], progress?: (e: ProgressEvent) => void): ApplyOutcome['applied'] {
  return plans.map((plan) => {
    progress?.({ stage: 'applying', sheet: plan.sheet });
    return { sheet: plan.sheet, result: applyPlanToWorkbook(workbook, plan) };
  });
}

/**
 * Reads `input`, writes the result to `output` atomically. The output path is checked before the (slow)
 * read, so a wrong -o fails at once; the input file is only ever read.
 */
export async function applyFile(input: string, output: string, options: PipelineOptions): Promise<ApplyOutcome> {
  await checkOutputPath(output, input);
  const { workbook, report, plans } = await analyzeFile(input, options);
  // The snapshots are not kept past this point: on a 100,000-row sheet they are hundreds of MB that the
  // garbage collector would otherwise have to walk again and again while exceljs builds the output.
  const applied = applyPlans(workbook, plans, options.progress);
  options.progress?.({ stage: 'writing', file: output });
  await saveWorkbookAtomic(workbook, output, { input });
  return { report, applied, output };
}
