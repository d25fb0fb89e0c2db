/**
 * What a new sheet changes beyond workbook.xml: docProps/app.xml lists it (TitlesOfParts, HeadingPairs' count) as
 * Excel would, and the charts a copy takes read the copy's cells. Real files of ../shared/xlsx-corpus, changed at
 * zip level only where the test needs a chart that reads its own sheet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { WorkbookPackage } from '../../src/xlsx';
import { withWorksheetTitles } from '../../src/xlsx/package/appProperties';
import { moveChartRefs, moveSheetRefs, sheetRefName } from '../../src/xlsx/package/chartRefs';
import { CORPUS_DIR } from '../fidelity/corpus';

const corpus = (file: string) => join(CORPUS_DIR, file);
const hasCorpus = existsSync(corpus('qax-os-excelize--Book1.xlsx'));

const APP = (pairs: string, titles: string[], size = titles.length) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>' +
  `<HeadingPairs><vt:vector size="4" baseType="variant">${pairs}</vt:vector></HeadingPairs>` +
  `<TitlesOfParts><vt:vector size="${size}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
  '<AppVersion>16.0300</AppVersion></Properties>';
const pair = (name: string, n: number) => `<vt:variant><vt:lpstr>${name}</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;

async function parts(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function run(bytes: Uint8Array, plans: Plan[]): Promise<JSZip> {
  const book = await WorkbookPackage.open(bytes);
  await book.readSnapshots();
  await book.applyPlans(plans);
  return parts(await book.save());
}

const created = (sheet: string, after?: string): Plan => ({ ...emptyPlan(sheet), createSheet: true, ...(after ? { createAfter: after } : {}) });

describe('docProps/app.xml lists added worksheets', () => {
  it('adds them to the worksheet group in tab order, counts them, and keeps every other byte', () => {
    const xml = APP(pair('工作表', 2) + pair('命名范围', 1), ['表1', '表2', '表1!Print_Area']);
    const out = withWorksheetTitles(xml, ['表1', '表2'], ['表1', '表1（2025年）', '表2', '绩效指标完成情况'])!;
    expect(out).toBe(
      APP(pair('工作表', 4) + pair('命名范围', 1), ['表1', '表1（2025年）', '表2', '绩效指标完成情况', '表1!Print_Area']),
    );
  });

  it('finds the worksheet group by its titles, after another group; escapes names', () => {
    const xml = APP(pair('Charts', 1) + pair('Worksheets', 1), ['Chart1', 'A&amp;B']);
    expect(withWorksheetTitles(xml, ['A&B'], ['A&B', 'A&B (2)'])).toBe(APP(pair('Charts', 1) + pair('Worksheets', 2), ['Chart1', 'A&amp;B', 'A&amp;B (2)']));
  });

  it('leaves a part of an unexpected shape alone: counts that do not add up, a stale list, no HeadingPairs', () => {
    expect(withWorksheetTitles(APP(pair('Worksheets', 3), ['a', 'b']), ['a', 'b'], ['a', 'b', 'c'])).toBeNull();
    expect(withWorksheetTitles(APP(pair('Worksheets', 2), ['a', 'old']), ['a', 'b'], ['a', 'b', 'c'])).toBeNull();
    expect(withWorksheetTitles('<Properties><Application>x</Application></Properties>', ['a'], ['a', 'b'])).toBeNull();
  });

  it.skipIf(!hasCorpus)('on real files: Excel\'s Named Ranges and Charts groups keep their entries; nothing else of app.xml changes', async () => {
    for (const [file, sheets] of [
      ['apache-poi--Tables.xlsx', 12],
      ['apache-poi--WithChartSheet.xlsx', 6],
      ['SheetJS-test_files--fn.xlsx', 1],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(corpus(file)));
      const before = await (await parts(bytes)).file('docProps/app.xml')!.async('string');
      const book = await WorkbookPackage.open(bytes);
      const first = book.sheetNames[0];
      const zip = await run(bytes, [created('绩效指标完成情况'), created(`${first}（2025年）`, first)]);
      const after = await zip.file('docProps/app.xml')!.async('string');
      const titles = [...after.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
      const oldTitles = [...before.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
      // The heading names, then the sheets: the copy right after its source, the built sheet last.
      expect(titles.filter((t) => !oldTitles.includes(t))).toEqual([`${first}（2025年）`, '绩效指标完成情况']);
      expect(titles.indexOf(`${first}（2025年）`)).toBe(titles.indexOf(first) + 1);
      expect(after).toContain(`<vt:i4>${sheets + 2}</vt:i4>`);
      const strip = (x: string) => x.replace(/<HeadingPairs>.*<\/TitlesOfParts>/s, '');
      expect(strip(after)).toBe(strip(before));
    }
  });

  it.skipIf(!hasCorpus)('stays byte for byte the same when no sheet is added', async () => {
    const bytes = new Uint8Array(readFileSync(corpus('apache-poi--Tables.xlsx')));
    const first = (await WorkbookPackage.open(bytes)).sheetNames[0];
    const plan = emptyPlan(first);
    plan.writes.push({ row: 1, col: 30, inputs: [['x']], before: [[null]], purpose: 'value' });
    const zip = await run(bytes, [plan]);
    expect(await zip.file('docProps/app.xml')!.async('string')).toBe(await (await parts(bytes)).file('docProps/app.xml')!.async('string'));
  });
});

describe('charts copied with a sheet read the copy', () => {
  it('quotes sheet names as Excel does', () => {
    expect(['表1', 'Sheet1', '2025年 表', 'A1', 'R1C1', 'Bob\'s', '表1（2025年）', 'x.y'].map(sheetRefName)).toEqual([
      '表1', 'Sheet1', "'2025年 表'", "'A1'", "'R1C1'", "'Bob''s'", "'表1（2025年）'", 'x.y',
    ]);
  });

  it('moves references to the source sheet only: not other sheets, other workbooks, 3-D ranges or text', () => {
    const from = '2024年 表';
    const to = '2025年 表';
    expect(moveSheetRefs("'2024年 表'!$B$2:$B$9", from, to)).toBe("'2025年 表'!$B$2:$B$9");
    expect(moveSheetRefs("('2024年 表'!$A$1,'2024年 表'!$A$3,Other!$A$1)", from, to)).toBe("('2025年 表'!$A$1,'2025年 表'!$A$3,Other!$A$1)");
    expect(moveSheetRefs("[1]'2024年 表'!$A$1", from, to)).toBe("[1]'2024年 表'!$A$1");
    expect(moveSheetRefs('Sheet1!A1+SHEET1!B2+Sheet1:Sheet1!C3&"Sheet1!A1"', 'Sheet1', '表1')).toBe('表1!A1+表1!B2+Sheet1:Sheet1!C3&"Sheet1!A1"');
    expect(moveChartRefs('<c:tx><c:strRef><c:f>&apos;a&amp;b&apos;!$A$1</c:f></c:strRef></c:tx><c15:sqref>a&amp;b!A1</c15:sqref>', 'a&b', 'a&b (2)')).toBe(
      "<c:tx><c:strRef><c:f>'a&amp;b (2)'!$A$1</c:f></c:strRef></c:tx><c15:sqref>a&amp;b!A1</c15:sqref>",
    );
  });

  it.skipIf(!hasCorpus)('excelize Book1: the copy\'s charts read the copy when they read their own sheet, and keep reading the other sheet otherwise', async () => {
    // Book1's charts (on Sheet1) read Sheet2. Chart 1 is made to read its own sheet, renamed "2024年 表" (quoted in refs).
    const zip = await JSZip.loadAsync(readFileSync(corpus('qax-os-excelize--Book1.xlsx')));
    zip.file('xl/workbook.xml', (await zip.file('xl/workbook.xml')!.async('string')).replace('name="Sheet1"', 'name="2024年 表"'));
    zip.file('xl/charts/chart1.xml', (await zip.file('xl/charts/chart1.xml')!.async('string')).replace(/Sheet2!/g, "'2024年 表'!"));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const source = await parts(bytes);
    const out = await run(bytes, [{ ...emptyPlan('2025年 表'), createSheet: true, copyFrom: '2024年 表', createAfter: '2024年 表' }]);
    // The originals are untouched.
    for (const name of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml']) expect(await out.file(name)!.async('string')).toBe(await source.file(name)!.async('string'));
    const newCharts = Object.keys(out.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n) && !source.file(n));
    expect(newCharts).toHaveLength(2);
    const texts = await Promise.all(newCharts.map((n) => out.file(n)!.async('string')));
    const refs = (x: string) => [...x.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    const own = texts.find((t) => t.includes('2025年'))!;
    const other = texts.find((t) => t !== own)!;
    expect(refs(own).length).toBeGreaterThan(0);
    expect(refs(own).every((r) => r.startsWith("'2025年 表'!$"))).toBe(true);
    expect(other).toBe(await source.file('xl/charts/chart2.xml')!.async('string'));
    // Only the references changed: the rest of the chart is the original's text.
    const original = await source.file('xl/charts/chart1.xml')!.async('string');
    expect(own.replace(/<c:f>[^<]*<\/c:f>/g, '')).toBe(original.replace(/<c:f>[^<]*<\/c:f>/g, ''));
  });
});
