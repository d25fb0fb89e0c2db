/**
 * What the grid shows, kept in step with the simulated workbook: the active sheet's display grid,
 * recomputed whenever the workbook reports a change (the pane's writes, a selection, a sheet switch).
 */
import { useEffect, useMemo, useState } from 'react';
import { getDisplayGrid, type DisplayGrid, type SimWorkbook } from './sim';

/** Rows drawn at most: enough for any budget table, while a 100,000-row sheet stays responsive. */
export const MAX_GRID_ROWS = 200;
/** Columns drawn at most (to "AZ"). */
export const MAX_GRID_COLUMNS = 52;
/** Empty rows and columns drawn past the used range, so columns the pane adds show up beside the table. */
const MARGIN_ROWS = 3;
const MARGIN_COLUMNS = 2;
const MIN_COLUMNS = 8;

export interface SheetView {
  grid: DisplayGrid;
  /** Last used row of the sheet (may be past the rows drawn). */
  usedRows: number;
}

export function sheetView(book: SimWorkbook): SheetView {
  const sheet = book.activeSheet;
  const used = sheet.usedRect(false);
  const usedRows = used?.bottom ?? 0;
  const grid = getDisplayGrid(book, sheet.name, {
    top: 1,
    left: 1,
    bottom: Math.max(1, Math.min(usedRows + MARGIN_ROWS, MAX_GRID_ROWS)),
    right: Math.min(Math.max((used?.right ?? 0) + MARGIN_COLUMNS, MIN_COLUMNS), MAX_GRID_COLUMNS),
  });
  return { grid, usedRows };
}

export function useSheetView(book: SimWorkbook): SheetView {
  const [version, setVersion] = useState(0);
  useEffect(() => book.onChange(() => setVersion((v) => v + 1)), [book]);
  // `version` stands for the workbook's contents, which React cannot see: each change recomputes the grid.
  return useMemo(() => sheetView(book), [book, version]);
}

/**
 * Requests sent to the simulated Excel so far. A read-only request (识别) changes nothing, so the workbook
 * reports no change for it: read the counter once per frame instead (React skips the render when it is
 * unchanged), so the number is right in whatever frame is painted next.
 */
export function useSyncCount(book: SimWorkbook): number {
  const [count, setCount] = useState(book.syncCount);
  useEffect(() => {
    let frame = 0;
    const tick = () => {
      setCount(book.syncCount);
      frame = window.requestAnimationFrame(tick);
    };
    frame = window.requestAnimationFrame(tick);
    return () => window.cancelAnimationFrame(frame);
  }, [book]);
  return count;
}
