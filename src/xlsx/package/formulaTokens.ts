/**
 * A formula's text cut into the pieces the package writer looks at: text in double quotes, sheet prefixes ('a''b'!
 * or Sheet1!), words (cell references, function and defined names, TRUE), numbers, and single characters
 * (operators, brackets, commas, spaces). Joining every token's `raw` gives the formula back.
 */
export type FormulaToken =
  | { kind: 'text' | 'word' | 'number' | 'char'; raw: string }
  /** `name` is the sheet's name without quotes; `raw` ends with "!". */
  | { kind: 'sheet'; raw: string; name: string };

const WORD = /[\p{L}\p{N}_.$]/u;

/** Up to the quote that closes the one at `i` (a doubled quote stays inside); the index after it. */
function closing(formula: string, i: number): number {
  const q = formula[i];
  let j = i + 1;
  while (j < formula.length && !(formula[j] === q && formula[j + 1] !== q)) j += formula[j] === q ? 2 : 1;
  return Math.min(j + 1, formula.length);
}

export function formulaTokens(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    let end: number;
    if (ch === '"') {
      end = closing(formula, i);
      out.push({ kind: 'text', raw: formula.slice(i, end) });
    } else if (ch === "'" && formula[closing(formula, i)] === '!') {
      end = closing(formula, i) + 1;
      out.push({ kind: 'sheet', raw: formula.slice(i, end), name: formula.slice(i + 1, end - 2).replace(/''/g, "'") });
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(formula[i + 1] ?? ''))) {
      end = i + /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(formula.slice(i))![0].length;
      out.push({ kind: 'number', raw: formula.slice(i, end) });
    } else if (WORD.test(ch)) {
      end = i;
      while (end < formula.length && WORD.test(formula[end])) end++;
      if (formula[end] === '!') out.push({ kind: 'sheet', raw: formula.slice(i, end + 1), name: formula.slice(i, end) });
      else out.push({ kind: 'word', raw: formula.slice(i, end) });
      if (formula[end] === '!') end++;
    } else {
      end = i + 1;
      out.push({ kind: 'char', raw: ch });
    }
    i = end;
  }
  return out;
}
