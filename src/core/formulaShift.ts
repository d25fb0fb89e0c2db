/**
 * Moves a formula's relative references, as Excel does when one conditional-format formula (written for the
 * top-left cell of the rule's first area) is evaluated for another cell: "=F5<0.9" at F5 reads "=F6<0.9" at F6.
 * Absolute parts ($F$5, F$5, $F5) stay. String literals, function names and sheet names are left alone.
 * The .xlsx reader uses it too, to give each cell of a shared formula (Excel's filled-down column) its own text.
 */
import { columnLetter, columnNumber } from './snapshot';

const REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;

function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_.]/u.test(ch);
}

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal runs to the next lone quote ("" is an escaped quote).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
        else if (formula[j] === '"') break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copy it and its closing quote; the reference after "!" is handled next round.
      const j = formula.indexOf("'", i + 1);
      const end = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const m = isIdentChar(formula[i - 1]) ? null : REF.exec(formula.slice(i));
    const after = m ? formula[i + m[0].length] : undefined;
    if (m && !isIdentChar(after) && after !== '(' && after !== '!') {
      const [, colAbs, letters, rowAbs, digits] = m;
      const col = colAbs ? columnNumber(letters) : columnNumber(letters) + dCol;
      const row = rowAbs ? Number(digits) : Number(digits) + dRow;
      // A reference moved off the sheet becomes #REF!, as in Excel.
      out += col < 1 || row < 1 ? '#REF!' : `${colAbs}${columnLetter(col)}${rowAbs}${row}`;
      i += m[0].length;
      continue;
    }
    // Copy a whole identifier at once so "LOG10" or "SHEET1" is never read from its middle.
    let j = i + 1;
    if (isIdentChar(ch)) while (j < formula.length && isIdentChar(formula[j])) j++;
    out += formula.slice(i, j);
    i = j;
  }
  return out;
}
