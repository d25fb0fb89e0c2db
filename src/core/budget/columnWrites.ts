/**
 * Turns per-cell decisions in one column into rectangles: one RangeWrite per run of consecutive rows,
 * so a front end sends a column of formulas as one 2D array.
 */
import type { CellInput, CellValue, RangeWrite } from '../plan';
import { keepShape } from '../liveShapes';

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

/** Marks a result kept in ColumnCells.numbers. */
const IN_NUMBERS = Symbol('number');

/**
 * The cells one column will get, in row order, as parallel lists made at their final size (at most `capacity`
 * cells): no object per cell while a table is planned, no list grown by push, no box per numeric result.
 */
export class ColumnCells {
  length = 0;
  readonly rows: Int32Array;
  readonly inputs: CellInput[];
  readonly before: CellInput[];
  readonly beforeFormats: (string | null)[];
  /** Numeric results as raw doubles; `results` says IN_NUMBERS for them and holds any other result itself. */
  readonly numbers: Float64Array;
  readonly results: (CellValue | undefined | typeof IN_NUMBERS)[];

  constructor(capacity: number) {
    this.rows = new Int32Array(capacity);
    this.inputs = new Array<CellInput>(capacity);
    this.before = new Array<CellInput>(capacity);
    this.beforeFormats = new Array<string | null>(capacity);
    this.numbers = new Float64Array(capacity);
    this.results = new Array<CellValue | undefined | typeof IN_NUMBERS>(capacity);
  }

  add(row: number, input: CellInput, before: CellInput, beforeFormat: string | null, result?: CellValue): void {
    const k = this.length++;
    this.rows[k] = row;
    this.inputs[k] = input;
    this.before[k] = before;
    this.beforeFormats[k] = beforeFormat;
    if (typeof result === 'number') {
      this.numbers[k] = result;
      this.results[k] = IN_NUMBERS;
    } else this.results[k] = result;
  }
}

keepShape(new ColumnCells(0));

/**
 * One-cell rows that mean the same in every row (an empty cell before, a "General" format before): shared and frozen,
 * not one array per cell. Nothing applies a plan by changing its arrays, and a frozen row would say so loudly.
 */
const NULL_ROW: readonly CellInput[] = Object.freeze([null]);
const DASH_ROW: readonly CellValue[] = Object.freeze(['--']);

/** Each in its own function, so each array literal keeps one kind of element (a number row holds a raw double). */
const inputRow = (v: CellInput): CellInput[] => [v];
const numberRow = (v: number): CellValue[] => [v];
const valueRow = (v: CellValue): CellValue[] => [v];

function beforeRow(v: CellInput): CellInput[] {
  return (v === null ? NULL_ROW : inputRow(v)) as CellInput[];
}

function resultRow(cells: ColumnCells, k: number): CellValue[] {
  const v = cells.results[k];
  if (v === IN_NUMBERS) return numberRow(cells.numbers[k]);
  return (v === '--' ? DASH_ROW : valueRow(v ?? null)) as CellValue[];
}

export function columnWrites(col: number, cells: ColumnCells, numberFormat: string, purpose: RangeWrite['purpose']): RangeWrite[] {
  const { rows, length } = cells;
  const writes: RangeWrite[] = [];
  // The formats before are few ("General", the rate format): one shared row per text, within this column.
  const formatRows = new Map<string, string[]>();
  const formatRow = (f: string | null): string[] => {
    const text = f ?? 'General';
    let row = formatRows.get(text);
    if (!row) formatRows.set(text, (row = Object.freeze([text]) as string[]));
    return row;
  };
  let start = 0;
  for (let i = 1; i <= length; i++) {
    if (i < length && rows[i] === rows[i - 1] + 1) continue;
    // One run of consecutive rows; its arrays are made at their final size, not grown cell by cell.
    const n = i - start;
    const inputs = new Array<CellInput[]>(n);
    const before = new Array<CellInput[]>(n);
    const beforeFormats = new Array<string[]>(n);
    const withResults = cells.results[start] !== undefined;
    const results = withResults ? new Array<CellValue[]>(n) : undefined;
    for (let k = 0; k < n; k++) {
      inputs[k] = inputRow(cells.inputs[start + k]);
      before[k] = beforeRow(cells.before[start + k]);
      beforeFormats[k] = formatRow(cells.beforeFormats[start + k]);
      if (results) results[k] = resultRow(cells, start + k);
    }
    writes.push({ row: rows[start], col, inputs, numberFormat, before, beforeFormats, purpose, ...(results ? { results } : {}) });
    start = i;
  }
  return writes;
}

/** The same from cell intents sorted by row (the forms' few cells). */
export function planColumnWrites(col: number, intents: CellIntent[], numberFormat: string, purpose: RangeWrite['purpose']): RangeWrite[] {
  const cells = new ColumnCells(intents.length);
  for (const it of intents) cells.add(it.row, it.input, it.before, it.beforeFormat, it.result);
  return columnWrites(col, cells, numberFormat, purpose);
}
