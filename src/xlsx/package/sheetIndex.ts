/**
 * Where things are in a worksheet part's text, found while reading it, so that writing needs no second
 * parse: the worksheet's direct children, and every row and cell of sheetData with its span, column, style
 * and formula kind. Arrays are flat (one entry per cell) to stay small on 100,000-row sheets.
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
  rowNum: number[];
  rowStart: number[];
  rowOpenEnd: number[];
  rowEnd: number[];
  /** Cells of row i are cellFrom[i] … cellFrom[i + 1] - 1. */
  cellFrom: number[];
  cellCol: number[];
  cellStart: number[];
  cellEnd: number[];
  /** Cell format index, -1 without one. */
  cellStyle: number[];
  cellFormula: number[];
  /** 1 when the cell has no r attribute (its column follows from its place). */
  cellNoRef: number[];
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
    rowNum: [],
    rowStart: [],
    rowOpenEnd: [],
    rowEnd: [],
    cellFrom: [0],
    cellCol: [],
    cellStart: [],
    cellEnd: [],
    cellStyle: [],
    cellFormula: [],
    cellNoRef: [],
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
