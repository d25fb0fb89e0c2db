/** Edge cases of the package writer that real files bring: no styles part, "$" in formulas, no rels, cached results. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../../src/core';
import { WorkbookPackage } from '../../src/xlsx';

async function bytesOf(wb: ExcelJS.Workbook, edit?: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await edit?.(zip);
  return zip.generateAsync({ type: 'uint8array' });
}

async function part(bytes: Uint8Array, name: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(bytes)).file(name)?.async('string');
}

describe('package writer', () => {
  it('gives a package without styles.xml one (with its relationship and content type) when a plan needs a format', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').getCell('A1').value = 1;
    const input = await bytesOf(wb, async (zip) => {
      zip.remove('xl/styles.xml');
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles[^>]*\/>/, ''));
    });
    const book = await WorkbookPackage.open(input);
    const plan = emptyPlan('s');
    plan.writes.push({ row: 1, col: 2, inputs: [['=A1/2']], results: [[0.5]], numberFormat: '0.00%', before: [[null]], purpose: 'rate' });
    await book.applyPlans([plan]);
    const out = await book.save();
    expect(await part(out, 'xl/styles.xml')).toMatch(/<xf numFmtId="10"[^>]*applyNumberFormat="1"/); // 0.00% is built in (id 10)
    expect(await part(out, 'xl/_rels/workbook.xml.rels')).toMatch(/relationships\/styles" Target="styles.xml"/);
    expect(await part(out, '[Content_Types].xml')).toContain('/xl/styles.xml');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ArrayBuffer);
    const b1 = back.getWorksheet('s')!.getCell('B1');
    expect([b1.formula, b1.result, b1.numFmt]).toEqual(['A1/2', 0.5, '0.00%']);
  });

  it('keeps "$" in formulas and print areas as written (no replacement patterns)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    for (let r = 1; r <= 3; r++) ws.getCell(r, 1).value = r;
    ws.fillFormula('B1:B3', 'A1*$A$1', [1, 2, 3]);
    ws.pageSetup.printArea = 'A1:B3';
    const book = await WorkbookPackage.open(await bytesOf(wb));
    const edit = emptyPlan('表');
    edit.writes.push({ row: 1, col: 2, inputs: [['=A1+$A$1']], before: [['=A1*$A$1']], purpose: 'value' });
    await book.applyPlans([edit, { ...emptyPlan('表（2022年）'), createSheet: true, copyFrom: '表', createAfter: '表' }]);
    const out = await book.save();
    const [s] = await (await WorkbookPackage.open(out)).readSnapshots('表');
    expect(s.formulas.map((r) => r[1])).toEqual(['=A1+$A$1', '=A2*$A$1', '=A3*$A$1']);
    // The copy's print area: the source's, as exceljs wrote it ($A1:$B3), on the copy.
    expect((await part(out, 'xl/workbook.xml'))!.replace(/&apos;/g, "'")).toContain("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">'表（2022年）'!$A1:$B3</definedName>");
  });

  it('stores the results the plan gives as the formulas\' cached values (a text result as t="str")', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').getCell('A1').value = 0;
    const book = await WorkbookPackage.open(await bytesOf(wb));
    const plan = emptyPlan('s');
    plan.writes.push({ row: 1, col: 2, inputs: [['=IFERROR(1/A1,"--")'], ['=A1']], results: [['--'], [0]], before: [[null], [null]], purpose: 'rate' });
    await book.applyPlans([plan]);
    const xml = (await part(await book.save(), 'xl/worksheets/sheet1.xml'))!;
    expect(xml).toContain('<c r="B1" t="str"><f>IFERROR(1/A1,&quot;--&quot;)</f><v>--</v></c>');
    expect(xml).toContain('<c r="B2"><f>A1</f><v>0</v></c>');
  });

  it('reads snapshots again after applying: changed sheets as they are now, the others as they were', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = 1;
    wb.addWorksheet('b').getCell('A1').value = 2;
    const book = await WorkbookPackage.open(await bytesOf(wb));
    await book.readSnapshots();
    const plan = emptyPlan('a');
    plan.writes.push({ row: 1, col: 2, inputs: [['=A1*3']], results: [[3]], before: [[null]], purpose: 'value' });
    await book.applyPlans([plan]);
    const [a, b] = await book.readSnapshots();
    expect([a.values[0], a.formulas[0]]).toEqual([[1, 3], [null, '=A1*3']]);
    expect(b.values).toEqual([[2]]);
  });
});
