/** The engine's public face: front ends import from here only. */
export * from './snapshot';
export { ValueColumns, withValueColumns, snapshotValue, snapshotSize } from './valueColumns';
export * from './settings';
export * from './settingsPart';
export * from './schemes';
export * from './plan';
export * from './budget/report';
export { analyzeSheet, analyzeWorkbook } from './budget/analyze';
export { tableKey } from "./budget/analyze";
export type { SheetAnalysis, WorkbookAnalysis, AnalyzeOptions } from './budget/analyze';
export { shiftFormula } from './formulaShift';
export * from './forms/types';
