/**
 * Operations on a simulated sheet beyond cell writes: Range.clear, list validations (ExcelApi 1.8) and the copy
 * Worksheet.copy makes (ExcelApi 1.7). Kept apart from sheetModel.ts, which holds the cell store.
 */
import type { CellRect } from '../../core';
import { contains, intersect, rectCols, rectRows } from './addresses';
import { copyConditionalFormat } from './cfModel';
import type { SimListValidation, SimSheet } from './sheetModel';

const key = (row: number, col: number) => `${row},${col}`;
/** Above this many cells a rectangle is walked through the stored entries instead of cell by cell. */
const WALK_LIMIT = 100_000;

function cellsOf(rect: CellRect): number {
  return rectRows(rect) * rectCols(rect);
}

/** Contents: values and formulas go (only where there are any, so a whole-column clear stays cheap). */
function clearContents(sheet: SimSheet, rect: CellRect): void {
  const used = sheet.usedRect(true);
  const hit = used ? intersect(used, rect) : null;
  if (!hit) return;
  const nulls = Array.from({ length: rectRows(hit) }, () => Array.from({ length: rectCols(hit) }, () => null));
  sheet.writeInputs(hit, nulls);
}

/** Formats: number formats, cell styles and merged areas inside the rectangle (Excel's Clear Formats unmerges). */
function clearFormats(sheet: SimSheet, rect: CellRect): void {
  sheet.guardWrite();
  for (const [row, line] of sheet.formats) {
    if (row < rect.top || row > rect.bottom) continue;
    for (const col of [...line.keys()]) if (col >= rect.left && col <= rect.right) line.delete(col);
    if (line.size === 0) sheet.formats.delete(row);
  }
  sheet.stylePatches.push({ rect: { ...rect }, style: { bold: false, horizontalAlignment: undefined, wrapText: false, fill: null, fontColor: null } });
  sheet.merges = sheet.merges.filter((m) => !(intersect(m, rect) && contains(rect, m.top, m.left) && contains(rect, m.bottom, m.right)));
  sheet.host.changed(sheet, rect);
}

export type ClearApplyTo = 'All' | 'Contents' | 'Formats';

/** Range.clear(applyTo): "All" clears contents and formats (notes and validations are left to their own APIs). */
export function clearRange(sheet: SimSheet, rect: CellRect, applyTo: ClearApplyTo = 'All'): void {
  if (applyTo === 'All' || applyTo === 'Contents') clearContents(sheet, rect);
  if (applyTo === 'All' || applyTo === 'Formats') clearFormats(sheet, rect);
}

function forEachCell(sheet: SimSheet, rect: CellRect, fn: (k: string) => void): void {
  if (cellsOf(rect) > WALK_LIMIT) {
    for (const k of [...sheet.validations.keys()]) {
      const [row, col] = k.split(',').map(Number);
      if (contains(rect, row, col)) fn(k);
    }
    return;
  }
  for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) fn(key(row, col));
}

export function setListValidation(sheet: SimSheet, rect: CellRect, rule: SimListValidation): void {
  sheet.guardWrite();
  if (cellsOf(rect) > WALK_LIMIT) throw new Error(`Simulator: a list validation over ${cellsOf(rect)} cells is more than it models`);
  const shared = { ...rule };
  forEachCell(sheet, rect, (k) => sheet.validations.set(k, shared));
  sheet.host.changed(sheet, rect);
}

export function clearValidation(sheet: SimSheet, rect: CellRect): void {
  sheet.guardWrite();
  forEachCell(sheet, rect, (k) => sheet.validations.delete(k));
  sheet.host.changed(sheet, rect);
}

export function validationAt(sheet: SimSheet, row: number, col: number): SimListValidation | undefined {
  return sheet.validations.get(key(row, col));
}

/** The items of a list source ("人员原因,制度原因"), as the cell's drop-down shows them. */
export function listItems(v: SimListValidation): string[] {
  return v.source.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * What one rule covers in the rectangle: the rule when every cell has the same one, null when no cell has one,
 * 'mixed' otherwise (Excel's type "Inconsistent").
 */
export function validationOver(sheet: SimSheet, rect: CellRect): SimListValidation | null | 'mixed' {
  if (cellsOf(rect) > WALK_LIMIT) return sheet.validations.size === 0 ? null : 'mixed';
  const first = validationAt(sheet, rect.top, rect.left) ?? null;
  for (let row = rect.top; row <= rect.bottom; row++)
    for (let col = rect.left; col <= rect.right; col++) {
      const v = validationAt(sheet, row, col) ?? null;
      if (v === first) continue;
      if (v === null || first === null || v.source !== first.source || v.inCellDropDown !== first.inCellDropDown) return 'mixed';
    }
  return first;
}

/** Everything a sheet copy carries: cells (formulas as written), formats, styles, merges, rules, notes, widths, validations, panes. */
export function copySheetContents(from: SimSheet, to: SimSheet): void {
  from.host.settle();
  const data = from.host.hf.getSheetSerialized(from.hfId);
  const width = data.reduce((w, r) => Math.max(w, r.length), 0);
  // Serialized rows are ragged (they end at their last cell): pad to a rectangle for one write.
  if (data.length > 0 && width > 0)
    to.writeInputs({ top: 1, left: 1, bottom: data.length, right: width }, data.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null)));
  for (const [row, line] of from.formats) to.formats.set(row, new Map(line));
  for (const p of from.stylePatches) to.stylePatches.push({ rect: { ...p.rect }, style: { ...p.style } });
  to.merges = from.merges.map((m) => ({ ...m }));
  for (const rule of from.conditionalFormats) copyConditionalFormat(to, rule);
  for (const [k, n] of from.notes) to.notes.set(k, { ...n });
  for (const [c, w] of from.columnWidths) to.columnWidths.set(c, w);
  for (const [k, v] of from.validations) to.validations.set(k, v);
  to.frozen = from.frozen ? { ...from.frozen } : null;
  to.host.changed(to, null);
}

/** The smallest rectangle inside `rect` holding a value (Range.getUsedRange with valuesOnly); null when none. */
export function valuesWithin(sheet: SimSheet, rect: CellRect): CellRect | null {
  const rows = sheet.serialized();
  let out: CellRect | null = null;
  for (let r = rect.top; r <= Math.min(rect.bottom, rows.length); r++) {
    const line = rows[r - 1];
    for (let c = rect.left; c <= Math.min(rect.right, line.length); c++) {
      const v = line[c - 1];
      if (v === null || v === undefined || v === '') continue;
      if (!out) out = { top: r, left: c, bottom: r, right: c };
      else {
        out.left = Math.min(out.left, c);
        out.right = Math.max(out.right, c);
        out.bottom = r;
      }
    }
  }
  return out;
}
