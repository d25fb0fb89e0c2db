/**
 * Cell writes of a Plan on an exceljs worksheet: inputs (formulas or constants), number formats, the look of
 * headers the engine adds. Shared formulas are detached before their master changes (see detachSharedClones).
 */
import ExcelJS from 'exceljs';
import { type CellInput, parseRect, type RangeWrite } from '../core';
import type { NumberFormatStyles } from './styleCache';

export interface WriteCounts {
  cellsWritten: number;
  formulasWritten: number;
  mergedCellsSkipped: number;
}

/**
 * Excel saves a filled-down column as one shared formula: the top cell holds the text, the others point at
 * it. Before that top cell is replaced (or cleared), its other cells get their own formula text (exceljs
 * translates it for us); otherwise they keep pointing at a master that is no longer shared and are written wrongly.
 */
export function detachSharedClones(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const v = master.value as { shareType?: string; ref?: string } | null;
  if (!v || typeof v !== 'object' || v.shareType !== 'shared' || !v.ref) return;
  const area = parseRect(v.ref);
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      const cell = ws.findCell(r, c);
      const cv = cell?.value as { sharedFormula?: string; result?: unknown } | null | undefined;
      if (!cell || !cv || typeof cv !== 'object' || cv.sharedFormula !== master.address) continue;
      const formula = cell.formula;
      cell.value = { formula, result: cv.result } as ExcelJS.CellFormulaValue;
    }
  }
}

/** Sets one cell; true when it became a formula. */
export function setInput(cell: ExcelJS.Cell, input: CellInput): boolean {
  if (cell.type === ExcelJS.ValueType.Formula) detachSharedClones(cell.worksheet, cell);
  if (typeof input === 'string' && input.startsWith('=')) {
    cell.value = { formula: input.slice(1) };
    return true;
  }
  cell.value = input;
  return false;
}

export function writeRange(ws: ExcelJS.Worksheet, w: RangeWrite, counts: WriteCounts, styles: NumberFormatStyles): void {
  for (let r = 0; r < w.inputs.length; r++) {
    const inputs = w.inputs[r];
    const row = ws.getRow(w.row + r);
    for (let c = 0; c < inputs.length; c++) {
      const cell = row.getCell(w.col + c);
      // exceljs would silently redirect a write to a covered cell to the area's top-left cell, overwriting
      // what the user has there: such writes are skipped and counted.
      if (cell.type === ExcelJS.ValueType.Merge) {
        counts.mergedCellsSkipped++;
        continue;
      }
      if (setInput(cell, inputs[c])) counts.formulasWritten++;
      counts.cellsWritten++;
      // Never cell.numFmt = …: that changes a style object exceljs shares among many cells (see styleCache).
      if (w.numberFormat !== undefined) cell.style = styles.styleWith(cell, w.numberFormat);
      if (w.headerStyle) styleHeader(ws, cell);
    }
  }
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

/** An added header should look like its neighbours: take their fill and font, then make it bold. */
function styleHeader(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const col = Number(cell.col);
  const left = col > 1 ? ws.findCell(Number(cell.row), col - 1) : undefined;
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (left?.style?.fill) style.fill = left.style.fill;
  style.font = { ...(left?.style?.font ?? cell.style?.font ?? {}), bold: true };
  style.alignment = { ...(cell.style?.alignment ?? {}), horizontal: 'center', vertical: 'middle', wrapText: true };
  style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.style = style;
}
