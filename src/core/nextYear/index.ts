/** Next year's template (issue 5): a copy of every budget or indicator sheet, emptied for next year's numbers. */
export { planNextYear, validateNextYearOptions } from './planNextYear';
export type { NextYearOptions, NextYearPlan } from './planNextYear';
export type { NextYearReport, NextYearSheetReport, NextYearNote } from './report';
export { planRollover, supersededSheets, nextYearSheets } from './targets';
export type { NextYearTarget, Rollover, SkippedSheet, SkipReason, YearSource } from './targets';
export { nextSheetName, validSheetName, uniqueSheetName, MAX_SHEET_NAME, UNKNOWN_YEAR_SUFFIX } from './sheetName';
export { yearsInText, yearsInName, shiftTextYears, shiftNameYears } from './years';
export { sumCoverage, inputRows } from './sumCoverage';
export { CARRIED_HEADER, lowExecutionNote } from './budgetTemplate';
export { overAchievementNote } from './indicatorTemplate';
