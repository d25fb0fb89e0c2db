/**
 * The whole sample package as a map of part name → content, in zip order, plus where the budget table is: the
 * variants edit this map (rename parts, rewrite rels, add parts) before it is zipped.
 */
import { budgetSheetXml, type CellSpelling, CT, NS, PLAIN, PLAIN_FRAME, RELTYPE, SHEET, type SheetFrame, sharedStringsXml } from './budgetPackage';

export type PartData = string | Uint8Array;

export interface ZipOptions {
  /** Entries stored (method 0) instead of deflated. */
  stored: boolean;
  /** Sizes and CRC after the data (general purpose bit 3), as streaming writers do. */
  dataDescriptor: boolean;
  zip64: boolean;
  /** The archive's comment. */
  comment: string;
  /** Folder entries ("xl/", "xl/worksheets/") written before the parts. */
  directories: boolean;
  /** Parts in reverse order ([Content_Types].xml last). */
  reversed: boolean;
  /** Bytes cut off the end (a download that stopped early). */
  truncate: number;
}

export interface Sample {
  parts: Map<string, PartData>;
  zip: ZipOptions;
  /** The budget sheet's name and part (as the zip names it). */
  sheet: string;
  part: string;
}

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const STYLES_XML =
  `${DECL}<styleSheet xmlns="${NS.main}"><numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>';

const NOTE_SHEET =
  `${DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
  '<sheetFormatPr defaultRowHeight="14.25"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>本表由财务科填报，金额单位为万元。</t></is></c></row></sheetData>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

export function workbookXml(sheets: string, extra = ''): string {
  return (
    `${DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>` +
    `<workbookPr defaultThemeVersion="164011"/>${extra}<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
    `<sheets>${sheets}</sheets><calcPr calcId="191029"/></workbook>`
  );
}

export const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${RELTYPE(type)}" Target="${target}"/>`;
export const relsXml = (rels: string) => `${DECL}<Relationships xmlns="${NS.rels}">${rels}</Relationships>`;
export const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;

export function contentTypesXml(overrides: string): string {
  return (
    `${DECL}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`
  );
}

export const PLAIN_ZIP: ZipOptions = { stored: false, dataDescriptor: false, zip64: false, comment: '', directories: false, reversed: false, truncate: 0 };

/** The sample as Excel would write it, with the cells spelled as asked. */
export function samplePackage(spelling: Partial<CellSpelling> = {}, frame: Partial<SheetFrame> = {}): Sample {
  const sp = { ...PLAIN, ...spelling };
  const parts = new Map<string, PartData>();
  parts.set(
    '[Content_Types].xml',
    contentTypesXml(
      override('xl/workbook.xml', CT('spreadsheetml.sheet.main+xml')) +
        override('xl/worksheets/sheet1.xml', CT('spreadsheetml.worksheet+xml')) +
        override('xl/worksheets/sheet2.xml', CT('spreadsheetml.worksheet+xml')) +
        override('xl/styles.xml', CT('spreadsheetml.styles+xml')) +
        (sp.strings === 'shared' ? override('xl/sharedStrings.xml', CT('spreadsheetml.sharedStrings+xml')) : '') +
        override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
        override('docProps/app.xml', CT('extended-properties+xml')),
    ),
  );
  parts.set(
    '_rels/.rels',
    relsXml(
      rel('rId1', 'officeDocument', 'xl/workbook.xml') +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        rel('rId3', 'extended-properties', 'docProps/app.xml'),
    ),
  );
  parts.set(
    'docProps/core.xml',
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>财务科</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-15T08:00:00Z</dcterms:created></cp:coreProperties>`,
  );
  parts.set(
    'docProps/app.xml',
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>` +
      '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
      `<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>${SHEET}</vt:lpstr><vt:lpstr>说明</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
  );
  parts.set('xl/workbook.xml', workbookXml(`<sheet name="${SHEET}" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/>`));
  parts.set(
    'xl/_rels/workbook.xml.rels',
    relsXml(
      rel('rId1', 'worksheet', 'worksheets/sheet1.xml') +
        rel('rId2', 'worksheet', 'worksheets/sheet2.xml') +
        rel('rId3', 'styles', 'styles.xml') +
        (sp.strings === 'shared' ? rel('rId4', 'sharedStrings', 'sharedStrings.xml') : ''),
    ),
  );
  parts.set('xl/worksheets/sheet1.xml', budgetSheetXml(sp, { ...PLAIN_FRAME, ...frame }));
  parts.set('xl/worksheets/sheet2.xml', NOTE_SHEET);
  parts.set('xl/styles.xml', STYLES_XML);
  if (sp.strings === 'shared') parts.set('xl/sharedStrings.xml', sharedStringsXml(sp));
  return { parts, zip: { ...PLAIN_ZIP }, sheet: SHEET, part: 'xl/worksheets/sheet1.xml' };
}

/** Renames a part (and its place in the zip order stays). */
export function renamePart(sample: Sample, from: string, to: string): void {
  const entries = [...sample.parts.entries()].map(([k, v]) => [k === from ? to : k, v] as [string, PartData]);
  sample.parts = new Map(entries);
  if (sample.part === from) sample.part = to;
}

/** Edits a text part. */
export function edit(sample: Sample, part: string, f: (xml: string) => string): void {
  const v = sample.parts.get(part);
  if (typeof v !== 'string') throw new Error(`no text part ${part}`);
  sample.parts.set(part, f(v));
}
