/**
 * The .xlsx front end's writer: carries out an engine Plan on an exceljs workbook.
 * Order matters: the sheet is made (blank or copied) first; then the cleared areas go (a refresh), values are
 * written, merges added (merging empties the covered cells), then rules, notes, lists, panes and widths.
 */
import type ExcelJS from 'exceljs';
import type { Plan } from '../core';
import { applyConditionalFormats, removeConditionalFormats } from './conditionalFormats';
import { noteText } from './cellValue';
import { clearAreas } from './clearAreas';
import { ensureSheet, type SheetOrigin } from './createSheet';
import { addMerges } from './merges';
import { freezePanes } from './sheetView';
import { NumberFormatStyles } from './styleCache';
import { addListValidations } from './validations';
import { deleteNote } from './worksheetInternals';
import { writeRange } from './writeCells';

export { MergeConflictError } from './merges';
export { PlanSheetMissingError } from './createSheet';

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
  /** Whether the sheet was there, made blank, or copied from Plan.copyFrom. */
  sheet: SheetOrigin;
  /** Cells emptied by Plan.clear (cells that existed), with the merges, lists and rules that went with them. */
  cellsCleared: number;
  mergesRemoved: number;
  /** Cells that got a drop-down list. */
  validationCells: number;
  frozen: boolean;
}

function emptyResult(sheet: SheetOrigin): ApplyResult {
  return {
    cellsWritten: 0,
    formulasWritten: 0,
    mergesAdded: 0,
    rulesAdded: 0,
    rulesRemoved: 0,
    notesWritten: 0,
    notesRemoved: 0,
    notesKept: 0,
    mergedCellsSkipped: 0,
    sheet,
    cellsCleared: 0,
    mergesRemoved: 0,
    validationCells: 0,
    frozen: false,
  };
}

/** Applies the plan to the worksheet it names in `wb`, making the sheet first when the plan asks for it. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: Plan): ApplyResult {
  const { ws, origin } = ensureSheet(wb, plan);
  return applyPlan(ws, plan, origin);
}

/** Applies the plan to `ws` (which must be the plan's sheet, already there). */
export function applyPlan(ws: ExcelJS.Worksheet, plan: Plan, origin: SheetOrigin = 'existing'): ApplyResult {
  const result = emptyResult(origin);
  const cleared = clearAreas(ws, plan.clear ?? []);
  result.cellsCleared = cleared.cellsCleared;
  result.mergesRemoved = cleared.mergesRemoved;
  result.rulesRemoved = cleared.rulesCleared;
  const styles = new NumberFormatStyles();
  for (const w of plan.writes) writeRange(ws, w, result, styles);
  result.mergesAdded = addMerges(ws, plan.merges);
  result.rulesRemoved += removeConditionalFormats(ws, plan.removeConditionalFormats);
  result.rulesAdded = applyConditionalFormats(ws, plan.conditionalFormats);
  applyNotes(ws, plan, result);
  result.validationCells = addListValidations(ws, plan.validations);
  result.frozen = freezePanes(ws, plan.freeze);
  for (const { col, width } of plan.columnWidths) ws.getColumn(col).width = width;
  // A copied sheet carries the source's formulas with their cached results, which the plan may have made stale.
  if (result.formulasWritten > 0 || result.cellsCleared > 0 || origin === 'copied') {
    // We write formulas without cached results; this makes Excel compute them when the file is opened.
    const wb = ws.workbook as ExcelJS.Workbook;
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  }
  return result;
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
