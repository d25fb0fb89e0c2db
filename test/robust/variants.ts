/**
 * The variants: the budget sample as other programs write it (Open XML SDK, Java and Python libraries,
 * government exporters, WPS), one habit each, so that a failure names the habit. Each is either expected to
 * work (`ok`) or to be refused with one clear line (`refused`).
 */
import { CT, NS, SHEET, TOTAL_ROW } from './budgetPackage';
import { edit, renamePart, type Sample, samplePackage } from './packageParts';
import { commented, prefixed, pretty, singleQuoted, withBom } from './xmlSpelling';
import { asciiOnly, MINIMAL_STYLES, utf16, withFormControl, withOtherSheets, withWorkbookElsewhere, withWpsParts } from './variantParts';

export interface Variant {
  name: string;
  /** Who writes files like this (for the reader of a failure). */
  from: string;
  make(): Sample;
  expect: 'ok' | 'refused';
  /** For a refused variant: what the one line must say. */
  says?: RegExp;
  /** Why LibreOffice cannot judge the output (it cannot read the input either), when it cannot. */
  libreOfficeBlind?: string;
}

const SHEET1 = 'xl/worksheets/sheet1.xml';
const xmlParts = (s: Sample) => [...s.parts.keys()].filter((n) => /\.(xml|rels)$/.test(n));
const everyXml = (s: Sample, f: (xml: string) => string) => xmlParts(s).forEach((p) => edit(s, p, f));
const SPREADSHEETML_PARTS = ['xl/workbook.xml', SHEET1, 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

function variant(name: string, from: string, make: () => Sample, expect: 'ok' | 'refused' = 'ok', libreOfficeBlind?: string): Variant {
  return { name, from, make, expect, ...(libreOfficeBlind ? { libreOfficeBlind } : {}) };
}

/** A variant that must be refused, with what its one line must say. */
const refusedSaying = (says: RegExp, v: Variant): Variant => ({ ...v, expect: 'refused', says });

function sample(f: (s: Sample) => void, base: () => Sample = () => samplePackage()): () => Sample {
  return () => {
    const s = base();
    f(s);
    return s;
  };
}

/** A 31-character sheet name with an apostrophe and spaces (the longest Excel allows). */
export const LONG_NAME = "Dept's 2024 预算执行 情况汇总 第一分表 A1";

/** 31 characters, no year in it. */
export const LONG_NAME_NO_YEAR = '本单位项目支出预算执行情况明细表（含追加调整及结转结余资金表）';

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

export const VARIANTS: Variant[] = [
  variant('excel', 'Excel (the sample as it is)', () => samplePackage()),
  variant('sdk-prefixed', 'Open XML SDK: SpreadsheetML with an x: prefix', sample((s) => SPREADSHEETML_PARTS.forEach((p) => edit(s, p, (x) => prefixed(x, NS.main, 'x'))))),
  variant(
    'opc-prefixed',
    'relationships and content types written with prefixes instead of a default namespace',
    sample((s) => {
      for (const p of xmlParts(s).filter((n) => n.endsWith('.rels'))) edit(s, p, (x) => prefixed(x, NS.rels, 'pr'));
      edit(s, '[Content_Types].xml', (x) => prefixed(x, NS.types, 'ct'));
    }),
  ),
  variant(
    'rid-prefix',
    'XML writers that name the relationships namespace themselves (rel:id instead of r:id)',
    sample((s) => ['xl/workbook.xml', SHEET1].forEach((p) => edit(s, p, (x) => x.replace(/xmlns:r=/g, 'xmlns:rel=').replace(/ r:id=/g, ' rel:id=')))),
  ),
  variant('no-refs', 'streaming writers: rows and cells without r', () => samplePackage({ noRefs: true })),
  variant('cells-reversed', 'exporters that write the cells of a row out of order', () => samplePackage({ reversed: true })),
  variant('empty-cells', 'styled cells without a value (<c/> without <v>)', () => samplePackage({ emptyCells: true })),
  variant('explicit-n', 'writers that spell t="n" on numbers', () => samplePackage({ explicitN: true })),
  variant('e-notation', 'numbers in E-notation (1.2E2)', () => samplePackage({ number: (n) => (n === 0 ? '0E0' : n.toExponential().replace('e+', 'E')) })),
  variant('inline-strings', 'Open XML SDK, streaming writers: inlineStr cells, no sharedStrings part', () => samplePackage({ strings: 'inline' })),
  variant(
    'inline-indented',
    'XmlWriter with indenting on (.NET, Java): rich inline strings with phonetic runs, whitespace around every element',
    sample((s) => edit(s, s.part, (x) => pretty(x.replace(/<is><t>([^<]*)<\/t><\/is>/g, '<is><r><rPr><b/><sz val="11"/></rPr><t>$1</t></r><rPh sb="0" eb="1"><t>ヨ</t></rPh></is>'))), () =>
      samplePackage({ strings: 'inline' }),
    ),
  ),
  variant('str-cells', 'exporters that write text as t="str"', () => samplePackage({ strings: 'str' })),
  variant('rich-strings', 'Excel (Japanese/Chinese IME): rich-text shared strings with rPh phonetic runs, xml:space', () => samplePackage({ richStrings: true })),
  variant(
    'no-styles',
    'minimal writers: no styles part at all',
    sample(
      (s) => {
        s.parts.delete('xl/styles.xml');
        edit(s, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/<Relationship Id="rId3"[^>]*\/>/, ''));
        edit(s, '[Content_Types].xml', (x) => x.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''));
      },
      () => samplePackage({ styled: false }),
    ),
  ),
  variant(
    'absolute-targets',
    'Open XML SDK / System.IO.Packaging: absolute relationship targets',
    sample((s) => {
      edit(s, '_rels/.rels', (x) => x.replace(/Target="(?!\/)/g, 'Target="/'));
      edit(s, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/Target="(?!\/)/g, 'Target="/xl/'));
    }),
  ),
  variant(
    'outside-worksheets',
    'a worksheet outside xl/worksheets/, reached with a ../ target',
    sample((s) => {
      renamePart(s, SHEET1, 'sheets/budget.xml');
      edit(s, 'xl/_rels/workbook.xml.rels', (x) => x.replace('Target="worksheets/sheet1.xml"', 'Target="../sheets/budget.xml"'));
      edit(s, '[Content_Types].xml', (x) => x.replace('/xl/worksheets/sheet1.xml', '/sheets/budget.xml'));
    }),
  ),
  variant(
    'percent-encoded',
    'a part name with a space and Chinese characters, percent-encoded in its relationship (part names are URIs)',
    sample((s) => {
      renamePart(s, SHEET1, 'xl/worksheets/预算 表.xml');
      edit(s, 'xl/_rels/workbook.xml.rels', (x) => x.replace('Target="worksheets/sheet1.xml"', `Target="worksheets/${encodeURIComponent('预算 表')}.xml"`));
      edit(s, '[Content_Types].xml', (x) => x.replace('/xl/worksheets/sheet1.xml', `/xl/worksheets/${encodeURIComponent('预算 表')}.xml`));
    }),
    'ok',
    'LibreOffice does not decode the target: it shows the input sheet empty too',
  ),
  variant(
    'name-case',
    'part names whose case differs from the relationships (OPC names are case-insensitive)',
    sample((s) => {
      renamePart(s, SHEET1, 'xl/Worksheets/Sheet1.xml');
      renamePart(s, 'xl/sharedStrings.xml', 'xl/SharedStrings.xml');
      edit(s, '[Content_Types].xml', (x) => x.replace('/xl/worksheets/sheet1.xml', '/XL/WORKSHEETS/SHEET1.XML'));
    }),
    'ok',
    'LibreOffice looks parts up by exact name: it shows the input sheet empty too',
  ),
  variant(
    'default-types',
    'a Default content type for the worksheets instead of an Override each',
    sample((s) =>
      edit(s, '[Content_Types].xml', (x) =>
        x
          .replace(/<Override PartName="\/xl\/worksheets\/sheet\d\.xml"[^>]*\/>/g, '')
          .replace('<Default Extension="xml" ContentType="application/xml"/>', `<Default Extension="xml" ContentType="${CT('spreadsheetml.worksheet+xml')}"/>`),
      ),
    ),
  ),
  variant('workbook-elsewhere', 'the workbook part outside xl/ (spreadsheet/book.xml), its parts reached with ../ targets', sample(withWorkbookElsewhere)),
  variant('ascii-refs', 'ASCII-only writers: every Chinese character as a character reference, encoding="US-ASCII"', sample((s) => everyXml(s, asciiOnly))),
  variant(
    'utf16',
    'parts saved as UTF-16 with a byte order mark (allowed by OPC; some .NET writers)',
    sample((s) => ['xl/workbook.xml', SHEET1, 'xl/sharedStrings.xml'].forEach((p) => s.parts.set(p, utf16(s.parts.get(p) as string)))),
  ),
  variant('no-declaration', 'writers that leave out the XML declaration', sample((s) => everyXml(s, (x) => x.replace(/^<\?xml[^>]*\?>\s*/, '')))),
  variant('minimal-styles', 'minimal styles.xml: no numFmts, cellStyleXfs, cellStyles or dxfs', sample((s) => s.parts.set('xl/styles.xml', MINIMAL_STYLES))),
  variant('bom', 'Windows tools: a UTF-8 byte order mark on every part', sample((s) => everyXml(s, withBom))),
  variant('pretty-crlf', 'pretty-printing writers on Windows: indented XML, CRLF', sample((s) => everyXml(s, pretty))),
  variant('single-quotes', "Java/Python writers: standalone='no', attributes in single quotes", sample((s) => everyXml(s, singleQuoted))),
  variant('comments-pis', 'exporters that stamp comments and processing instructions into parts', sample((s) => everyXml(s, commented))),
  variant('zip-stored', 'zip: stored (uncompressed) entries', sample((s) => (s.zip.stored = true))),
  variant('zip-data-descriptor', 'zip: streaming writers (data descriptors after each entry)', sample((s) => (s.zip.dataDescriptor = true))),
  variant('zip-comment', 'zip: an archive comment', sample((s) => (s.zip.comment = 'Generated by 财政一体化 export 3.2'))),
  variant('zip-directories', 'zip: folder entries (Java ZipOutputStream, 7-Zip)', sample((s) => (s.zip.directories = true))),
  variant('zip-order', 'zip: parts in another order ([Content_Types].xml last)', sample((s) => (s.zip.reversed = true))),
  variant('zip64', 'zip: Zip64 records (large-file writers)', sample((s) => (s.zip.zip64 = true))),
  variant('date1904', 'Excel for Mac: the 1904 date system', sample((s) => edit(s, 'xl/workbook.xml', (x) => x.replace('<workbookPr ', '<workbookPr date1904="1" ')))),
  variant('dimension-wrong', 'a dimension that is too small', () => samplePackage({}, { dimension: '<dimension ref="A1:B2"/>' })),
  variant('dimension-missing', 'no dimension element', () => samplePackage({}, { dimension: '' })),
  variant(
    'mc-ignorable',
    'Excel 2010+: mc:Ignorable, x14ac:dyDescent, mc:AlternateContent',
    sample(
      (s) =>
        edit(s, 'xl/workbook.xml', (x) =>
          x.replace(
            /(<workbookPr [^>]*\/>)/,
            `$1<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="D:\\财务\\2024\\"/></mc:Choice></mc:AlternateContent>`,
          ),
        ),
      () =>
        samplePackage(
          { rowAttrs: ' x14ac:dyDescent="0.25"' },
          {
            rootAttrs: ` xmlns:mc="${NS.mc}" xmlns:x14ac="${NS.x14ac}" mc:Ignorable="x14ac"`,
            tail: `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x14ac"><x14ac:note xmlns:x14ac="${NS.x14ac}"/></mc:Choice><mc:Fallback/></mc:AlternateContent>`,
          },
        ),
    ),
  ),
  variant('form-control', 'Excel 2010+: a check box (legacy VML shape, mc:AlternateContent <controls>, ctrlProp part) on the budget sheet', sample(withFormControl)),
  variant('formulas', 'a shared SUM and an array formula in the amount columns of 合计', () => samplePackage({ totalFormulas: true })),
  variant(
    'adjusted-formulas',
    '调整后预算数 as a shared formula (=年初预算数 + a hidden column of adjustments)',
    () => samplePackage({ adjustedFormulas: true }, { cols: '<cols><col min="2" max="2" width="18" customWidth="1"/><col min="8" max="8" hidden="1" customWidth="1"/></cols>' }),
  ),
  variant(
    'hidden',
    'a hidden project row and a hidden column',
    () => samplePackage({ hiddenRow: true }, { cols: '<cols><col min="2" max="2" width="18" customWidth="1"/><col min="8" max="8" width="0" hidden="1" customWidth="1"/></cols>' }),
  ),
  variant(
    'sheet-name',
    "a 31-character sheet name with an apostrophe and spaces, and defined names pointing at it",
    sample((s) => {
      s.sheet = LONG_NAME;
      edit(s, 'docProps/app.xml', (x) => x.replace(`<vt:lpstr>${SHEET}</vt:lpstr>`, `<vt:lpstr>${LONG_NAME.replace(/'/g, '&apos;')}</vt:lpstr>`));
      const ref = quoted(LONG_NAME.replace(/&/g, '&amp;'));
      edit(s, 'xl/workbook.xml', (x) =>
        x
          .replace(`name="${SHEET}"`, `name="${LONG_NAME.replace(/'/g, '&apos;')}"`)
          .replace(
            '</sheets>',
            `</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${ref}!$A$1:$G$${TOTAL_ROW}</definedName>` +
              `<definedName name="_xlnm.Print_Titles" localSheetId="0">${ref}!$3:$3</definedName><definedName name="预算合计">${ref}!$E$${TOTAL_ROW}</definedName></definedNames>`,
          ),
      );
    }),
  ),
  variant(
    'long-name-no-year',
    'a 31-character sheet name without a year: next year\'s copy must still get a name Excel accepts',
    sample((s) => {
      s.sheet = LONG_NAME_NO_YEAR;
      edit(s, 'xl/workbook.xml', (x) => x.replace(`name="${SHEET}"`, `name="${LONG_NAME_NO_YEAR}"`));
      edit(s, 'docProps/app.xml', (x) => x.replace(`<vt:lpstr>${SHEET}</vt:lpstr>`, `<vt:lpstr>${LONG_NAME_NO_YEAR}</vt:lpstr>`));
    }),
  ),
  variant('other-sheets', 'a chartsheet, a dialog sheet and an Excel 4 macro sheet beside the worksheets (.xlsm)', sample(withOtherSheets)),
  variant('wps', 'WPS 表格: cell images (xl/cellimages.xml), KSO custom properties, etc: namespace', sample(withWpsParts)),
  refusedSaying(/已损坏.*damaged/, variant('missing-sheet-part', 'a damaged package: the relationships name a worksheet part the zip does not have', sample((s) => s.parts.delete(SHEET1)))),
  refusedSaying(/已损坏.*damaged/, variant('truncated', 'a download that stopped early: the end of the zip (its central directory) is missing', sample((s) => (s.zip.truncate = 200)))),
  refusedSaying(/没有找到.*\/ Error: no (budget|indicator)/, variant(
    'no-worksheet',
    'a workbook of a chart sheet, a dialog sheet and a macro sheet only: nothing to read a table from',
    sample((s) => {
      withOtherSheets(s);
      for (const part of [SHEET1, 'xl/worksheets/sheet2.xml']) s.parts.delete(part);
      edit(s, 'xl/workbook.xml', (x) => x.replace(/<sheet name="(预算执行|说明)"[^>]*\/>/g, '').replace(' activeTab="1"', ''));
      edit(s, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/<Relationship Id="rId[12]"[^>]*\/>/g, ''));
      edit(s, '[Content_Types].xml', (x) => x.replace(/<Override PartName="\/xl\/worksheets\/[^>]*\/>/g, ''));
    }),
  )),
];
