/**
 * Turns per-cell decisions in one column into rectangles: one RangeWrite per run of consecutive rows,
 * so a front end sends a column of formulas as one 2D array. The writes stay compact (RangeWrite.column): a
 * 100,000-row rate column is a few typed arrays until a front end asks for its 2D arrays.
 */
import type { CellInput, CellValue, RangeWrite, WriteColumn } from '../plan';
import { keepShape } from '../liveShapes';
import { defineLazy } from '../lazyProperty';

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

/** The cell's formula is the column's pieces joined with its row number. */
const FROM_PIECES = 1;
/** The cell's result is in `numbers`. */
const NUMBER_RESULT = 2;
/** The cell's result is "--" (a rate that cannot be computed). */
const DASH_RESULT = 4;
/** The cell has a result (numeric, "--" or in `otherResults`). */
const HAS_RESULT = 8;

/**
 * The cells one column will get, in row order, at most `capacity` of them. What nearly every cell of a rate column
 * shares is a bit (a formula made from the column's pieces, an empty cell before, a numeric result); only the
 * exceptions are kept by index. No object, array or string per cell while a table is planned or written.
 */
export class ColumnCells {
  length = 0;
  readonly rows: Int32Array;
  private readonly flags: Uint8Array;
  private readonly numbers: Float64Array;
  private readonly inputs = new Map<number, CellInput>();
  private readonly befores = new Map<number, CellInput>();
  private readonly beforeFormats = new Map<number, string>();
  private readonly otherResults = new Map<number, CellValue>();

  /** `pieces`: the column's formula split where the row number goes (rateFormulaPieces), for cells added without one. */
  constructor(
    capacity: number,
    readonly pieces: readonly string[] | null = null,
  ) {
    this.rows = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.numbers = new Float64Array(capacity);
  }

  /** `input` undefined: the formula made from the pieces for this row. */
  add(row: number, input: CellInput | undefined, before: CellInput, beforeFormat: string | null, result?: CellValue): void {
    const k = this.length++;
    this.rows[k] = row;
    let flags = 0;
    if (input === undefined) flags |= FROM_PIECES;
    else this.inputs.set(k, input);
    if (before !== null) this.befores.set(k, before);
    // A format before of "General" is the same as none (as the write's beforeFormats say it).
    if (beforeFormat !== null && beforeFormat !== 'General') this.beforeFormats.set(k, beforeFormat);
    if (result !== undefined) {
      flags |= HAS_RESULT;
      if (typeof result === 'number') {
        this.numbers[k] = result;
        flags |= NUMBER_RESULT;
      } else if (result === '--') flags |= DASH_RESULT;
      else this.otherResults.set(k, result);
    }
    this.flags[k] = flags;
  }

  /** The formula the pieces make for a row. */
  formulaFor(row: number): string {
    return this.pieces!.join(String(row));
  }

  input(k: number): CellInput {
    return this.flags[k] & FROM_PIECES ? this.formulaFor(this.rows[k]) : this.inputs.get(k)!;
  }

  before(k: number): CellInput {
    return this.befores.get(k) ?? null;
  }

  beforeFormat(k: number): string | null {
    return this.beforeFormats.get(k) ?? null;
  }

  result(k: number): CellValue | undefined {
    const f = this.flags[k];
    if (!(f & HAS_RESULT)) return undefined;
    if (f & NUMBER_RESULT) return this.numbers[k];
    return f & DASH_RESULT ? '--' : this.otherResults.get(k);
  }

  hasResult(k: number): boolean {
    return (this.flags[k] & HAS_RESULT) !== 0;
  }

  /** True when cells from … from + n − 1 all have the pieces' formula. */
  allFromPieces(from: number, n: number): boolean {
    for (let k = from; k < from + n; k++) if (!(this.flags[k] & FROM_PIECES)) return false;
    return true;
  }
}

keepShape(new ColumnCells(0));

/** One run of consecutive rows of a ColumnCells, as the write's cells. */
class ColumnRun implements WriteColumn {
  readonly hasResults: boolean;
  readonly filledDown?: readonly string[];

  constructor(
    readonly cells: ColumnCells,
    readonly from: number,
    readonly height: number,
  ) {
    // As before the writes were compact: a run has results when its first cell has one.
    this.hasResults = cells.hasResult(from);
    if (cells.pieces && cells.allFromPieces(from, height)) this.filledDown = cells.pieces;
  }

  input(r: number): CellInput {
    return this.cells.input(this.from + r);
  }

  result(r: number): CellValue | undefined {
    return this.hasResults ? (this.cells.result(this.from + r) ?? null) : undefined;
  }
}

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

function resultRow(v: CellValue | undefined): CellValue[] {
  if (typeof v === 'number') return numberRow(v);
  return (v === '--' ? DASH_ROW : valueRow(v ?? null)) as CellValue[];
}

/** The run's 2D arrays, made when a front end first reads one of them. */
function runArrays(run: ColumnRun) {
  const { cells, from, height } = run;
  const inputs = new Array<CellInput[]>(height);
  const before = new Array<CellInput[]>(height);
  const beforeFormats = new Array<string[]>(height);
  const results = run.hasResults ? new Array<CellValue[]>(height) : undefined;
  // The formats before are few ("General", the rate format): one shared row per text.
  const formatRows = new Map<string, string[]>();
  for (let k = 0; k < height; k++) {
    inputs[k] = inputRow(cells.input(from + k));
    before[k] = beforeRow(cells.before(from + k));
    const text = cells.beforeFormat(from + k) ?? 'General';
    let formatRow = formatRows.get(text);
    if (!formatRow) formatRows.set(text, (formatRow = Object.freeze([text]) as string[]));
    beforeFormats[k] = formatRow;
    if (results) results[k] = resultRow(cells.result(from + k));
  }
  return { inputs, before, beforeFormats, results };
}

/** A compact write over one run; its keys in the order the plain writes had them (JSON, digests). */
function runWrite(run: ColumnRun, row: number, col: number, numberFormat: string, purpose: RangeWrite['purpose']): RangeWrite {
  // Reading any of the four arrays makes all of them, once.
  let made: ReturnType<typeof runArrays> | undefined;
  const arrays = () => (made ??= runArrays(run));
  const w = { row, col } as RangeWrite;
  defineLazy(w, 'inputs', () => arrays().inputs);
  Object.assign(w, { numberFormat });
  defineLazy(w, 'before', () => arrays().before);
  defineLazy(w, 'beforeFormats', () => arrays().beforeFormats);
  Object.assign(w, { purpose });
  if (run.hasResults) defineLazy(w, 'results', () => arrays().results);
  Object.defineProperty(w, 'column', { value: run, enumerable: false });
  return w;
}

export function columnWrites(col: number, cells: ColumnCells, numberFormat: string, purpose: RangeWrite['purpose']): RangeWrite[] {
  const { rows, length } = cells;
  const writes: RangeWrite[] = [];
  let start = 0;
  for (let i = 1; i <= length; i++) {
    if (i < length && rows[i] === rows[i - 1] + 1) continue;
    writes.push(runWrite(new ColumnRun(cells, start, i - start), rows[start], col, numberFormat, purpose));
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
