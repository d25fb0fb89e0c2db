/** The indicator-value engine: read 年度指标值 and 实际完成值, divide, score. Pure TypeScript. */
export * from './types';
export { parseIndicatorValue, directionFromName, findQualitativeWord } from './parseValue';
export type { ParseOptions } from './parseValue';
export { extractActual, printedCompletion } from './extractActual';
export { completionRate, indicatorScore, QUALITATIVE_BANDS, OVER_ACHIEVEMENT } from './completion';
export type { Completion, IndicatorScore, IndicatorStatus, QualitativeBand, ScoreOptions } from './completion';
export { normalizeText, targetClause } from './normalize';
export { unitFamily, unitsCompatible } from './units';
