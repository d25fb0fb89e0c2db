/**
 * Turns per-cell decisions in one column into rectangles: one RangeWrite per run of consecutive rows,
 * so a front end sends a column of formulas as one 2D array.
 */
import type { CellInput, RangeWrite } from '../plan';

export interface CellIntent {
  row: number;
  input: CellInput;
  before: CellInput;
  beforeFormat: string | null;
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
  let current: RangeWrite | null = null;
  let lastRow = -1;
  for (const it of intents) {
    if (!current || it.row !== lastRow + 1) {
      current = { row: it.row, col, inputs: [], numberFormat, before: [], beforeFormats: [], purpose };
      writes.push(current);
    }
    current.inputs.push([it.input]);
    current.before.push([it.before]);
    current.beforeFormats!.push([it.beforeFormat ?? 'General']);
    lastRow = it.row;
  }
  return writes;
}
