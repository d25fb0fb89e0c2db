/**
 * Where the table is, when the area to read is too big to read blindly. A sheet of 400 rows with one stray value
 * in XFD1 has a used range of 6.5 million cells — past the five million cells Excel reads at once on every
 * platform (learn.microsoft.com/office/dev/add-ins/excel/performance) and mostly empty. So a big area is first
 * looked at in tiles (one request for all of them: each tile's used part, values only), the tiles holding values
 * are grouped with their neighbours, and the largest group is read; what lies far away is named in a warning.
 *
 *   Range.getUsedRangeOrNullObject(valuesOnly): ExcelApi 1.4 (valuesOnly 1.2).
 */
import { rectAddress, type CellRect } from '../core';

/** Areas of more cells than this are looked at in tiles before reading. */
export const REGION_CELLS = 2_000_000;
const TILE_ROWS = 65_536;
const TILE_COLS = 512;

export interface Region {
  /** What to read. */
  rect: CellRect;
  /** Groups of values left out (far from the table). */
  left: CellRect[];
}

const cellsOf = (r: CellRect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function union(a: CellRect, b: CellRect): CellRect {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

interface Tile {
  i: number;
  j: number;
  used: CellRect;
}

/** Groups of tiles that touch (sideways or corner to corner), each as the rectangle around its values. */
function groups(tiles: Tile[]): CellRect[] {
  const group = tiles.map((_, k) => k);
  const find = (k: number): number => (group[k] === k ? k : (group[k] = find(group[k])));
  tiles.forEach((a, x) =>
    tiles.forEach((b, y) => {
      if (y > x && Math.abs(a.i - b.i) <= 1 && Math.abs(a.j - b.j) <= 1) group[find(y)] = find(x);
    }),
  );
  const boxes = new Map<number, CellRect>();
  tiles.forEach((t, k) => {
    const g = find(k);
    const box = boxes.get(g);
    boxes.set(g, box ? union(box, t.used) : { ...t.used });
  });
  return [...boxes.values()];
}

export async function findRegion(context: Excel.RequestContext, sheetName: string, area: CellRect, counter: { syncs: number }): Promise<Region> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const queued: { i: number; j: number; range: Excel.Range }[] = [];
  for (let top = area.top, i = 0; top <= area.bottom; top += TILE_ROWS, i++)
    for (let left = area.left, j = 0; left <= area.right; left += TILE_COLS, j++) {
      const tile = { top, left, bottom: Math.min(area.bottom, top + TILE_ROWS - 1), right: Math.min(area.right, left + TILE_COLS - 1) };
      queued.push({ i, j, range: sheet.getRange(rectAddress(tile)).getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount') });
    }
  await context.sync();
  counter.syncs++;
  const tiles: Tile[] = queued
    .filter((q) => !q.range.isNullObject)
    .map(({ i, j, range: r }) => ({ i, j, used: { top: r.rowIndex + 1, left: r.columnIndex + 1, bottom: r.rowIndex + r.rowCount, right: r.columnIndex + r.columnCount } }));
  const found = groups(tiles).sort((a, b) => cellsOf(b) - cellsOf(a));
  if (found.length === 0) return { rect: { top: area.top, left: area.left, bottom: area.top, right: area.left }, left: [] };
  return { rect: found[0], left: found.slice(1) };
}
