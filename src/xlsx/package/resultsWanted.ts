/**
 * Which writes of the plans want cached results computed (formulas without the engine's own results), and which
 * sheets those formulas read. Apart from the evaluator (cachedResults.ts), so that a run whose plans want none
 * (apply: its rates carry the engine's numbers) never loads the formula parser (about 90 ms of start-up).
 */
import { type CellInput, hasResults, type Plan, type RangeWrite, writeHeight, writeInput, writeRowWidth } from '../../core';
import { formulaTokens } from './formulaTokens';

export const isFormula = (v: CellInput): v is string => typeof v === 'string' && v.startsWith('=');

/** The write's cells, read without making its arrays (a compact column stays compact). */
export function eachInput(w: RangeWrite, visit: (input: CellInput, r: number, c: number) => void): void {
  const height = writeHeight(w);
  for (let r = 0; r < height; r++) {
    const width = writeRowWidth(w, r);
    for (let c = 0; c < width; c++) visit(writeInput(w, r, c), r, c);
  }
}

/** A write with formulas and no results of the engine's: its results are computed here. */
export function wantsResults(w: RangeWrite): boolean {
  if (hasResults(w)) return false;
  let formulas = false;
  eachInput(w, (v) => (formulas ||= isFormula(v)));
  return formulas;
}

/** Sheet names a formula refers to ('表1-2'!F11, Sheet2!A1), for loading them before it is computed. */
export function referencedSheets(formula: string): string[] {
  const out = new Set<string>();
  for (const t of formulaTokens(formula)) if (t.kind === 'sheet') out.add(t.name);
  return [...out];
}

/** Sheets (and sources of copies) the plans need to compute their formulas. */
export function sheetsToRead(plans: Plan[]): string[] {
  if (!plans.some((p) => p.writes.some(wantsResults))) return [];
  const names = new Set<string>();
  for (const p of plans) {
    names.add(p.sheet);
    if (p.copyFrom !== undefined) names.add(p.copyFrom);
    for (const w of p.writes) if (wantsResults(w)) eachInput(w, (v) => isFormula(v) && referencedSheets(v).forEach((n) => names.add(n)));
  }
  return [...names];
}
