/**
 * Where things are in a worksheet part's text, found while reading it, so that writing needs no second
 * parse: the worksheet's direct children, and every row and cell of sheetData with its span, column, style
 * and formula kind. Arrays are flat typed arrays (one entry per cell): small on 100,000-row sheets, and nothing
 * for the garbage collector to walk through. Each is as narrow as its values allow (a column, a style, a cell's
 * length and place in its row fit 8 or 16 bits on most sheets; an array moves up to 16 or 32 bits when a value
 * does not fit): on the bench's 100,000-row sheet 4.7 MB instead of 13 (about 7.6 bytes a cell, rows included).
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
  /** Length of the row's start tag, and of the whole row (see rowOpenEnd, rowEnd). */
  rowOpenLength: Ints;
  rowLength: Ints;
  /** Cells of row i are cellFrom[i] … cellFrom[i + 1] - 1. */
  cellFrom: Int32Array;
  cellCol: Ints;
  /** Where the cell's text starts, from its row's start, and its length (see cellStart, cellEnd). */
  cellOffset: Ints;
  cellLength: Ints;
  /** Cell format index, -1 without one. */
  cellStyle: Ints;
  cellFormula: Uint8Array;
  /** A bit per cell, set when the cell has no r attribute (its column follows from its place): see noRef. */
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
    rowOpenLength: new Uint16Array(0),
    rowLength: new Uint16Array(0),
    cellFrom: new Int32Array(1),
    cellCol: new Uint16Array(0),
    cellOffset: new Uint16Array(0),
    cellLength: new Uint16Array(0),
    cellStyle: new Int16Array(0),
    cellFormula: new Uint8Array(0),
    cellNoRef: new Uint8Array(0),
    shared: new Map(),
    cellSi: new Map(),
  };
}

/** Where the row's start tag ends, and the row. */
export const rowOpenEnd = (ix: SheetIndex, pos: number) => ix.rowStart[pos] + ix.rowOpenLength[pos];
export const rowEnd = (ix: SheetIndex, pos: number) => ix.rowStart[pos] + ix.rowLength[pos];
/** Where the text of cell k of the row at `pos` starts and ends. */
export const cellStart = (ix: SheetIndex, pos: number, k: number) => ix.rowStart[pos] + ix.cellOffset[k];
export const cellEnd = (ix: SheetIndex, pos: number, k: number) => ix.rowStart[pos] + ix.cellOffset[k] + ix.cellLength[k];
/** The cell has no r attribute. */
export const noRef = (ix: SheetIndex, k: number) => (ix.cellNoRef[k >> 3] & (1 << (k & 7))) !== 0;

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

/** An index array: 32 bits, or narrower where the values allow. */
export type Ints = Int32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

type IntArrayType = { new (n: number): Ints; readonly BYTES_PER_ELEMENT: number };

/** Array types a list moves up through as its values need: the lowest that holds them all. */
const UNSIGNED: IntArrayType[] = [Uint8Array, Uint16Array, Int32Array];
const SIGNED: IntArrayType[] = [Int8Array, Int16Array, Int32Array];

/** The values each array type holds: [lowest, highest]. */
function range(type: IntArrayType): [number, number] {
  const bits = type.BYTES_PER_ELEMENT * 8;
  return type === Uint8Array || type === Uint16Array ? [0, 2 ** bits - 1] : [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1];
}

/**
 * A growing list of integers (while a sheet is read), kept in the narrowest array its values fit (it moves to a
 * wider one when a value does not); `done()` gives the filled part as an array of exactly that size (the growing
 * one has up to half its room spare: on a 100,000-row sheet that is megabytes).
 */
export class IntList<T extends Ints = Ints> {
  a: T;
  length = 0;
  private step = 0;
  private min: number;
  private max: number;

  constructor(private readonly types: IntArrayType[] = [Int32Array]) {
    this.a = new types[0](1024) as T;
    [this.min, this.max] = range(types[0]);
  }

  private widen(v: number): void {
    while (this.step < this.types.length - 1 && !(v >= this.min && v <= this.max)) [this.min, this.max] = range(this.types[++this.step]);
    const wide = new this.types[this.step](this.a.length) as T;
    wide.set(this.a);
    this.a = wide;
  }

  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new this.types[this.step](this.a.length * 2) as T;
      b.set(this.a);
      this.a = b;
    }
    this.set(this.length++, v);
  }

  set(i: number, v: number): void {
    if (v < this.min || v > this.max) this.widen(v);
    this.a[i] = v;
  }

  done(): T {
    return this.a.slice(0, this.length) as T;
  }
}

/** 32-bit lists (row numbers, positions in the text). */
export const intList = () => new IntList<Int32Array>();
/** A list of small integers (0–255): formula kinds. */
export const byteList = () => new IntList<Uint8Array>([Uint8Array]);
/** Lists that start at 8 bits (unsigned: lengths, columns; signed: styles, -1 for none). */
export const unsignedList = () => new IntList(UNSIGNED);
export const signedList = () => new IntList(SIGNED);

/** A list of bits (one a cell), packed eight to a byte. */
export class BitList {
  private bytes = new Uint8Array(128);
  length = 0;

  push(bit: boolean): void {
    const k = this.length++;
    if (k >> 3 >= this.bytes.length) {
      const b = new Uint8Array(this.bytes.length * 2);
      b.set(this.bytes);
      this.bytes = b;
    }
    if (bit) this.bytes[k >> 3] |= 1 << (k & 7);
  }

  done(): Uint8Array {
    return this.bytes.slice(0, (this.length + 7) >> 3);
  }
}
