/**
 * Plan.validations: drop-down lists (偏差原因, 完成可能性, 定性评级). Stored one entry per cell, the way exceljs
 * reads them back from a file, so a re-run overwrites the same entries instead of adding overlapping ones, and
 * Plan.clear can remove them cell by cell. exceljs merges equal neighbours into one range when it writes.
 */
import type ExcelJS from 'exceljs';
import { cellAddress, type ListValidation, parseRect } from '../core';
import { dataValidationModel } from './worksheetInternals';

/** Excel limits a list typed into the rule (not read from cells) to 255 characters. */
const MAX_LIST_LENGTH = 255;

/**
 * The rule's formula: the items in double quotes, comma-separated. An item cannot itself hold a comma (Excel
 * would split it), so the engine's words must not: refused loudly rather than written wrongly.
 */
export function listFormula(items: string[]): string {
  for (const item of items) if (item.includes(',')) throw new Error(`List item "${item}" contains a comma`);
  const body = items.map((i) => i.replace(/"/g, '""')).join(',');
  if (body.length > MAX_LIST_LENGTH) throw new Error(`List of ${items.length} items is longer than Excel's ${MAX_LIST_LENGTH} characters`);
  return `"${body}"`;
}

/** Adds the lists; returns the number of cells that got one. */
export function addListValidations(ws: ExcelJS.Worksheet, validations: ListValidation[] | undefined): number {
  if (!validations || validations.length === 0) return 0;
  const model = dataValidationModel(ws);
  let cells = 0;
  for (const v of validations) {
    const formula = listFormula(v.items);
    for (const range of v.ranges) {
      const area = parseRect(range);
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          // No error message: the cell stays free text (偏差原因分析及改进措施 is an explanation); the list only suggests.
          model[cellAddress(r, c)] = { type: 'list', allowBlank: true, formulae: [formula] };
          cells++;
        }
    }
  }
  return cells;
}
