/**
 * A1 addresses as Excel's API accepts and returns them: "A1", "$F$5:G9", "Sheet1!A1:B2", "'预算 表'!F5",
 * whole rows "1:5000" and whole columns "F:H"; lists "F5:F9, F11:F20" (comma or semicolon).
 */
import { columnLetter, columnNumber, type CellRect } from '../../core';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface ParsedArea {
  /** Sheet named in the address, when there is one. */
  sheet?: string;
  rect: CellRect;
}

/** Splits "A1:B2, 'a,b'!C3; D4" into areas, respecting quoted sheet names. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter((p) => p.length > 0);
}

function splitSheet(area: string): { sheet?: string; ref: string } {
  const bang = area.lastIndexOf('!');
  if (bang < 0) return { ref: area };
  let sheet = area.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: area.slice(bang + 1) };
}

type Corner = { row?: number; col?: number };

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** Parses one area; throws on nonsense so the caller can raise Excel's InvalidArgument. */
export function parseArea(area: string): ParsedArea {
  const { sheet, ref } = splitSheet(area.trim());
  const [a, b] = ref.split(':');
  const ca = parseCorner(a ?? '');
  const cb = b === undefined ? ca : parseCorner(b);
  if (!ca || !cb) throw new Error(`Not an address: ${area}`);
  // "1:5000" has rows only (whole rows); "F:H" columns only (whole columns).
  const top = Math.min(ca.row ?? 1, cb.row ?? 1);
  const bottom = ca.row === undefined && cb.row === undefined ? MAX_ROWS : Math.max(ca.row ?? 1, cb.row ?? 1);
  const left = Math.min(ca.col ?? 1, cb.col ?? 1);
  const right = ca.col === undefined && cb.col === undefined ? MAX_COLUMNS : Math.max(ca.col ?? 1, cb.col ?? 1);
  const rect = { top, left, bottom, right };
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLUMNS) throw new Error(`Out of the sheet: ${area}`);
  return { sheet, rect };
}

/** Quotes a sheet name the way Excel does when it is not a plain word. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1:B2" (or "A1"; "1:5000" for whole rows; "F:F" for whole columns), without a sheet. */
export function formatRect(r: CellRect): string {
  if (r.left === 1 && r.right === MAX_COLUMNS && !(r.top === 1 && r.bottom === MAX_ROWS)) return `${r.top}:${r.bottom}`;
  if (r.top === 1 && r.bottom === MAX_ROWS && !(r.left === 1 && r.right === MAX_COLUMNS))
    return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  const a = `${columnLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${columnLetter(r.right)}${r.bottom}`;
}

/** "Sheet1!A1:B2", the form `Range.address` returns. */
export function formatAddress(sheet: string, r: CellRect): string {
  return `${quoteSheet(sheet)}!${formatRect(r)}`;
}

export function intersect(a: CellRect, b: CellRect): CellRect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function contains(r: CellRect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function rectRows(r: CellRect): number {
  return r.bottom - r.top + 1;
}

export function rectCols(r: CellRect): number {
  return r.right - r.left + 1;
}
