/**
 * Formulas filled down a column differ only by their row: the 100,000 rate formulas of next year's template read
 * emptied cells and all give "--". Parsing each one costs tens of microseconds, so a formula whose result depends
 * only on the single cells it names is computed once per shape (its text, with relative references written as
 * offsets from the formula's cell) and per set of values those cells hold; the others with the same shape and values
 * take that result. This decides nothing about a formula's meaning: the evaluator still computes every distinct case.
 *
 * No shape (each formula computed on its own) for a range (A1:B2), a defined name, or a function whose result
 * depends on where it stands, when it runs or on cells it does not name (ROW, COLUMN, INDIRECT, OFFSET, NOW, …).
 */
import { columnNumber } from '../../core';
import { formulaTokens } from './formulaTokens';

export interface FormulaShape {
  /** The formula with its references as offsets or absolute positions, and their sheets. */
  shape: string;
  /** The cells it reads, in order (sheet null: the formula's own). */
  refs: { sheet: string | null; row: number; col: number }[];
}

const UNSHAPED_FUNCTIONS = new Set(['ROW', 'ROWS', 'COLUMN', 'COLUMNS', 'INDIRECT', 'OFFSET', 'NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'CELL', 'INFO', 'INDEX', 'ADDRESS']);
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

/** The shape of `formula` (without its "=") standing at (row, col), or null when it has none. */
export function formulaShape(formula: string, row: number, col: number): FormulaShape | null {
  let shape = '';
  const refs: FormulaShape['refs'] = [];
  let sheet: string | null = null;
  const tokens = formulaTokens(formula);
  for (const [i, t] of tokens.entries()) {
    if (t.kind === 'sheet') sheet = t.name;
    if (t.kind !== 'word') {
      // Ranges, external books, error literals and structured references have no shape.
      if (t.kind === 'char' && (t.raw === ':' || t.raw === '[' || t.raw === '#')) return null;
      shape += t.raw;
      continue;
    }
    const cell = CELL.exec(t.raw);
    if (tokens[i + 1]?.raw === '(') {
      if (UNSHAPED_FUNCTIONS.has(t.raw.toUpperCase())) return null;
      shape += t.raw.toUpperCase();
    } else if (cell) {
      const [, colAbs, letters, rowAbs, digits] = cell;
      const [r, c] = [Number(digits), columnNumber(letters.toUpperCase())];
      refs.push({ sheet, row: r, col: c });
      shape += `R${rowAbs ? r : `[${r - row}]`}C${colAbs ? c : `[${c - col}]`}`;
      sheet = null;
    } else if (/^(?:TRUE|FALSE)$/i.test(t.raw)) shape += t.raw.toUpperCase();
    else return null; // a defined name
  }
  return { shape, refs };
}
