/**
 * A chart copied with its sheet (next year's copy) must read the copy's cells, not the source's: its references
 * (`<c:f>` of series values, categories and titles, `<c15:sqref>` of data-label ranges, `<cx:f>` of the newer chart
 * kinds) are moved from the source sheet to the copy. References to other sheets, to other workbooks ([1]Sheet1!)
 * and defined names stay as they were; the cached points (c:numCache, c:strCache) stay too: Excel refreshes them
 * from the cells when it opens the file.
 */
import { esc } from './xml';

/** A cell-like name ("A1", "XFD100", "R1C1", "R", "C") or one with other than letters, digits, _ and . is quoted. */
export function sheetRefName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Characters that end an unquoted sheet name (or any other token) in a formula. */
const DELIMITER = /[\s!,():;+\-*/^&=<>{}"'[\]]/;

/**
 * The formula with every reference to sheet `from` (compared as Excel does, ignoring case) made a reference to `to`.
 * Text in double quotes is left alone; so are external ([1]Sheet1!A1) and 3-D (Sheet1:Sheet3!A1) references.
 */
export function moveSheetRefs(formula: string, from: string, to: string): string {
  const wanted = from.toLowerCase();
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    let name: string | null = null;
    let stop = i;
    if (ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          text += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else text += formula[j++];
      }
      name = text;
      stop = j + 1;
    } else if (!DELIMITER.test(ch)) {
      while (stop < formula.length && !DELIMITER.test(formula[stop])) stop++;
      name = formula.slice(i, stop);
    }
    if (name === null) {
      out += ch;
      i++;
      continue;
    }
    const before = out[out.length - 1];
    const isOurSheet = formula[stop] === '!' && before !== ']' && before !== ':' && name.toLowerCase() === wanted;
    out += isOurSheet ? sheetRefName(to) : formula.slice(i, stop);
    i = stop;
  }
  return out;
}

const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/** A chart part's XML with its references moved from sheet `from` to sheet `to`; every other byte as it was. */
export function moveChartRefs(xml: string, from: string, to: string): string {
  return xml.replace(/(<([\w]+:)?(f|sqref)(?:\s[^>]*)?>)([^<]*)(<\/\2?\3>)/g, (whole, open: string, _p, _n, text: string, close: string) => {
    const formula = unescape(text);
    const moved = moveSheetRefs(formula, from, to);
    return moved === formula ? whole : `${open}${esc(moved)}${close}`;
  });
}
