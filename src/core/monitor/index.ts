/** The mid-year monitor (issue 5): the sheet 绩效运行监控, linked to the budget sheets, refreshed in place. */
export { planMonitor } from './planMonitor';
export type { MonitorPlan } from './planMonitor';
export type { MonitorReport, MonitorProject, MonitorIndicator, MonitorOverall } from './report';
export { MONITOR_SHEET, MONITOR_SHEET_FALLBACK, FUNDING_COLUMNS, INDICATOR_COLUMNS, SUMMARY_ROWS, LIKELIHOOD_WORDS, LIGHT_WORDS, blockRows } from './layout';
export type { Light } from './layout';
export { isOwnMonitor, monitorSheetName } from './existing';
export { progressRatio, lightOf, RED_BELOW, YELLOW_BELOW } from './light';
