/**
 * `monitor`: the sheet 绩效运行监控 as of a month, linked by formula to the budget sheets (which are not touched)
 * and refreshed in place when it is already there.
 */
import type { Settings, SheetSnapshot } from '../core';
import { type MonitorReport, planMonitor } from '../core/monitor';
import type { ProgressEvent } from './pipeline';
import { NothingToMonitorError } from './taskErrors';
import { runTask, type TaskOutcome, type TaskPlan } from './workbookTask';

export interface MonitorFileOptions {
  /** Must carry asOfMonth. */
  settings: Settings;
  progress?: (e: ProgressEvent) => void;
}

export function planMonitorTask(snapshots: SheetSnapshot[], settings: Settings, file: string): TaskPlan<MonitorReport> {
  const { report, plan } = planMonitor(snapshots, settings);
  // A sheet with two "not found" lines is no use to anyone: say so instead.
  if (report.projects.length === 0 && report.indicators.length === 0) throw new NothingToMonitorError(file);
  return { plans: [plan], result: report };
}

export async function monitorFile(input: string, output: string, options: MonitorFileOptions): Promise<TaskOutcome<MonitorReport>> {
  return runTask(input, output, options.progress, (snapshots) => planMonitorTask(snapshots, options.settings, input));
}
