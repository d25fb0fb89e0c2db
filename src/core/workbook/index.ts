/** Steps over a whole workbook that combine engines (budget, indicators, next year), shared by both front ends. */
export { planIndicatorWorkbook, isOwnIndicatorSheet, hasIndicatorTable } from './planIndicators';
export type { IndicatorWorkbookOptions, IndicatorWorkbookPlan } from './planIndicators';
