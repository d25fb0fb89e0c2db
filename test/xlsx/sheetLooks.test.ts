/**
 * Plan.looks and Plan.pageSetup in the .xlsx package writer, through the command line on the 荔湾 2021 sample:
 * `indicators` builds 绩效指标完成情况 (title, shaded bold wrapped bordered header, bordered wrapped rows, landscape,
 * one page wide, header row repeated); `monitor` builds 绩效运行监控 (title, two shaded headers, bordered rows, landscape, one
 * page wide). Read back with exceljs; a re-run on the output
 * appends no style twice; LibreOffice opens the outputs (one soffice call for both).
 *
 * Without soffice the LibreOffice check is skipped (under CI=true that is a failure, as in secondOpinion.test.ts).
 */
import { mkdirSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runMain';
import { bytes, CliFiles, LIWAN, readBook } from '../cli/workbookFiles';
import { findSoffice, recalculateWithLibreOffice } from '../libreoffice/soffice';

const files = new CliFiles('xlsx-looks-');
afterAll(() => files.remove());
const soffice = findSoffice();

async function run(command: string, input: string, output: string, ...extra: string[]): Promise<void> {
  const r = await runCli([command, input, '-o', output, '--json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

/** How many fonts, fills, borders and cell formats styles.xml holds. */
async function styleCounts(file: string): Promise<Record<string, number>> {
  const zip = await JSZip.loadAsync(bytes(file));
  const xml = await zip.file('xl/styles.xml')!.async('string');
  const count = (name: string) => Number(new RegExp(`<${name} count="(\\d+)"`).exec(xml)?.[1] ?? 0);
  return { fonts: count('fonts'), fills: count('fills'), borders: count('borders'), cellXfs: count('cellXfs') };
}

async function part(file: string, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes(file))).file(name)!.async('string');
}

let input: string;
const out = { indicators: '', monitor: '', again: '' };

beforeAll(async () => {
  input = files.sample(LIWAN);
  out.indicators = files.path('liwan.indicators.xlsx');
  out.monitor = files.path('liwan.monitor.xlsx');
  out.again = files.path('liwan.indicators.again.xlsx');
  await run('indicators', input, out.indicators);
  await run('monitor', input, out.monitor, '--as-of-month', '6');
  await run('indicators', out.indicators, out.again);
});

describe('indicators: 绩效指标完成情况 as a finance office prints it', () => {
  it('a bold, shaded, wrapped, bordered header; bordered, wrapped rows; a bold title', async () => {
    const ws = (await readBook(out.indicators)).getWorksheet('绩效指标完成情况')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
    for (const ref of ['A2', 'D2']) {
      const c = ws.getCell(ref);
      expect(c.font?.bold, ref).toBe(true);
      expect(c.fill, ref).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
      expect(c.alignment, ref).toMatchObject({ wrapText: true, vertical: 'middle', horizontal: 'center' });
      for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(c.border?.[side]?.style, `${ref} ${side}`).toBe('thin');
    }
    const row = ws.getCell('C3');
    expect(row.alignment?.wrapText).toBe(true);
    expect(row.border?.bottom?.style).toBe('thin');
    expect(row.font?.bold ?? false).toBe(false);
    expect(row.fill?.type === 'pattern' && row.fill.pattern === 'solid').toBe(false);
  });

  it('landscape, one page wide, fitted; the header row on every page', async () => {
    const wb = await readBook(out.indicators);
    const ws = wb.getWorksheet('绩效指标完成情况')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    const workbook = await part(out.indicators, 'xl/workbook.xml');
    const tab = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]).indexOf('绩效指标完成情况');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${tab}">'绩效指标完成情况'!$2:$2</definedName>`);
    // CT_Worksheet's order: sheetPr first, pageSetup right after pageMargins (Excel refuses the file otherwise).
    const zip = await JSZip.loadAsync(bytes(out.indicators));
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const built = sheets.filter((x) => x.includes('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'));
    expect(built).toHaveLength(1);
    expect(built[0]).toMatch(/<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /);
    expect(built[0]).toMatch(/<pageMargins [^>]*\/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
  });

  it('a re-run on its own output appends no style twice', async () => {
    expect(await styleCounts(out.again)).toEqual(await styleCounts(out.indicators));
    const workbook = await part(out.again, 'xl/workbook.xml');
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
  });
});

describe('monitor: 绩效运行监控 as a finance office prints it', () => {
  it('a bold centred title; each block’s header bold, shaded, wrapped, bordered; bordered, wrapped rows', async () => {
    const ws = (await readBook(out.monitor)).getWorksheet('绩效运行监控')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
    const headers = [14, ws.getColumn(2).values.findIndex((v) => v === '指标名称')];
    expect(headers[1]).toBeGreaterThan(15);
    for (const row of headers) {
      const c = ws.getCell(row, 4);
      expect(c.font?.bold, `row ${row}`).toBe(true);
      expect(c.fill, `row ${row}`).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
      expect(c.border?.left?.style, `row ${row}`).toBe('thin');
      const below = ws.getCell(row + 1, 2);
      expect(below.alignment?.wrapText, `row ${row + 1}`).toBe(true);
      expect(below.border?.bottom?.style, `row ${row + 1}`).toBe('thin');
      expect(below.font?.bold ?? false).toBe(false);
    }
    expect(ws.getCell('B2').border?.right?.style).toBe('thin');
    expect(ws.getCell('C2').alignment?.wrapText ?? false).toBe(false); // the explanation runs on to the right
  });

  it('landscape, one page wide; no repeated header (two blocks, two headers)', async () => {
    const ws = (await readBook(out.monitor)).getWorksheet('绩效运行监控')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(await part(out.monitor, 'xl/workbook.xml')).not.toContain('_xlnm.Print_Titles');
  });
});

describe.skipIf(soffice === null)('LibreOffice opens the outputs', () => {
  it('converts both (one soffice call)', async () => {
    const dir = files.path('lo');
    mkdirSync(dir);
    const converted = await recalculateWithLibreOffice(soffice!, [out.indicators, out.monitor], dir);
    for (const file of converted) expect((await readBook(file)).worksheets.length).toBeGreaterThan(1);
    const ws = (await readBook(converted[0])).getWorksheet('绩效指标完成情况')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    expect(ws.getCell('A2').border?.top?.style).toBe('thin');
    expect(ws.getCell('A2').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
  }, 120_000);
});
