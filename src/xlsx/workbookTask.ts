/**
 * The shape every writing command shares: check the output path (before the slow read), read the input, let the
 * engine plan from snapshots of every sheet, apply the plans in order, save atomically. The input is only read.
 */
import type { Plan, SheetSnapshot } from '../core';
import type { WorkbookPackage } from './package';
import { type ApplyOutcome, applyPlans, type ProgressEvent, savePackage } from './pipeline';
import { checkOutputPath, loadWorkbook } from './workbookIO';

export interface TaskPlan<R> {
  /** Applied in this order (budget plans before the indicator plan: its link needs their rate formulas). */
  plans: Plan[];
  result: R;
}

export interface TaskOutcome<R> {
  result: R;
  applied: ApplyOutcome['applied'];
  output: string;
}

/** Reads `input` and plans; the workbook stays in memory for applyTask (the demo reuses both halves). */
export async function planTask<R>(
  input: string,
  progress: ((e: ProgressEvent) => void) | undefined,
  plan: (snapshots: SheetSnapshot[]) => TaskPlan<R>,
): Promise<{ workbook: WorkbookPackage; planned: TaskPlan<R> }> {
  progress?.({ stage: 'reading', file: input });
  const workbook = await loadWorkbook(input);
  const snapshots = await workbook.readSnapshots();
  progress?.({ stage: 'analysing', sheets: snapshots.map((s) => s.name) });
  return { workbook, planned: plan(snapshots) };
}

/** Applies what planTask planned and saves it atomically to `output`. */
export async function applyTask<R>(
  input: string,
  output: string,
  workbook: WorkbookPackage,
  planned: TaskPlan<R>,
  progress?: (e: ProgressEvent) => void,
): Promise<TaskOutcome<R>> {
  const applied = await applyPlans(workbook, planned.plans, progress);
  const written = await savePackage(workbook, input, output, progress);
  return { result: planned.result, applied, output: written };
}

export async function runTask<R>(
  input: string,
  output: string,
  progress: ((e: ProgressEvent) => void) | undefined,
  plan: (snapshots: SheetSnapshot[]) => TaskPlan<R>,
): Promise<TaskOutcome<R>> {
  await checkOutputPath(output, input);
  const { workbook, planned } = await planTask(input, progress, plan);
  return applyTask(input, output, workbook, planned, progress);
}
