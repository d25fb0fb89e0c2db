/**
 * Where things are in a worksheet part's text, found while reading it, so that writing needs no second
 * parse: the worksheet's direct children, and every row and cell of sheetData with its span, column, style
 * and formula kind. Arrays are flat typed arrays (one entry per cell): small on 100,000-row sheets, and nothing
 * for the garbage collector to walk through.
 */
import type { ChildSpan } from './xml';

export const FORMULA_NONE = 0;
export const FORMULA_PLAIN = 1;
export const FORMULA_SHARED_MASTER = 2;
export const FORMULA_SHARED_CHILD = 3;
export const FORMULA_ARRAY = 4;

export interface SharedFormula {
  si: number;
  row: number;
  col: number;
  /** The master's formula text (no "="). */
  text: string;
  ref: string;
}

export interface SheetIndex {
  /** Namespace prefix of the worksheet's elements ("" or "x:"). */
  prefix: string;
  rootOpenEnd: number;
  rootCloseStart: number;
  children: ChildSpan[];
  /** Position of sheetData in `children`, -1 if the part has none. */
  sheetData: number;
  /** sheetData's own start tag end and close tag start (equal when it is `<sheetData/>`). */
  dataOpenEnd: number;
  dataCloseStart: number;
  rowNum: Int32Array;
  rowStart: Int32Array;
  rowOpenEnd: Int32Array;
  rowEnd: Int32Array;
  /** Cells of row i are cellFrom[i] … cellFrom[i + 1] - 1. */
  cellFrom: Int32Array;
  cellCol: Int32Array;
  cellStart: Int32Array;
  cellEnd: Int32Array;
  /** Cell format index, -1 without one. */
  cellStyle: Int32Array;
  cellFormula: Uint8Array;
  /** 1 when the cell has no r attribute (its column follows from its place). */
  cellNoRef: Uint8Array;
  shared: Map<number, SharedFormula>;
  /** The shared formula a child cell points at, by flat cell index. */
  cellSi: Map<number, number>;
  /** The first worksheet-level relationship id of legacyDrawing (notes' VML), if any. */
  legacyDrawingRid?: string;
}

export function emptyIndex(): SheetIndex {
  return {
    prefix: '',
    rootOpenEnd: 0,
    rootCloseStart: 0,
    children: [],
    sheetData: -1,
    dataOpenEnd: 0,
    dataCloseStart: 0,
    rowNum: new Int32Array(0),
    rowStart: new Int32Array(0),
    rowOpenEnd: new Int32Array(0),
    rowEnd: new Int32Array(0),
    cellFrom: new Int32Array(1),
    cellCol: new Int32Array(0),
    cellStart: new Int32Array(0),
    cellEnd: new Int32Array(0),
    cellStyle: new Int32Array(0),
    cellFormula: new Uint8Array(0),
    cellNoRef: new Uint8Array(0),
    shared: new Map(),
    cellSi: new Map(),
  };
}

/** The flat index of the cell at (row position, column) or -1. */
export function findCell(ix: SheetIndex, rowPos: number, col: number): number {
  for (let k = ix.cellFrom[rowPos]; k < ix.cellFrom[rowPos + 1]; k++) if (ix.cellCol[k] === col) return k;
  return -1;
}

/** Position of row `row` in the index (binary search: rows are in order), or -1. */
export function findRow(ix: SheetIndex, row: number): number {
  let lo = 0;
  let hi = ix.rowNum.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ix.rowNum[mid];
    if (r === row) return mid;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

type Ints = Int32Array | Uint8Array;

/**
 * A growing list of integers (while a sheet is read); `done()` gives the filled part as an array of exactly that
 * size (the growing one has up to half its room spare: on a 100,000-row sheet that is megabytes).
 */
export class IntList<T extends Ints = Int32Array> {
  a: T;
  length = 0;

  constructor(private readonly make: (n: number) => T = (n) => new Int32Array(n) as T) {
    this.a = make(1024);
  }

  push(v: number): void {
    if (this.length === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  done(): T {
    return this.a.slice(0, this.length) as T;
  }
}

/** A list of small integers (0–255): flags and formula kinds. */
export const byteList = () => new IntList<Uint8Array>((n) => new Uint8Array(n));
