/**
 * Reading what a spreadsheet program computed: the cached result of each formula cell of a saved file, as the
 * same kind of value HyperFormula gives (errors as "#DIV/0!" text, empty as null), so the two can be compared.
 */
import ExcelJS from 'exceljs';
import type { ComputedValue } from '../helpers/computeWithHyperFormula';

export type CachedGetter = (sheet: string, address: string) => ComputedValue;

function normalise(v: unknown): ComputedValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'error' in v) return String((v as { error: unknown }).error);
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  return null;
}

export async function cachedValues(file: string): Promise<{ value: CachedGetter; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const value: CachedGetter = (sheet, address) => {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`No sheet "${sheet}" in ${file}`);
    const cell = ws.getCell(address);
    return normalise(cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
  };
  return { value, workbook };
}

/** Every formula cell of a workbook: sheet, address and formula text. */
export function formulaCells(wb: ExcelJS.Workbook): { sheet: string; address: string; formula: string }[] {
  const out: { sheet: string; address: string; formula: string }[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address, formula: cell.formula });
      }),
    );
  return out;
}
