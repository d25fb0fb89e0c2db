/**
 * The .xlsx front end's writer: carries out an engine Plan on an exceljs worksheet.
 * Order matters: values first, then merges (merging empties the covered cells), then rules and notes.
 */
import ExcelJS from 'exceljs';
import { type CellInput, parseRect, type Plan, type RangeWrite } from '../core';
import { applyConditionalFormats, removeConditionalFormats } from './conditionalFormats';
import { noteText } from './cellValue';
import { NumberFormatStyles } from './styleCache';
import { deleteNote, worksheetMerges } from './worksheetInternals';

export interface ApplyResult {
  cellsWritten: number;
  formulasWritten: number;
  mergesAdded: number;
  rulesAdded: number;
  rulesRemoved: number;
  notesWritten: number;
  notesRemoved: number;
  /** Notes the plan wanted gone but that the user has since edited: left alone. */
  notesKept: number;
  /** Writes aimed at a cell covered by a merged area (not its top-left): skipped, since exceljs would
   * silently redirect them to the area's top-left cell and overwrite what the user has there. */
  mergedCellsSkipped: number;
}

/** A merge the plan asks for overlaps a different merged area already on the sheet. */
export class MergeConflictError extends Error {
  readonly code = 'merge-conflict';
  constructor(readonly area: string) {
    super(`Cannot merge ${area}: it overlaps another merged area`);
    this.name = 'MergeConflictError';
  }
}

/** Applies the plan to the worksheet it names in `wb`. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: Plan): ApplyResult {
  const ws = wb.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`Plan for sheet "${plan.sheet}" but the workbook has no such sheet`);
  return applyPlan(ws, plan);
}

export function applyPlan(ws: ExcelJS.Worksheet, plan: Plan): ApplyResult {
  const result: ApplyResult = {
    cellsWritten: 0,
    formulasWritten: 0,
    mergesAdded: 0,
    rulesAdded: 0,
    rulesRemoved: 0,
    notesWritten: 0,
    notesRemoved: 0,
    notesKept: 0,
    mergedCellsSkipped: 0,
  };
  const styles = new NumberFormatStyles();
  for (const w of plan.writes) writeRange(ws, w, result, styles);
  result.mergesAdded = addMerges(ws, plan.merges);
  result.rulesRemoved = removeConditionalFormats(ws, plan.removeConditionalFormats);
  result.rulesAdded = applyConditionalFormats(ws, plan.conditionalFormats);
  applyNotes(ws, plan, result);
  for (const { col, width } of plan.columnWidths) ws.getColumn(col).width = width;
  if (result.formulasWritten > 0) {
    // We write formulas without cached results; this makes Excel compute them when the file is opened.
    const wb = ws.workbook as ExcelJS.Workbook;
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  }
  return result;
}

/**
 * Excel saves a filled-down column as one shared formula: the top cell holds the text, the others point at
 * it. Before that top cell is replaced, its other cells get their own formula text (exceljs translates it
 * for us); otherwise they keep pointing at a master that is no longer shared and are written wrongly.
 */
function detachSharedClones(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
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

function setInput(cell: ExcelJS.Cell, input: CellInput): boolean {
  if (cell.type === ExcelJS.ValueType.Formula) detachSharedClones(cell.worksheet, cell);
  if (typeof input === 'string' && input.startsWith('=')) {
    cell.value = { formula: input.slice(1) };
    return true;
  }
  cell.value = input;
  return false;
}

function writeRange(ws: ExcelJS.Worksheet, w: RangeWrite, result: ApplyResult, styles: NumberFormatStyles): void {
  for (let r = 0; r < w.inputs.length; r++) {
    const inputs = w.inputs[r];
    const row = ws.getRow(w.row + r);
    for (let c = 0; c < inputs.length; c++) {
      const cell = row.getCell(w.col + c);
      if (cell.type === ExcelJS.ValueType.Merge) {
        result.mergedCellsSkipped++;
        continue;
      }
      if (setInput(cell, inputs[c])) result.formulasWritten++;
      result.cellsWritten++;
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

function sameRect(a: { top: number; left: number; bottom: number; right: number }, b: typeof a): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function overlaps(a: { top: number; left: number; bottom: number; right: number }, b: typeof a): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Adds merges; one already there is fine (a re-run), an overlapping different one is refused. */
function addMerges(ws: ExcelJS.Worksheet, merges: Plan['merges']): number {
  if (merges.length === 0) return 0;
  const existing = worksheetMerges(ws);
  let added = 0;
  for (const m of merges) {
    if (existing.some((e) => sameRect(e, m))) continue;
    if (existing.some((e) => overlaps(e, m))) {
      throw new MergeConflictError(`${ws.name}!R${m.top}C${m.left}:R${m.bottom}C${m.right}`);
    }
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
    existing.push(m);
    added++;
  }
  return added;
}

function applyNotes(ws: ExcelJS.Worksheet, plan: Plan, result: ApplyResult): void {
  for (const n of plan.removeNotes) {
    const cell = ws.findCell(n.row, n.col);
    const current = cell ? noteText(cell.note) : null;
    if (!cell || current === null) continue;
    // Only our own text goes; a note the user rewrote since is theirs now.
    if (current === n.before) {
      deleteNote(cell);
      result.notesRemoved++;
    } else {
      result.notesKept++;
    }
  }
  for (const n of plan.notes) {
    ws.getCell(n.row, n.col).note = n.text;
    result.notesWritten++;
  }
}
