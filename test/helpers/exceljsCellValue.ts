/**
 * Turning exceljs cell values into what a spreadsheet displays (the engine's CellValue).
 * Kept apart from readSnapshot so the test helper and other front-end code can share the same rules.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core';

const FORMULA = ExcelJS.ValueType.Formula;
const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in the 1900 date system; the 1904 system starts 1462 days later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/**
 * Excel's serial number for a date exceljs decoded. exceljs builds dates as UTC from the serial, so this is
 * exact; we return numbers (not ISO text) because that is what Excel's own `values` gives the task pane.
 */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return date1904 ? serial - DATE1904_OFFSET : serial;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Joins the runs of a rich-text value: the text a user sees. */
export function richTextToString(v: { richText: { text: string }[] }): string {
  let s = '';
  for (const run of v.richText) s += run.text ?? '';
  return s;
}

/**
 * A constant or a formula's cached result, as displayed. Formula values are handled by the caller, which
 * passes `result` here. Unknown shapes become null rather than "[object Object]".
 */
export function displayValue(v: unknown, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'string':
    case 'boolean':
      return v;
    default:
      break;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (!isObject(v)) return null;
  if (Array.isArray(v.richText)) return richTextToString(v as { richText: { text: string }[] });
  if (typeof v.error === 'string') return v.error;
  // Hyperlinks: the text may itself be rich text.
  if ('hyperlink' in v && 'text' in v) return displayValue(v.text, date1904);
  if ('sharedString' in v) return null;
  return null;
}

/**
 * Reads one cell: its displayed value and its formula ("=" + text), resolving shared formulas through
 * `cell.formula` (exceljs translates them from the master cell).
 */
export function readCell(cell: ExcelJS.Cell, date1904: boolean): { value: CellValue; formula: string | null } {
  // Asking the type first avoids building the { formula, result, … } copy exceljs returns as a formula's value.
  if (cell.type === FORMULA) {
    const text = cell.formula;
    return { value: displayValue(cell.result, date1904), formula: text ? `=${text}` : null };
  }
  return { value: displayValue(cell.value, date1904), formula: null };
}

/** The text of a note, whether exceljs kept it as a plain string or as runs. */
export function noteText(note: unknown): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note === 'string') return note;
  if (isObject(note) && Array.isArray(note.texts)) {
    return (note.texts as { text?: string }[]).map((t) => t.text ?? '').join('');
  }
  return null;
}
