/** The indicator-value engine: read 年度指标值 and 实际完成值, divide, score. Pure TypeScript. */
export * from './types';
export { parseIndicatorValue, directionFromName, findQualitativeWord } from './parseValue';
export type { ParseOptions } from './parseValue';
export { extractActual, printedCompletion } from './extractActual';
export { completionRate, indicatorScore, QUALITATIVE_BANDS, OVER_ACHIEVEMENT } from './completion';
export type { Completion, IndicatorScore, IndicatorStatus, QualitativeBand, ScoreOptions } from './completion';
export { normalizeText, targetClause } from './normalize';
export { unitFamily, unitsCompatible } from './units';
export { findIndicatorTables } from './findTables';
export type { IndicatorTableLayout } from './findTables';
export { analyzeIndicators } from './analyze';
export type { IndicatorAnalysis } from './analyze';
export * from './report';
export { OUTPUT_SHEET, OUTPUT_SHEET_FALLBACK, OWN_COLUMNS, BAND_WORDS, REASON_WORDS, DIRECTION_WORD, indicatorHeaderRole } from './headers';
export type { IndicatorRole, OwnColumn } from './headers';
export { STATUS_WORD } from './formulas';
export { executionLink } from './execution';
export type { ExecutionLink } from './execution';
