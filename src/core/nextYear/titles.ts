/**
 * Titles, captions, headers and notes of the new sheet carry next year's year ("2021年部门整体支出…" →
 * "2022年…", "注：数据来源于2021年部门决算" → "2022年"). The tables' data rows are not touched: a project named
 * "2021 年中央就业补助资金" is that year's allocation, kept word for word like every other name.
 */
import type { SheetScan } from './sheetScan';
import type { SheetEdits } from './cellEdits';
import { shiftTextYears } from './years';

/** Plans the moved texts; returns how many cells changed. */
export function planYearShift(scan: SheetScan, delta: number | null, edits: SheetEdits): number {
  if (delta === null || delta === 0) return 0;
  const { grid } = scan;
  let n = 0;
  for (let r = grid.firstRow; r <= grid.lastRow; r++)
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const v = grid.rawValue(r, c);
      if (typeof v !== 'string' || grid.formula(r, c) || scan.isData(r, c) || edits.has(r, c)) continue;
      const moved = shiftTextYears(v, delta);
      if (moved === v) continue;
      edits.set({ row: r, col: c, input: moved, purpose: 'value' });
      n++;
    }
  return n;
}
