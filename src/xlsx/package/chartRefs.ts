/**
 * A chart copied with its sheet (next year's copy) must read the copy's cells, not the source's: its references
 * (`<c:f>` of series values, categories and titles, `<c15:sqref>` of data-label ranges, `<cx:f>` of the newer chart
 * kinds) are moved from the source sheet to the copy. References to other sheets, to other workbooks ([1]Sheet1!)
 * and defined names stay as they were; the cached points (c:numCache, c:strCache) stay too: Excel refreshes them
 * from the cells when it opens the file.
 */
import { formulaTokens } from './formulaTokens';
import { esc, unescapeText } from './xml';

/** A cell-like name ("A1", "XFD100", "R1C1", "R", "C") or one with other than letters, digits, _ and . is quoted. */
export function sheetRefName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The formula with every reference to sheet `from` (compared as Excel does, ignoring case) made a reference to `to`.
 * Text in double quotes is left alone; so are external ([1]Sheet1!A1) and 3-D (Sheet1:Sheet3!A1) references.
 */
export function moveSheetRefs(formula: string, from: string, to: string): string {
  const wanted = from.toLowerCase();
  const tokens = formulaTokens(formula);
  return tokens
    .map((t, i) => {
      const before = tokens[i - 1]?.raw;
      return t.kind === 'sheet' && before !== ']' && before !== ':' && t.name.toLowerCase() === wanted ? `${sheetRefName(to)}!` : t.raw;
    })
    .join('');
}

/** A chart part's XML with its references moved from sheet `from` to sheet `to`; every other byte as it was. */
export function moveChartRefs(xml: string, from: string, to: string): string {
  return xml.replace(/(<([\w]+:)?(f|sqref)(?:\s[^>]*)?>)([^<]*)(<\/\2?\3>)/g, (whole, open: string, _p, _n, text: string, close: string) => {
    const formula = unescapeText(text);
    const moved = moveSheetRefs(formula, from, to);
    return moved === formula ? whole : `${open}${esc(moved)}${close}`;
  });
}
