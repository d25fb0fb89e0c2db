/**
 * A user's typing in a computed workbook: many constants set at once, then one recompute (computeSheets.edit
 * recomputes after every cell). Used to fill next year's template with numbers.
 */
import type { CellValue } from '../../src/core';
import { parseCell } from '../../src/core';
import { computeSheets, type Workbook } from './computeSheets';

export function fillCells(wb: Workbook, sheet: string, entries: [address: string, value: CellValue][]): Workbook {
  const sheets = wb.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]), formulas: s.formulas.map((r) => [...r]) }));
  const s = sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`No sheet "${sheet}"`);
  for (const [address, value] of entries) {
    const { row, col } = parseCell(address);
    while (s.values.length < row) s.values.push([]);
    while (s.formulas.length < row) s.formulas.push([]);
    for (let r = 0; r < s.values.length; r++) {
      while (s.values[r]!.length < col) s.values[r]!.push(null);
      while (s.formulas[r]!.length < s.values[r]!.length) s.formulas[r]!.push(null);
    }
    s.values[row - 1]![col - 1] = value;
    s.formulas[row - 1]![col - 1] = null;
  }
  return { ...computeSheets(sheets), extras: wb.extras };
}
