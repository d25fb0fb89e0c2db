/**
 * What Excel does with a string written through `Range.values` or `Range.formulas`: it is taken as if typed into
 * the cell, with en-US rules whatever the user's locale — "1/2" and "3-5" become dates (2 January, 5 March),
 * "2024-01-31" a date, "(100)" −100, "1,550.00" 1550, "50%" 0.5, "TRUE" a boolean (office-js#1559 "by design:
 * the APIs use USA locale", #229: `values = '2018-12-31'` gives a date formatted m/d/yyyy). A leading apostrophe
 * keeps the rest as text and is not part of the value (office-js#6687: formulas read it back without the
 * quote); a cell formatted as text ("@") keeps whatever it is given, even "=A1".
 *
 * Strings kept as text are stored with HyperFormula's own apostrophe prefix, so it does not parse them either.
 */
import type { CellRect } from '../../core';
import type { SimSheet } from './sheetModel';

export interface TypedValue {
  value: number | boolean | string;
  /** The number format Excel gives a General cell for this input ("0%", "m/d/yyyy"…). */
  format?: string;
  /** The input was text: store it so that nothing parses it again. */
  text?: boolean;
}

const NUMBER = /^([+-]?)\$?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:e([+-]?\d+))?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Excel's serial for a date (1 = 1900-01-01; the 1900 leap-year bug only matters before March 1900). */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const utc = Date.UTC(year, month - 1, day);
  if (new Date(utc).getUTCDate() !== day) return null;
  return (utc - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function parseNumber(s: string): TypedValue | null {
  let text = s;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1).trim();
  const m = NUMBER.exec(text);
  if (!m || (!m[2] && !m[3])) return null;
  let value = Number(`${m[2] ?? '0'}`.replace(/,/g, '') + (m[3] ?? '')) * 10 ** Number(m[4] ?? 0);
  if (m[1] === '-' || negative) value = -value;
  if (percent) return { value: value / 100, format: m[3] ? '0.00%' : '0%' };
  if (text.includes('$')) return { value, format: '$#,##0.00' };
  if (m[2]?.includes(',')) return { value, format: m[3] ? '#,##0.00' : '#,##0' };
  return { value };
}

function parseDate(s: string): TypedValue | null {
  const thisYear = new Date().getFullYear();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (m) return dated(serial(+m[1], +m[2], +m[3]), 'm/d/yyyy');
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(s);
  if (m) return dated(serial(fullYear(m[3]), +m[1], +m[2]), 'm/d/yyyy');
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (m) return dated(serial(thisYear, +m[1], +m[2]), 'd-mmm');
  m = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*(?:[-\s](\d{2}|\d{4}))?$/i.exec(s);
  if (m && MONTHS.includes(m[2].toLowerCase())) return dated(serial(m[3] ? fullYear(m[3]) : thisYear, MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]), 'd-mmm');
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m && +m[1] < 24 && +m[2] < 60) return { value: (+m[1] * 3600 + +m[2] * 60 + Number(m[3] ?? 0)) / 86_400, format: 'h:mm' };
  return null;
}

function dated(value: number | null, format: string): TypedValue | null {
  return value === null ? null : { value, format };
}

/** One string as Excel takes it when typed (en-US); `textFormat` is true for a cell formatted "@". */
export function typedInput(input: string, textFormat = false): TypedValue {
  if (textFormat) return { value: input, text: true };
  if (input.startsWith("'")) return { value: input.slice(1), text: true };
  if (input.startsWith('=')) return { value: input };
  const s = input.trim();
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  return parseNumber(s) ?? parseDate(s) ?? { value: input, text: true };
}

/**
 * The grid a Range.values / Range.formulas write leaves in the cells: strings parsed as typed input, formats Excel
 * would give set on General cells. Numbers, booleans and empty cells pass as they are.
 */
export function typedInputs(sheet: SimSheet, rect: CellRect, data: unknown[][]): unknown[][] {
  const formats: { row: number; col: number; format: string }[] = [];
  const out = data.map((row, i) =>
    row.map((v, j) => {
      if (typeof v !== 'string' || v === '') return v;
      const r = rect.top + i;
      const c = rect.left + j;
      const current = sheet.numberFormatAt(r, c);
      const typed = typedInput(v, current === '@');
      if (typed.format && current === 'General') formats.push({ row: r, col: c, format: typed.format });
      // HyperFormula keeps a string that starts with an apostrophe as text (and drops the apostrophe).
      return typed.text ? `'${typed.value}` : typed.value;
    }),
  );
  for (const f of formats) sheet.writeNumberFormats({ top: f.row, left: f.col, bottom: f.row, right: f.col }, [[f.format]]);
  return out;
}
