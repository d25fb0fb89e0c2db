/**
 * Plan.clear: rectangles of a sheet the engine built earlier, emptied before it is rewritten in place (a refresh
 * of 绩效指标完成情况 or 绩效运行监控). Everything inside goes: values, styles, notes, merges, list validations and
 * our formula rules, so a refresh looks exactly like a first run and nothing piles up.
 */
import ExcelJS from 'exceljs';
import { cellAddress, type CellRect, parseRect } from '../core';
import { contains, overlaps } from './merges';
import { detachSharedClones } from './writeCells';
import { conditionalFormatBlocks, dataValidationModel, deleteNote, setConditionalFormatBlocks, worksheetMerges } from './worksheetInternals';

export interface ClearCounts {
  cellsCleared: number;
  mergesRemoved: number;
  validationsRemoved: number;
  rulesCleared: number;
}

export function clearAreas(ws: ExcelJS.Worksheet, rects: CellRect[]): ClearCounts {
  const counts: ClearCounts = { cellsCleared: 0, mergesRemoved: 0, validationsRemoved: 0, rulesCleared: 0 };
  if (rects.length === 0) return counts;
  // A merge reaching into a cleared area goes too: its covered cells would swallow the rewrite's values.
  for (const m of worksheetMerges(ws)) {
    if (!rects.some((r) => overlaps(r, m))) continue;
    ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    counts.mergesRemoved++;
  }
  for (const rect of rects) counts.cellsCleared += clearCells(ws, rect);
  counts.validationsRemoved = removeValidations(ws, rects);
  counts.rulesCleared = removeRulesInside(ws, rects);
  return counts;
}

/** Empties the cells that exist in the rectangle (exceljs keeps rows and cells sparse: no need to visit the rest). */
function clearCells(ws: ExcelJS.Worksheet, rect: CellRect): number {
  let cleared = 0;
  const lastRow = Math.min(rect.bottom, ws.rowCount);
  for (let r = rect.top; r <= lastRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const lastCol = Math.min(rect.right, row.cellCount);
    for (let c = rect.left; c <= lastCol; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      if (cell.type === ExcelJS.ValueType.Formula) detachSharedClones(ws, cell);
      cell.value = null;
      // A fresh object per cell: exceljs shares style objects among cells, and some of its setters change them in place.
      cell.style = {};
      deleteNote(cell);
      cleared++;
    }
  }
  return cleared;
}

/** Validations on cells inside the rectangles; a range entry that reaches outside keeps its outside cells. */
function removeValidations(ws: ExcelJS.Worksheet, rects: CellRect[]): number {
  const model = dataValidationModel(ws);
  let removed = 0;
  for (const key of Object.keys(model)) {
    const validation = model[key];
    if (!validation) continue;
    const area = safeRect(key);
    if (!area || !rects.some((r) => overlaps(r, area))) continue;
    delete model[key];
    removed++;
    if (key.includes(':')) {
      // Re-add, cell by cell, the part of the range outside every cleared rectangle.
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const cell = { top: r, left: c, bottom: r, right: c };
          if (!rects.some((x) => contains(x, cell))) model[cellAddress(r, c)] = validation;
        }
    }
  }
  return removed;
}

/** A validation key that is not one address or range (exceljs never makes one, a caller might): left alone. */
function safeRect(key: string): CellRect | null {
  try {
    return parseRect(key);
  } catch {
    return null;
  }
}

/**
 * Formula rules (the kind the engine writes) whose every area lies inside the cleared rectangles. Rules of other
 * kinds, and rules that also cover cells outside, are the user's: kept.
 */
function removeRulesInside(ws: ExcelJS.Worksheet, rects: CellRect[]): number {
  let removed = 0;
  const kept = conditionalFormatBlocks(ws).flatMap((block) => {
    const areas = String(block.ref ?? '').split(/\s+/).filter(Boolean).map(parseRect);
    const inside = areas.length > 0 && areas.every((a) => rects.some((r) => contains(r, a)));
    if (!inside) return [block];
    const rules = (block.rules ?? []).filter((rule) => rule.type !== 'expression');
    removed += (block.rules ?? []).length - rules.length;
    return rules.length > 0 ? [{ ...block, rules }] : [];
  });
  setConditionalFormatBlocks(ws, kept);
  return removed;
}
