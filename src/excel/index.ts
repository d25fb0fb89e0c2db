/**
 * The Office.js front end: everything the pane does to a workbook goes through here. Functions that take a
 * RequestContext only queue work and sync; wrap them in runExcel to get Chinese error messages.
 */
export { readSnapshot, type ReadSnapshotOptions, type ExcelSnapshot } from './readSnapshot';
export { readWorkbookSnapshots, type ReadWorkbookOptions, type WorkbookSnapshot } from './readWorkbook';
export { applyPlan, POINTS_PER_CHARACTER, type ApplyOptions, type ApplyResult } from './applyPlan';
export { applyPlans, type ApplyPlansOptions, type ApplyPlansResult } from './applyPlans';
export { invertPlan, isInversePlan, restoreWrites, type InversePlan, type AppliedDetails } from './invertPlan';
export { loadSheetNames, sameSheetName } from './sheetSetup';
export { runExcel, type ExcelAction } from './runExcel';
export { watchCellEditWait } from './cellEditWait';
export { UserFacingError, toUserFacingError, noTableError, officeErrorCode, type UserErrorCode } from './errors';
export { selectCell, selectCellInExcel } from './selectCell';
export { watchSheetEdits, type SheetEdit, type WatchOptions } from './watchChanges';
export { createSettingsStore, SETTINGS_KEY, SETTINGS_NAMESPACE, type SettingsStore } from './settingsStore';
export { API_REQUIREMENTS, MINIMUM_EXCEL_API, isExcelApiSupported, type ApiCheck } from './requirements';
export { DEFAULT_BLOCK_ROWS, DEFAULT_BUDGET_BYTES, EXCEL_WEB_PAYLOAD_LIMIT } from './payload';
