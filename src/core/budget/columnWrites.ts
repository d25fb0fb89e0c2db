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
    const first = intents[start];
    // Made at their final size: a 10,000-row column grown by push would copy its backing store over and over.
    const column = <T>(cell: (it: CellIntent) => T): T[][] => {
      const out = new Array<T[]>(i - start);
      for (let k = start; k < i; k++) out[k - start] = [cell(intents[k])];
      return out;
    };
    writes.push({
      row: first.row,
      col,
      inputs: column((it) => it.input),
      numberFormat,
      before: column((it) => it.before),
      beforeFormats: column((it) => it.beforeFormat ?? 'General'),
      purpose,
      ...(first.result !== undefined ? { results: column((it) => it.result ?? null) } : {}),
    });
    start = i;
  }
  return writes;
}
