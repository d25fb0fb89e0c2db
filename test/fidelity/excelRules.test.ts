/** The checker of test/fidelity/excelRules.ts finds what Excel repairs (so a green fidelity run means something). */
import { describe, expect, it } from 'vitest';
import { packageProblems, stylesProblems, worksheetProblems } from './excelRules';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (body: string) => `<worksheet ${NS}>${body}</worksheet>`;

describe('excelRules', () => {
  it('accepts a sheet in schema order, with a markup-compatibility block', () => {
    const xml = sheet(
      '<dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" s="1"><f t="shared" ref="A1:A2" si="0">B1</f></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row></sheetData>' +
        '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>A1&lt;1</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="B1"><cfRule type="expression" dxfId="0" priority="2"><formula>B1&lt;1</formula></cfRule></conditionalFormatting><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"/><extLst/>',
    );
    expect(worksheetProblems('s.xml', xml, 2, 1)).toEqual([]);
  });

  it('names each thing Excel would repair in a sheet', () => {
    const xml = sheet(
      '<sheetData><row r="2"><c r="B2"/><c r="A2" s="7"/></row><row r="1"><c r="A3"><f t="shared" si="4"/></c></row></sheetData>' +
        '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="3" priority="1"/></conditionalFormatting><mergeCells count="2"><mergeCell ref="A1:B1"/></mergeCells>' +
        '<conditionalFormatting sqref="A2"><cfRule type="expression" dxfId="0" priority="1"><formula>1</formula></cfRule></conditionalFormatting>',
    );
    expect(worksheetProblems('s.xml', xml, 2, 1)).toEqual([
      's.xml: <mergeCells> after <conditionalFormatting>',
      's.xml: cell A2 out of column order in row 2',
      's.xml: cell A2 uses style 7 of 2',
      's.xml: row 1 after row 2',
      's.xml: cell A3 inside row 1',
      's.xml: shared formula 4 at A3 has no master cell',
      's.xml: mergeCells count 2 ≠ 1',
      's.xml: rule uses dxf 3 of 1',
      's.xml: expression rule without formula',
      's.xml: two rules with priority 1',
    ]);
  });

  it('checks styles: order, counts, numFmt ids, font/fill/border indexes', () => {
    const xml = `<styleSheet ${NS}><fonts count="1"><font/></fonts><numFmts count="2"><numFmt numFmtId="164"/><numFmt numFmtId="164"/></numFmts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf fontId="0"/><xf fontId="1" fillId="0"/></cellXfs></styleSheet>`;
    expect(stylesProblems(xml)).toEqual({
      problems: ['styles.xml: <numFmts> after <fonts>', 'styles.xml: a numFmtId used twice', 'styles.xml: xf fontId 1 of 1'],
      cellXfs: 2,
      dxfs: 0,
    });
  });

  it('checks the package: content types, relationships, sheet names and ids', () => {
    const parts = new Map<string, Buffer>([
      ['[Content_Types].xml', Buffer.from('<Types><Default Extension="rels" ContentType="x"/><Override PartName="/xl/workbook.xml" ContentType="y"/><Override PartName="/xl/gone.xml" ContentType="z"/></Types>')],
      ['xl/workbook.xml', Buffer.from(`<workbook ${NS}><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="a" sheetId="1" r:id="rId2"/></sheets><definedNames><definedName name="X" localSheetId="2">A!A1</definedName></definedNames></workbook>`)],
      ['xl/_rels/workbook.xml.rels', Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Target="http://x" TargetMode="External"/></Relationships>')],
      ['xl/worksheets/sheet1.xml', Buffer.from(sheet('<sheetData/>'))],
    ]);
    expect(packageProblems(parts)).toEqual([
      'xl/worksheets/sheet1.xml: no content type',
      '[Content_Types].xml: override for missing /xl/gone.xml',
      'xl/workbook.xml: two sheets with one name',
      'xl/workbook.xml: two sheets with one sheetId',
      'xl/workbook.xml: name X on sheet 2',
    ]);
  });
});
