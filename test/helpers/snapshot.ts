/** Builds a SheetSnapshot from rows written the way a sheet looks (strings starting with "=" are formulas). */
import type { CellRect, CellValue, SheetSnapshot } from '../../src/core';
import { parseRect } from '../../src/core';

export function sheet(name: string, rows: CellValue[][], merges: string[] = [], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values: CellValue[][] = rows.map((r) => Array.from({ length: width }, (_, c) => (typeof r[c] === 'string' && (r[c] as string).startsWith('=') ? null : (r[c] ?? null))));
  const formulas = rows.map((r) => Array.from({ length: width }, (_, c) => (typeof r[c] === 'string' && (r[c] as string).startsWith('=') ? (r[c] as string) : null)));
  const mergeRects: CellRect[] = merges.map(parseRect);
  return { name, originRow: 1, originCol: 1, values, formulas, merges: mergeRects, ...extra };
}
