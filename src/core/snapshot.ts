/**
 * What a front end reads from a worksheet before the engine looks at it.
 * Rows and columns are the worksheet's own, 1-based; arrays are indexed from `origin`.
 * Nothing here knows about Office.js or exceljs.
 */

/** A cell's value as a spreadsheet shows it: number, text, boolean, or empty (null). Errors are text like "#DIV/0!". */
export type CellValue = string | number | boolean | null;

/** An inclusive rectangle of cells, 1-based. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A conditional-format rule already on the sheet (so a second run can recognise its own). */
export interface ExistingConditionalFormat {
  /** A1 areas the rule applies to, e.g. ["F5:F9", "F11:F20"]. */
  ranges: string[];
  /** The rule's formula with a leading "=". */
  formula: string;
  /** Its fill and font colours ("#RRGGBB"), when the front end reads them (the 网页版's grid draws flags with them). */
  style?: { fill?: string; font?: string };
}

/** A note (Excel's plain "Notes", not threaded comments) already on the sheet. */
export interface ExistingNote {
  row: number;
  col: number;
  text: string;
}

import type { ValueColumns } from './valueColumns';

export interface SheetSnapshot {
  /** Worksheet name. */
  name: string;
  /** Worksheet row and column of values[0][0] (usually 1, 1: the used range may start lower). */
  originRow: number;
  originCol: number;
  /** Displayed values (a formula cell holds its last computed result; null where unknown or empty). */
  values: CellValue[][];
  /** Formulas with a leading "=", or null where the cell holds a constant (or nothing). May be empty arrays when unknown. */
  formulas: (string | null)[][];
  /** Number formats ("General" where none); may be omitted by a front end that cannot read them. */
  numberFormats?: string[][];
  /** Merged areas on the sheet. */
  merges: CellRect[];
  /** Conditional formats already on the sheet, when the front end can read them. */
  conditionalFormats?: ExistingConditionalFormat[];
  /** Notes already on the sheet, when the front end can read them. */
  notes?: ExistingNote[];
  /** Where the snapshot came from, for messages only ("file.xlsx", "Excel"). */
  source?: string;
  /**
   * Set (not enumerable) when the front end keeps the values column by column (the .xlsx reader): the engine reads
   * cells through it, and `values` is made from it only when something reads that (valueColumns.ts).
   */
  readonly valueColumns?: ValueColumns;
}

const LETTERS: string[] = [];

/** Column number (1-based) to letters: 1 → "A", 28 → "AB". Cached: formulas for every row ask for the same few. */
export function columnLetter(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col > 0 && col <= 16384) LETTERS[col] = s;
  return s;
}

/** Letters to column number: "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "F12" for row 12, column 6. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "F5:G9" (or "F5" for a single cell). */
export function rectAddress(r: CellRect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Parses "F5" or "F5:G9" (optionally with $ signs and a sheet prefix) into a rectangle. */
export function parseRect(address: string): CellRect {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = bare.replace(/\$/g, '').split(':');
  const pa = parseCell(a);
  const pb = b ? parseCell(b) : pa;
  return {
    top: Math.min(pa.row, pb.row),
    left: Math.min(pa.col, pb.col),
    bottom: Math.max(pa.row, pb.row),
    right: Math.max(pa.col, pb.col),
  };
}

export function parseCell(address: string): { row: number; col: number } {
  const m = /^([A-Za-z]+)(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}
