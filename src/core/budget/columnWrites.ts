/**
 * Turns per-cell decisions in one column into rectangles: one RangeWrite per run of consecutive rows,
 * so a front end sends a column of formulas as one 2D array.
 */
import type { CellInput, CellValue, RangeWrite } from '../plan';

export interface CellIntent {
  row: number;
  input: CellInput;
  before: CellInput;
  beforeFormat: string | null;
  /** What the formula computes, when known (stored as its cached result). */
  result?: CellValue;
}

/** [first, last] pairs of consecutive numbers in a sorted list. */
export function contiguousRuns(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

export function planColumnWrites(col: number, intents: CellIntent[], numberFormat: string, purpose: RangeWrite['purpose']): RangeWrite[] {
  const writes: RangeWrite[] = [];
  let start = 0;
  for (let i = 1; i <= intents.length; i++) {
    if (i < intents.length && intents[i].row === intents[i - 1].row + 1) continue;
    // One run of consecutive rows: its arrays are made at their final size (map), not grown cell by cell.
    const run = intents.slice(start, i);
    writes.push({
      row: run[0].row,
      col,
      inputs: run.map((it) => [it.input]),
      numberFormat,
      before: run.map((it) => [it.before]),
      beforeFormats: run.map((it) => [it.beforeFormat ?? 'General']),
      purpose,
      ...(run[0].result !== undefined ? { results: run.map((it) => [it.result ?? null]) } : {}),
    });
    start = i;
  }
  return writes;
}
