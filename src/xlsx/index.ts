/** The .xlsx front end: read snapshots from exceljs, apply plans to it, load and save files safely. */
export { readSnapshot, readWorkbookSnapshots, SheetNotFoundError } from './readSnapshot';
export type { ReadSnapshotOptions } from './readSnapshot';
export { applyPlan, applyPlanToWorkbook, MergeConflictError } from './applyPlan';
export type { ApplyResult } from './applyPlan';
export { loadWorkbook, saveWorkbookAtomic, checkOutputPath, checkWorkbookFile, isSameFile, WorkbookIOError } from './workbookIO';
export type { WorkbookIOErrorCode, SaveOptions } from './workbookIO';
export { analyzeFile, applyFile, applyPlans, NoBudgetTableError } from './pipeline';
export type { Analysis, ApplyOutcome, PipelineOptions, ProgressEvent } from './pipeline';
export { displayValue, dateToSerial, noteText } from './cellValue';
