/** Plan.freeze: frozen header rows / label columns, keeping the rest of the sheet's view (zoom, grid lines). */
import type ExcelJS from 'exceljs';
import { cellAddress, type Plan } from '../core';

export function freezePanes(ws: ExcelJS.Worksheet, freeze: Plan['freeze']): boolean {
  if (!freeze) return false;
  const rows = Math.max(0, Math.floor(freeze.rows));
  const cols = Math.max(0, Math.floor(freeze.cols));
  const current = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetView> & Record<string, unknown>;
  // Only the pane settings change; a stale split or selection from the old view is dropped with them.
  const { state: _s, xSplit: _x, ySplit: _y, topLeftCell: _t, activePane: _a, activeCell: _c, ...rest } = current;
  if (rows === 0 && cols === 0) {
    ws.views = [{ ...rest, state: 'normal' } as ExcelJS.WorksheetView, ...(ws.views ?? []).slice(1)];
    return true;
  }
  ws.views = [{ ...rest, state: 'frozen', xSplit: cols, ySplit: rows, topLeftCell: cellAddress(rows + 1, cols + 1) } as ExcelJS.WorksheetView, ...(ws.views ?? []).slice(1)];
  return true;
}
