/**
 * The few exceljs 4.4 internals we rely on, typed in one place. They are used because the public
 * alternatives are slow (`ws.model` rebuilds the whole sheet model: seconds on 100,000 rows) or missing
 * from the type definitions (`conditionalFormattings`). If exceljs changes them, only this file moves.
 */
import type ExcelJS from 'exceljs';
import type { CellRect } from '../core';

/** One conditional-format block as exceljs keeps it: space-separated areas and their rules. */
export interface CfBlock {
  ref: string;
  rules: CfRuleModel[];
}

export interface CfRuleModel {
  type: string;
  /** Formulas without a leading "=". */
  formulae?: unknown[];
  priority?: number;
  stopIfTrue?: boolean;
  style?: Partial<ExcelJS.Style>;
  [key: string]: unknown;
}

interface WorksheetInternals {
  _merges?: Record<string, { model?: Partial<CellRect> } | undefined>;
  conditionalFormattings?: CfBlock[];
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/** Merged areas, read from the index exceljs keeps by master cell (not from `ws.model`). */
export function worksheetMerges(ws: ExcelJS.Worksheet): CellRect[] {
  const out: CellRect[] = [];
  for (const merge of Object.values(internals(ws)._merges ?? {})) {
    const m = merge?.model;
    if (!m || !m.top || !m.left || !m.bottom || !m.right) continue;
    out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  return out;
}

/** The sheet's conditional-format blocks (the live array: callers may edit it). */
export function conditionalFormatBlocks(ws: ExcelJS.Worksheet): CfBlock[] {
  const w = internals(ws);
  if (!Array.isArray(w.conditionalFormattings)) w.conditionalFormattings = [];
  return w.conditionalFormattings;
}

export function setConditionalFormatBlocks(ws: ExcelJS.Worksheet, blocks: CfBlock[]): void {
  internals(ws).conditionalFormattings = blocks;
}

/**
 * Removes a cell's note. exceljs has no public way (assigning undefined would write an empty note), and it
 * keeps a second copy in the value's model (`_value.model.comment`, left there by reading or by an earlier
 * save), which the writer would pick up again: both must go.
 */
export function deleteNote(cell: ExcelJS.Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  c._comment = undefined;
  if (c._value?.model && 'comment' in c._value.model) delete c._value.model.comment;
}

/** A validation as exceljs keeps it (one entry per cell address once read from a file; a range key if added so). */
export interface DataValidationModel {
  type: string;
  allowBlank?: boolean;
  formulae?: unknown[];
  showErrorMessage?: boolean;
  [key: string]: unknown;
}

/** The sheet's validations by address (the live object: callers may edit it). Not in exceljs's type definitions. */
export function dataValidationModel(ws: ExcelJS.Worksheet): Record<string, DataValidationModel | undefined> {
  const w = ws as unknown as { dataValidations?: { model?: Record<string, DataValidationModel | undefined> } };
  if (!w.dataValidations) throw new Error('exceljs worksheet without dataValidations');
  if (!w.dataValidations.model) w.dataValidations.model = {};
  return w.dataValidations.model;
}

/** Position of a sheet among its workbook's tabs (exceljs sorts by it when writing); missing from the types. */
export function sheetOrder(ws: ExcelJS.Worksheet): number {
  return Number((ws as unknown as { orderNo?: number }).orderNo) || 0;
}

export function setSheetOrder(ws: ExcelJS.Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
}
