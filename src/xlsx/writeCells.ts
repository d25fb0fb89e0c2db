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

/** The formula of the first row moved down by `offset` rows (every A1 reference: ours never use $ or ranges). */
function shiftedDown(formula: string, offset: number): string {
  return formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_m, col: string, row: string) => `${col}${Number(row) + offset}`);
}

/**
 * A column of formulas that differ only by row (a filled-down column) is written as Excel writes one: a shared
 * formula, the text once on the top cell and the others pointing at it. The file is smaller and faster to write,
 * and Excel, LibreOffice and exceljs read it back as the same per-cell formulas.
 */
function sharedFormulaColumn(w: RangeWrite): string | null {
  if (w.inputs.length < 2 || w.inputs[0].length !== 1) return null;
  const first = w.inputs[0][0];
  if (typeof first !== 'string' || !first.startsWith('=')) return null;
  for (let r = 1; r < w.inputs.length; r++) if (w.inputs[r][0] !== shiftedDown(first, r)) return null;
  return first.slice(1);
}

export function writeRange(ws: ExcelJS.Worksheet, w: RangeWrite, counts: WriteCounts, styles: NumberFormatStyles): void {
  const shared = sharedFormulaColumn(w);
  if (shared !== null && writeSharedColumn(ws, w, shared, counts, styles)) return;
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

/** Writes a shared-formula column; false (nothing written) when a cell of it is merged or holds a formula already. */
function writeSharedColumn(ws: ExcelJS.Worksheet, w: RangeWrite, formula: string, counts: WriteCounts, styles: NumberFormatStyles): boolean {
  const cells: ExcelJS.Cell[] = [];
  for (let r = 0; r < w.inputs.length; r++) {
    const cell = ws.getRow(w.row + r).getCell(w.col);
    // Merged cells and cells taking part in other shared formulas go the one-cell-at-a-time way.
    if (cell.type === ExcelJS.ValueType.Merge || cell.type === ExcelJS.ValueType.Formula) return false;
    cells.push(cell);
  }
  const master = cells[0];
  const ref = `${master.address}:${cells[cells.length - 1].address}`;
  master.value = { formula, shareType: 'shared', ref } as unknown as ExcelJS.CellFormulaValue;
  for (let r = 1; r < cells.length; r++) cells[r].value = { sharedFormula: master.address } as ExcelJS.CellSharedFormulaValue;
  for (const cell of cells) if (w.numberFormat !== undefined) cell.style = styles.styleWith(cell, w.numberFormat);
  counts.cellsWritten += cells.length;
  counts.formulasWritten += cells.length;
  return true;
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
