/**
 * `next-year`: a sheet for next year beside every sheet with a budget or indicator table (made as a copy, then
 * emptied of this year's numbers by the engine's plan). The input sheets are never written; a second run on the
 * output finds next year's sheets there and adds nothing.
 */
import type { Settings, SheetSnapshot } from '../core';
import { type NextYearOptions, type NextYearReport, planNextYear } from '../core/nextYear';
import type { ProgressEvent } from './pipeline';
import { NothingForNextYearError } from './taskErrors';
import { runTask, type TaskOutcome, type TaskPlan } from './workbookTask';

export interface NextYearFileOptions extends NextYearOptions {
  settings: Settings;
  progress?: (e: ProgressEvent) => void;
}

export function planNextYearTask(snapshots: SheetSnapshot[], options: NextYearFileOptions, file: string): TaskPlan<NextYearReport> {
  const { report, plans } = planNextYear(snapshots, options.settings, {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.carryActuals ? { carryActuals: true } : {}),
  });
  if (report.sheets.length === 0) throw new NothingForNextYearError(file);
  return { plans, result: report };
}

export async function nextYearFile(input: string, output: string, options: NextYearFileOptions): Promise<TaskOutcome<NextYearReport>> {
  return runTask(input, output, options.progress, (snapshots) => planNextYearTask(snapshots, options, input));
}
