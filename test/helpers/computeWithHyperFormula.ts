/**
 * Computes a workbook's formulas with a real formula engine (HyperFormula, in-process), so tests check the
 * numbers the written formulas give, not only their text. HyperFormula is GPL-3.0: tests only.
 *
 *   const value = await computeWorkbook('out.xlsx');
 *   expect(value('表1-2', 'F11')).toBeCloseTo(0.9815, 4);
 */
import ExcelJS from 'exceljs';
import { HyperFormula, type RawCellContent } from 'hyperformula';

export type ComputedValue = number | string | boolean | null;
export type CellGetter = (sheet: string, address: string) => ComputedValue;

const MS_PER_DAY = 86_400_000;

/** What a cell holds, as HyperFormula's input: "=…" formulas, numbers, booleans, or text. */
function rawContent(cell: ExcelJS.Cell, date1904: boolean): RawCellContent {
  if (cell.type === ExcelJS.ValueType.Merge) return null; // covered by a merged area: empty in Excel
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  // A leading apostrophe makes HyperFormula keep text as text ("1550" typed as text stays text, like Excel).
  if (typeof v === 'string') return `'${v}`;
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + 25_569 - (date1904 ? 1_462 : 0);
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return `=${cell.formula}`;
  if (Array.isArray(o.richText)) return `'${(o.richText as { text: string }[]).map((r) => r.text).join('')}`;
  if (typeof o.error === 'string') return o.error;
  if (typeof o.text === 'string') return `'${o.text}`;
  return null;
}

/** A worksheet as a dense 2D array from A1. */
export function sheetData(ws: ExcelJS.Worksheet, date1904 = false): RawCellContent[][] {
  const data: RawCellContent[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: RawCellContent[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      line[c - 1] = rawContent(cell, date1904);
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    data[r - 1] = line;
  });
  for (let i = 0; i < data.length; i++) if (data[i] === undefined) data[i] = [];
  return data;
}

function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Loads (or takes) a workbook, computes every formula, and returns a getter. Errors come back as their
 * text ("#DIV/0!"), empty cells as null; numbers are HyperFormula's (rounded to 10 decimals).
 */
export async function computeWorkbook(source: string | ExcelJS.Workbook): Promise<CellGetter> {
  let wb: ExcelJS.Workbook;
  if (typeof source === 'string') {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(source);
  } else {
    wb = source;
  }
  const date1904 = Boolean(wb.properties?.date1904);
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const ws of wb.worksheets) sheets[ws.name] = sheetData(ws, date1904);
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 16_384 });
  return (sheet, address) => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet "${sheet}" (have: ${Object.keys(sheets).join(', ')})`);
    const v = hf.getCellValue({ sheet: id, ...parseAddress(address) });
    if (v === null || v === undefined) return null;
    if (typeof v === 'object') return (v as { value: string }).value; // DetailedCellError
    return v as ComputedValue;
  };
}
