/**
 * The few exceljs 4.4 internals the exceljs test reader relies on, typed in one place (`ws.model` is slow on big
 * sheets; `conditionalFormattings` is missing from the type definitions).
 */
import type ExcelJS from 'exceljs';
import type { CellRect } from '../../src/core';

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
