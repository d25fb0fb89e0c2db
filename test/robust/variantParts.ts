/**
 * The larger variant edits: sheets of other kinds beside the worksheets, and what WPS 表格 adds to a package
 * (checked against WPS files and readers of them: xl/cellimages.xml in the etc: namespace with the
 * http://www.wps.cn/officeDocument/2020/cellImage relationship, DISPIMG cells, KSOProductBuildVer/ICV properties).
 */
import { CT, NS, SHEET } from './budgetPackage';
import { edit, override, rel, relsXml, renamePart, type Sample } from './packageParts';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PAGE = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const DRAWING_NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

/** A 1×1 PNG. */
export const PIXEL_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64'));

function barChart(): string {
  const ref = (c: string) => `'${SHEET}'!$${c}$4:$${c}$8`;
  return (
    `${DECL}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.r}"><c:chart><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:cat><c:strRef><c:f>${ref('B')}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${ref('E')}</c:f></c:numRef></c:val></c:ser>` +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>'
  );
}

const CHART_DRAWING =
  `${DECL}<xdr:wsDr ${DRAWING_NS}><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666049" cy="6293304"/><xdr:graphicFrame macro="">` +
  '<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
  `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${NS.r}" r:id="rId1"/></a:graphicData></a:graphic>` +
  '</xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>';

/**
 * A chart sheet first (so the budget sheet is the second tab), then the budget sheet, a dialog sheet and an
 * Excel 4 macro sheet: a macro sheet makes the workbook an .xlsm.
 */
export function withOtherSheets(s: Sample): void {
  s.parts.set('xl/chartsheets/sheet1.xml', `${DECL}<chartsheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetPr/><sheetViews><sheetView zoomScale="80" workbookViewId="0" zoomToFit="1"/></sheetViews>${PAGE}<drawing r:id="rId1"/></chartsheet>`);
  s.parts.set('xl/chartsheets/_rels/sheet1.xml.rels', relsXml(rel('rId1', 'drawing', '../drawings/drawing1.xml')));
  s.parts.set('xl/drawings/drawing1.xml', CHART_DRAWING);
  s.parts.set('xl/drawings/_rels/drawing1.xml.rels', relsXml(rel('rId1', 'chart', '../charts/chart1.xml')));
  s.parts.set('xl/charts/chart1.xml', barChart());
  s.parts.set('xl/dialogsheets/sheet1.xml', `${DECL}<dialogsheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>${PAGE}</dialogsheet>`);
  s.parts.set(
    'xl/macrosheets/sheet1.xml',
    `${DECL}<xm:macrosheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><dimension ref="A1:A2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="14.25"/><sheetData><row r="1"><c r="A1" t="str"><f>ALERT("预算已更新")</f><v>TRUE</v></c></row><row r="2"><c r="A2" t="b"><f>RETURN()</f><v>1</v></c></row></sheetData>${PAGE}</xm:macrosheet>`,
  );
  edit(s, 'xl/workbook.xml', (x) =>
    x
      .replace('<sheets>', '<sheets><sheet name="执行图" sheetId="3" r:id="rId5"/>')
      .replace('</sheets>', '<sheet name="对话框1" sheetId="4" r:id="rId6"/><sheet name="宏1" sheetId="5" r:id="rId7"/></sheets>')
      .replace('<bookViews><workbookView ', '<bookViews><workbookView activeTab="1" '),
  );
  edit(s, 'xl/_rels/workbook.xml.rels', (x) =>
    x.replace(
      '</Relationships>',
      rel('rId5', 'chartsheet', 'chartsheets/sheet1.xml') +
        rel('rId6', 'dialogsheet', 'dialogsheets/sheet1.xml') +
        '<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>',
    ),
  );
  edit(s, '[Content_Types].xml', (x) =>
    x
      .replace(CT('spreadsheetml.sheet.main+xml'), 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace(
        '</Types>',
        override('xl/chartsheets/sheet1.xml', CT('spreadsheetml.chartsheet+xml')) +
          override('xl/drawings/drawing1.xml', CT('drawing+xml')) +
          override('xl/charts/chart1.xml', CT('drawingml.chart+xml')) +
          override('xl/dialogsheets/sheet1.xml', CT('spreadsheetml.dialogsheet+xml')) +
          override('xl/macrosheets/sheet1.xml', 'application/vnd.ms-excel.macrosheet+xml') +
          '</Types>',
      ),
  );
}

const ETC = 'http://www.wps.cn/officeDocument/2017/etCustomData';
const IMAGE_ID = 'ID_4F2A9C0B8E3D4A1B9C7E6F5D4C3B2A19';

/** What WPS 表格 writes besides the cells: a picture in a cell (DISPIMG), custom properties, its namespaces. */
export function withWpsParts(s: Sample): void {
  s.parts.set(
    'xl/cellimages.xml',
    `${DECL}<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="${NS.r}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="${ETC}">` +
      `<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="${IMAGE_ID}" descr="公章"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage></etc:cellImages>',
  );
  s.parts.set('xl/_rels/cellimages.xml.rels', relsXml(rel('rId1', 'image', 'media/image1.png')));
  s.parts.set('xl/media/image1.png', PIXEL_PNG);
  s.parts.set(
    'docProps/custom.xml',
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16929</vt:lpwstr></property>' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>8A2B5C7D9E0F4A1B8C3D6E9F0A1B2C3D_12</vt:lpwstr></property></Properties>',
  );
  edit(s, '_rels/.rels', (x) => x.replace('</Relationships>', `${rel('rId4', 'custom-properties', 'docProps/custom.xml')}</Relationships>`));
  edit(s, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rId9" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>'));
  edit(s, '[Content_Types].xml', (x) =>
    x.replace(
      '</Types>',
      '<Default Extension="png" ContentType="image/png"/>' +
        override('xl/cellimages.xml', 'application/vnd.wps-officedocument.cellimage+xml') +
        override('docProps/custom.xml', CT('custom-properties+xml')) +
        '</Types>',
    ),
  );
  edit(s, 'xl/workbook.xml', (x) => x.replace(/<fileVersion [^>]*\/>/, '<fileVersion appName="xl" lastEdited="3" lowestEdited="5" rupBuild="9302"/>').replace('<calcPr calcId="191029"/>', '<calcPr calcId="144525"/>'));
  edit(s, s.part, (x) =>
    x
      .replace(`xmlns:r="${NS.r}"`, `xmlns:r="${NS.r}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="${NS.mc}" xmlns:etc="${ETC}"`)
      .replace('<sheetFormatPr defaultRowHeight="14.25"/>', '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelCol="6"/>')
      .replace(/(<row r="1"[^>]*>.*?)(<\/row>)/, `$1<c r="I1" t="str"><f>_xlfn.DISPIMG("${IMAGE_ID}",1)</f><v>=DISPIMG("${IMAGE_ID}",1)</v></c>$2`)
      .replace('</worksheet>', '<headerFooter/></worksheet>'),
  );
}

/**
 * The workbook part outside xl/ (spreadsheet/book.xml), reaching its sheets, styles and strings with ../ targets:
 * new parts must be named relative to wherever the workbook is.
 */
export function withWorkbookElsewhere(s: Sample): void {
  renamePart(s, 'xl/workbook.xml', 'spreadsheet/book.xml');
  renamePart(s, 'xl/_rels/workbook.xml.rels', 'spreadsheet/_rels/book.xml.rels');
  edit(s, 'spreadsheet/_rels/book.xml.rels', (x) => x.replace(/Target="/g, 'Target="../xl/'));
  edit(s, '_rels/.rels', (x) => x.replace('Target="xl/workbook.xml"', 'Target="spreadsheet/book.xml"'));
  edit(s, '[Content_Types].xml', (x) => x.replace('/xl/workbook.xml', '/spreadsheet/book.xml'));
}

/** Every character outside ASCII as a character reference, under an ASCII declaration (Python's xml with encoding="us-ascii"). */
export function asciiOnly(xml: string): string {
  return xml.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="US-ASCII"?>').replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`);
}

/** The part as UTF-16 (little-endian, with a byte order mark), declared so: ECMA-376 Part 2 allows UTF-8 or UTF-16. */
export function utf16(xml: string): Uint8Array {
  return Uint8Array.from(Buffer.from(`\uFEFF${xml.replace(/encoding="UTF-8"/, 'encoding="UTF-16"')}`, 'utf16le'));
}

/**
 * styles.xml as minimal writers make it: no numFmts (amounts use the built-in #,##0.00, id 4), no cellStyleXfs,
 * cellStyles or dxfs: what a plan appends must go where the schema puts it.
 */
export const MINIMAL_STYLES =
  `${DECL}<styleSheet xmlns="${NS.main}"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const CHECKBOX_VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
  ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe">\n' +
  '  <v:stroke joinstyle="miter"/>\n  <v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>\n  <o:lock v:ext="edit" shapetype="t"/>\n </v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t201" style="position:absolute;margin-left:480pt;margin-top:28.5pt;width:96pt;height:18pt;z-index:1" filled="f" fillcolor="window [65]" stroked="f" strokecolor="windowText [64]" o:insetmode="auto">\n' +
  '  <v:path shadowok="t" strokeok="t" fillok="t"/>\n  <o:lock v:ext="edit" rotation="t"/>\n  <v:textbox style="mso-direction-alt:auto" o:singleclick="f">\n   <div style="text-align:left"><font face="宋体" size="220" color="auto">已复核</font></div>\n  </v:textbox>\n' +
  '  <x:ClientData ObjectType="Checkbox">\n   <x:Anchor>\n    8, 0, 2, 0, 10, 0, 3, 0</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n   <x:AutoLine>False</x:AutoLine>\n   <x:TextVAlign>Center</x:TextVAlign>\n   <x:NoThreeD/>\n  </x:ClientData>\n </v:shape></xml>';

/**
 * A form control (a check box "已复核") as Excel 2010+ saves it: the sheet's legacyDrawing VML holds its shape,
 * an mc:AlternateContent block (Requires="x14") holds <controls>, and a ctrlProp part its properties. Notes must be
 * added to that VML beside the check box, and the block must stay after legacyDrawing.
 */
export function withFormControl(s: Sample): void {
  const control =
    `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x14"><controls><mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x14">` +
    '<control shapeId="1025" r:id="rId2" name="Check Box 1"><controlPr defaultSize="0" autoFill="0" autoLine="0" autoPict="0"><anchor moveWithCells="1">' +
    '<from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></to>' +
    '</anchor></controlPr></control></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>';
  edit(s, s.part, (x) =>
    x
      .replace(`xmlns:r="${NS.r}"`, `xmlns:r="${NS.r}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="${X14}" xmlns:mc="${NS.mc}"`)
      .replace('</worksheet>', `<legacyDrawing r:id="rId1"/>${control}</worksheet>`),
  );
  s.parts.set(s.part.replace(/([^/]*)$/, '_rels/$1.rels'), relsXml(rel('rId1', 'vmlDrawing', '../drawings/vmlDrawing1.vml') + rel('rId2', 'ctrlProp', '../ctrlProps/ctrlProp1.xml')));
  s.parts.set('xl/drawings/vmlDrawing1.vml', CHECKBOX_VML);
  s.parts.set('xl/ctrlProps/ctrlProp1.xml', `${DECL}<formControlPr xmlns="${X14}" objectType="CheckBox" lockText="1"/>`);
  edit(s, '[Content_Types].xml', (x) =>
    x.replace('</Types>', `<Default Extension="vml" ContentType="${CT('vmlDrawing')}"/>${override('xl/ctrlProps/ctrlProp1.xml', 'application/vnd.ms-excel.controlproperties+xml')}</Types>`),
  );
}
