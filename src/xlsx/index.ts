/**
 * The .xlsx front end of the command line: files in, files out. The work is done by the browser-safe package
 * reader/writer in ./package (bytes in, bytes out; also used by the 网页版); this layer adds the file system:
 * input checks, output paths, atomic saves, and the command-shaped tasks (apply, indicators, next-year, monitor).
 */
export { WorkbookPackage, PackageError, SheetNotFoundError, PlanSheetMissingError, MergeConflictError, listFormula } from './package';
export type { ApplyResult, SheetOrigin, AppliedPlan, PackageErrorCode } from './package';
export { loadWorkbook, saveWorkbookAtomic, checkOutputPath, checkWorkbookFile, isSameFile, outputPathFor, WorkbookIOError } from './workbookIO';
export type { WorkbookIOErrorCode, SaveOptions, Savable } from './workbookIO';
export { analyzeFile, applyFile, applyPlans, savePackage, NoBudgetTableError } from './pipeline';
export type { Analysis, ApplyOutcome, PipelineOptions, ProgressEvent } from './pipeline';
export { planTask, applyTask, runTask } from './workbookTask';
export type { TaskPlan, TaskOutcome } from './workbookTask';
export { indicatorsFile, planIndicators } from './indicatorsFile';
export type { IndicatorsOptions, IndicatorsResult } from './indicatorsFile';
export { nextYearFile, planNextYearTask } from './nextYearFile';
export type { NextYearFileOptions } from './nextYearFile';
export { monitorFile, planMonitorTask } from './monitorFile';
export type { MonitorFileOptions } from './monitorFile';
export { NoIndicatorTableError, NothingForNextYearError, NothingToMonitorError } from './taskErrors';
