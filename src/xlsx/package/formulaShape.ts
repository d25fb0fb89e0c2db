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

export interface FormulaShape {
  /** The formula with its references as offsets or absolute positions, and their sheets. */
  shape: string;
  /** The cells it reads, in order (sheet null: the formula's own). */
  refs: { sheet: string | null; row: number; col: number }[];
}

const UNSHAPED_FUNCTIONS = new Set(['ROW', 'ROWS', 'COLUMN', 'COLUMNS', 'INDIRECT', 'OFFSET', 'NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'CELL', 'INFO', 'INDEX', 'ADDRESS']);
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const WORD = /[\p{L}\p{N}_.$]/u;

/** The shape of `formula` (without its "=") standing at (row, col), or null when it has none. */
export function formulaShape(formula: string, row: number, col: number): FormulaShape | null {
  let shape = '';
  const refs: FormulaShape['refs'] = [];
  let sheet: string | null = null;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // Text ("a""b") or a quoted sheet name ('a''b'!): up to the closing quote, doubled quotes inside.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      const text = formula.slice(i, j + 1);
      i = j + 1;
      if (ch === "'") {
        if (formula[i] !== '!') return null;
        sheet = text.slice(1, -1).replace(/''/g, "'");
        shape += `${text}!`;
        i++;
      } else shape += text;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(formula[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(formula.slice(i))!;
      shape += m[0];
      i += m[0].length;
      continue;
    }
    if (!WORD.test(ch)) {
      if (ch === ':' || ch === '[' || ch === '#') return null; // ranges, external books, error literals and structured references
      shape += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < formula.length && WORD.test(formula[j])) j++;
    const word = formula.slice(i, j);
    i = j;
    const next = formula[i];
    if (next === '!') {
      sheet = word;
      shape += `${word}!`;
      i++;
      continue;
    }
    if (next === '(') {
      if (UNSHAPED_FUNCTIONS.has(word.toUpperCase())) return null;
      shape += word.toUpperCase();
      continue;
    }
    const cell = CELL.exec(word);
    if (cell) {
      const [, colAbs, letters, rowAbs, digits] = cell;
      const r = Number(digits);
      const c = columnNumber(letters.toUpperCase());
      refs.push({ sheet, row: r, col: c });
      shape += `R${rowAbs ? r : `[${r - row}]`}C${colAbs ? c : `[${c - col}]`}`;
      sheet = null;
      continue;
    }
    if (/^(?:TRUE|FALSE)$/i.test(word)) {
      shape += word.toUpperCase();
      continue;
    }
    return null; // a defined name
  }
  return { shape, refs };
}
