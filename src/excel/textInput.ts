/**
 * Text that must stay text when written. Office.js takes a string given to `Range.formulas` (or `values`) as if
 * typed into the cell, with en-US rules whatever the user's locale: "1/2", "3-5" and "2024-01-31" become dates,
 * "(100)" −100, "1,550.00" 1550, "TRUE" a boolean (office-js#1559: "by design … the APIs use USA locale";
 * #229). The 原文 columns of the built sheets and undo's restores write such text. A leading apostrophe is
 * Excel's quote prefix: the rest is kept as text and the apostrophe is not part of the value (office-js#6687:
 * formulas read such cells back without it). Cells formatted as text ("@") keep what they get, no prefix needed.
 */

/** Only digits and the punctuation of numbers, dates, times, fractions, percents and currency. */
const NUMERIC_LOOKING = /^[\s\d.,:/+\-()$%eE]+$/;
/** "5-Mar", "5 March 2024", "Mar 5", "March-2024": en-US dates with a month name. */
const MONTH_DATE = /^\s*(\d{1,2}[-\s/])?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([-\s/,]+\d{1,4})*\s*$/i;
const ERROR_LITERAL = /^\s*#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)\s*$/i;

/** True when Excel would not keep the string as the same text if it were typed into a General cell. */
export function wouldBeParsed(s: string): boolean {
  if (s.startsWith("'")) return true;
  if (/^\s*(true|false)\s*$/i.test(s)) return true;
  if (NUMERIC_LOOKING.test(s) && /\d/.test(s)) return true;
  return MONTH_DATE.test(s) || ERROR_LITERAL.test(s);
}

/**
 * The input to write for a constant: text that Excel would parse gets the quote prefix; formulas (a leading "="),
 * numbers, booleans and text Excel keeps as it is pass unchanged. `textFormatted`: the cell is formatted "@".
 */
export function asTypedInput(v: string | number | boolean, textFormatted = false): string | number | boolean {
  if (typeof v !== 'string' || v === '' || v.startsWith('=') || textFormatted) return v;
  return wouldBeParsed(v) ? `'${v}` : v;
}
