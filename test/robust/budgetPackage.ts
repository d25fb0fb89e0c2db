/**
 * The budget sample of the robustness tests, written part by part as XML text (no spreadsheet library in between),
 * so that each variant can change exactly one thing the way another program writes it: how cells, strings and
 * numbers are spelled (`CellSpelling`), then the parts themselves (variants.ts), then the zip (zipWrite.ts).
 *
 * Sheet "预算执行": title (merged A1:G1), 单位 row, header on row 3 (预算执行率 / 预算调整率 present but empty),
 * the five projects of the fidelity corpus on rows 4–8 and 合计 on row 9. A second sheet "说明" holds one line.
 */
import { HEADERS, PROJECTS } from '../fidelity/corpus';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  x14ac: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac',
} as const;

export const RELTYPE = (t: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`;
export const CT = (t: string) => `application/vnd.openxmlformats-officedocument.${t}`;

export const SHEET = '预算执行';
export const HEADER_ROW = 3;
export const TOTAL_ROW = HEADER_ROW + PROJECTS.length + 1;

/** How the sheet's cells are spelled: each option is one habit of some other writer. */
export interface CellSpelling {
  /** Text as shared strings (Excel), inline strings (Open XML SDK, streaming writers) or t="str" (some exporters). */
  strings: 'shared' | 'inline' | 'str';
  /** Shared strings as rich text: runs with rPr, phonetic runs (rPh) and xml:space="preserve". */
  richStrings: boolean;
  /** A number's text ("1.2E2" for 120). */
  number: (n: number) => string;
  /** `t="n"` written on numbers. */
  explicitN: boolean;
  /** Rows and cells without `r` (positions implied by order). */
  noRefs: boolean;
  /** The cells of each row written right to left (each keeps its `r`). */
  reversed: boolean;
  /** Styled cells without a value (`<c r="F4" s="3"/>`, `<c r="G4" s="3"></c>`) in the rate columns and beyond. */
  emptyCells: boolean;
  /** 合计 as formulas: a shared SUM across C:D and an array formula in E (with cached values). */
  totalFormulas: boolean;
  /** 调整后预算数 (D) of each project as a shared formula =C+H over a hidden column H of adjustments. */
  adjustedFormulas: boolean;
  /** Cell styles (`s`) written; off when the package has no styles part. */
  styled: boolean;
  /** Extra attributes for every `<row>` (`x14ac:dyDescent="0.25"`), and row 6 hidden. */
  rowAttrs: string;
  hiddenRow: boolean;
}

export const PLAIN: CellSpelling = {
  strings: 'shared',
  richStrings: false,
  number: (n) => String(n),
  explicitN: false,
  noRefs: false,
  reversed: false,
  emptyCells: false,
  totalFormulas: false,
  adjustedFormulas: false,
  styled: true,
  rowAttrs: '',
  hiddenRow: false,
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (c: number) => String.fromCharCode(64 + c);
const round2 = (n: number) => Math.round(n * 100) / 100;

type Value = string | number | null;
/** Style ids of styles.xml below: 1 bold text, 2 amount (#,##0.00), 3 percent (0.00%). */
const S_BOLD = 1;
const S_AMOUNT = 2;
const S_RATE = 3;

function sheetRows(): { values: Value[]; styles: number[] }[] {
  const total = (k: 1 | 2 | 3) => round2(PROJECTS.reduce((s, p) => s + p[k], 0));
  return [
    { values: ['2024年项目支出预算执行情况表'], styles: [S_BOLD] },
    { values: ['单位：万元'], styles: [0] },
    { values: [...HEADERS], styles: HEADERS.map(() => S_BOLD) },
    ...PROJECTS.map(([name, a, b, c], i) => ({ values: [i + 1, name, a, b, c], styles: [0, 0, S_AMOUNT, S_AMOUNT, S_AMOUNT] })),
    { values: [null, '合计', total(1), total(2), total(3)], styles: [0, S_BOLD, S_AMOUNT, S_AMOUNT, S_AMOUNT] },
  ];
}

/** Every text of the sheet, in order of first use (the shared string table). */
function texts(): string[] {
  const out: string[] = [];
  for (const r of sheetRows()) for (const v of r.values) if (typeof v === 'string' && !out.includes(v)) out.push(v);
  return out;
}

function richItem(text: string): string {
  if (text.length < 4) return `<si><t>${esc(text)}</t></si>`;
  const [a, b] = [text.slice(0, 2), text.slice(2)];
  return (
    `<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>${esc(a)}</t></r>` +
    `<r><rPr><sz val="11"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">${esc(b)}</t></r>` +
    `<rPh sb="0" eb="2"><t>ヨサン</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>`
  );
}

export function sharedStringsXml(spelling: CellSpelling): string {
  const all = texts();
  const items = all.map((t) => (spelling.richStrings ? richItem(t) : `<si><t>${esc(t)}</t></si>`)).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${all.length}" uniqueCount="${all.length}">${items}</sst>`;
}

function cellXml(ref: string, v: Value, style: number, sp: CellSpelling, formula?: string): string {
  const r = sp.noRefs ? '' : ` r="${ref}"`;
  const s = sp.styled && style > 0 ? ` s="${style}"` : '';
  if (v === null) return sp.emptyCells ? `<c${r}${s}/>` : '';
  if (typeof v === 'number') {
    const t = sp.explicitN ? ' t="n"' : '';
    return `<c${r}${s}${t}>${formula ?? ''}<v>${sp.number(v)}</v></c>`;
  }
  if (sp.strings === 'inline') return `<c${r}${s} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  if (sp.strings === 'str') return `<c${r}${s} t="str"><v>${esc(v)}</v></c>`;
  return `<c${r}${s} t="s"><v>${texts().indexOf(v)}</v></c>`;
}

function totalFormula(col: number): string {
  const range = (c: string) => `${c}${HEADER_ROW + 1}:${c}${TOTAL_ROW - 1}`;
  if (col === 3) return `<f t="shared" ref="C${TOTAL_ROW}:D${TOTAL_ROW}" si="0">SUM(${range('C')})</f>`;
  if (col === 4) return '<f t="shared" si="0"/>';
  return `<f t="array" ref="E${TOTAL_ROW}">SUM(${range('E')}*1)</f>`;
}

const isProject = (row: number) => row > HEADER_ROW && row < TOTAL_ROW;

function adjustedFormula(row: number): string {
  const first = HEADER_ROW + 1;
  return row === first ? `<f t="shared" ref="D${first}:D${TOTAL_ROW - 1}" si="1">C${first}+H${first}</f>` : '<f t="shared" si="1"/>';
}

export function sheetDataXml(sp: CellSpelling): string {
  return sheetRows()
    .map(({ values, styles }, i) => {
      const row = i + 1;
      let cells = values.map((v, j) => {
        const col = j + 1;
        const f = sp.totalFormulas && row === TOTAL_ROW && col >= 3 ? totalFormula(col) : sp.adjustedFormulas && isProject(row) && col === 4 ? adjustedFormula(row) : undefined;
        // A cell without r must still be at its place: an empty value keeps a `<c/>` where needed.
        const keep = sp.noRefs && v === null ? '<c/>' : '';
        return cellXml(`${colName(col)}${row}`, v, styles[j], sp, f) || keep;
      });
      if (sp.emptyCells && row > HEADER_ROW) cells.push(...[6, 7].map((c) => cellXml(`${colName(c)}${row}`, null, S_RATE, sp)), sp.noRefs ? '' : `<c r="H${row}" s="${sp.styled ? S_AMOUNT : 0}"></c>`);
      if (sp.adjustedFormulas && isProject(row)) cells.push(cellXml(`H${row}`, PROJECTS[row - HEADER_ROW - 1][2] - PROJECTS[row - HEADER_ROW - 1][1], 0, sp));
      if (sp.reversed) cells = cells.reverse();
      const hidden = sp.hiddenRow && row === HEADER_ROW + 3 ? ' hidden="1"' : '';
      return `<row${sp.noRefs ? '' : ` r="${row}"`}${hidden}${sp.rowAttrs}>${cells.join('')}</row>`;
    })
    .join('');
}

export interface SheetFrame {
  /** Attributes added to the root (namespace declarations, mc:Ignorable). */
  rootAttrs: string;
  /** `<dimension …/>` as written, or '' for none. */
  dimension: string;
  /** Extra text just before `</worksheet>`'s tail elements (after pageMargins). */
  tail: string;
  cols: string;
}

export const PLAIN_FRAME: SheetFrame = {
  rootAttrs: '',
  dimension: `<dimension ref="A1:G${TOTAL_ROW}"/>`,
  tail: '',
  cols: '<cols><col min="2" max="2" width="18" customWidth="1"/><col min="3" max="7" width="14" customWidth="1"/></cols>',
};

export function budgetSheetXml(sp: CellSpelling, frame: SheetFrame): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"${frame.rootAttrs}>` +
    `${frame.dimension}<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>` +
    `${frame.cols}<sheetData>${sheetDataXml(sp)}</sheetData><mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${frame.tail}</worksheet>`
  );
}
