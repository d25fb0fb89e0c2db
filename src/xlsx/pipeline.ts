/**
 * The whole .xlsx path, independent of how results are printed: file → snapshots → engine → plans → file.
 * The command line and the benchmark both call these, so what is measured is what users run.
 */
import { analyzeWorkbook, type AnalyzeOptions, type BudgetReport, type Plan, type Settings, type SheetSnapshot } from '../core';
import type { ApplyResult, WorkbookPackage } from './package';
import { checkOutputPath, loadWorkbook, outputPathFor, saveWorkbookAtomic } from './workbookIO';

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
  workbook: WorkbookPackage;
  snapshots: SheetSnapshot[];
  report: BudgetReport;
  plans: Plan[];
}

/** Reads and analyses a file; changes nothing. Throws NoBudgetTableError when there is nothing to do. */
export async function analyzeFile(input: string, options: PipelineOptions): Promise<Analysis> {
  options.progress?.({ stage: 'reading', file: input });
  const workbook = await loadWorkbook(input);
  const snapshots = await workbook.readSnapshots(options.sheet);
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

/** Applies the engine's plans to the opened package in memory (no file I/O). */
export async function applyPlans(workbook: WorkbookPackage, plans: Plan[], progress?: (e: ProgressEvent) => void): Promise<ApplyOutcome['applied']> {
  return workbook.applyPlans(plans, (sheet) => progress?.({ stage: 'applying', sheet }));
}

/** Saves the package to `output` (its extension following the input's kind) atomically; returns the path written. */
export async function savePackage(workbook: WorkbookPackage, input: string, output: string, progress?: (e: ProgressEvent) => void): Promise<string> {
  const target = outputPathFor(workbook, output);
  progress?.({ stage: 'writing', file: target });
  await saveWorkbookAtomic(workbook, target, { input });
  return target;
}

/**
 * Reads `input`, writes the result to `output` atomically. The output path is checked before the (slow)
 * read, so a wrong -o fails at once; the input file is only ever read.
 */
export async function applyFile(input: string, output: string, options: PipelineOptions): Promise<ApplyOutcome> {
  await checkOutputPath(output, input);
  const { workbook, report, plans } = await analyzeFile(input, options);
  const applied = await applyPlans(workbook, plans, options.progress);
  const written = await savePackage(workbook, input, output, options.progress);
  return { report, applied, output: written };
}
