/**
 * A changed sheet's text is not held between reading and saving: the package reads it once (as it is inflated, to
 * index it), lets it go, and inflates it again as it writes the sheet, copying the untouched rows through a moving
 * window. The written text is exactly the text with the plan's changes, with and without a codec; the part is
 * inflated exactly twice, both times in pieces (never whole); the memory a package holds after applying a plan is
 * far below the sheet's text.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { WorkbookPackage } from '../../src/xlsx';
import type { RawCodec } from '../../src/xlsx/package';
import { nodeCodec } from '../../src/xlsx/nodeCodec';
import { CHUNK } from '../../src/xlsx/package/textChunks';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A one-sheet package around `sheetXml`, written by hand: no library decides how its rows look. */
async function onePackage(sheetXml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `${DECL}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="big" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `${DECL}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Rows of about 200 characters (row attributes, a number, an inline text in Chinese with a character outside the
 * BMP, white space between rows as some writers put it): `rows` of them make a text far bigger than its index.
 */
function bigSheet(rows: number): string {
  const out: string[] = [`${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B${rows}"/><sheetData>`];
  for (let r = 1; r <= rows; r++)
    out.push(`\n<row r="${r}" spans="1:2" ht="20.25" customHeight="1"><c r="A${r}"><v>${r * 1.5}</v></c><c r="B${r}" t="inlineStr"><is><t>项目 ${r} 😀 ${'说明'.repeat(40)}</t></is></c></row>`);
  out.push('\n</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return out.join('');
}

/** Column C of rows 2–4 (a small write), and of the last row (after a run of rows far longer than a chunk). */
function sparsePlan(rows: number): Plan {
  const plan = emptyPlan('big');
  plan.writes.push({ row: 2, col: 3, inputs: [['=A2*2'], ['=A3*2'], ['=A4*2']], results: [[6], [9], [12]], before: [[null], [null], [null]], purpose: 'rate' });
  plan.writes.push({ row: rows, col: 3, inputs: [['end']], before: [[null]], purpose: 'value' });
  return plan;
}

/** The sheet's text with what sparsePlan writes, made by string edits of the original text. */
function expectedText(xml: string, rows: number): string {
  const cell = (r: number, inner: string) => (text: string) => text.replace(new RegExp(`(<row r="${r}" )spans="1:2" ([^>]*>.*?)</row>`), `$1$2${inner}</row>`);
  let out = xml;
  out = cell(2, '<c r="C2"><f t="shared" ref="C2:C4" si="0">A2*2</f><v>6</v></c>')(out);
  out = cell(3, '<c r="C3"><f t="shared" si="0"/><v>9</v></c>')(out);
  out = cell(4, '<c r="C4"><f t="shared" si="0"/><v>12</v></c>')(out);
  out = cell(rows, `<c r="C${rows}" t="inlineStr"><is><t>end</t></is></c>`)(out);
  return out.replace(`<dimension ref="A1:B${rows}"/>`, `<dimension ref="A1:C${rows}"/>`);
}

async function writtenSheet(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
}

/** Node's codec, counting how often a part of `size` compressed bytes is inflated, whole and streamed. */
function countingCodec(size: number): { codec: RawCodec; whole: number; streamed: number } {
  const counts = { whole: 0, streamed: 0 };
  const base = nodeCodec!;
  const codec: RawCodec = {
    ...base,
    inflateRaw(data) {
      if (data.length === size) counts.whole++;
      return base.inflateRaw(data);
    },
    inflater(data) {
      if (data.length === size) counts.streamed++;
      return base.inflater(data);
    },
  };
  return Object.assign(counts, { codec });
}

const ROWS = 14_000;

describe('a changed sheet is inflated again as it is written', () => {
  it('writes the original text with exactly the plan\'s changes, with and without a codec, reading the part twice', async () => {
    const xml = bigSheet(ROWS);
    expect(xml.length).toBeGreaterThan(2 * CHUNK);
    const input = await onePackage(xml);
    const entries = await new ZipReader(new Uint8ArrayReader(input)).getEntries();
    const counting = countingCodec(entries.find((e) => e.filename === 'xl/worksheets/sheet1.xml')!.compressedSize);
    const outputs: string[] = [];
    for (const codec of [counting.codec, undefined]) {
      const book = await WorkbookPackage.open(input, { codec });
      await book.readSnapshots();
      await book.applyPlans([sparsePlan(ROWS)]);
      outputs.push(await writtenSheet(await book.save()));
    }
    expect(counting.whole).toBe(0);
    expect(counting.streamed).toBe(2);
    expect(outputs[0]).toBe(expectedText(xml, ROWS));
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('saved twice, or read again after a plan, it is still the same text', async () => {
    const xml = bigSheet(3_000);
    const book = await WorkbookPackage.open(await onePackage(xml), { codec: nodeCodec });
    await book.applyPlans([sparsePlan(3_000)]);
    const first = await writtenSheet(await book.save());
    expect(await writtenSheet(await book.save())).toBe(first);
    const [snap] = await book.readSnapshots();
    expect(snap.formulas[3][2]).toBe('=A4*2');
    expect(snap.values[2999][2]).toBe('end');
    expect(await writtenSheet(await book.save())).toBe(expectedText(xml, 3_000));
  });
});

/** Live memory (heap and buffers, after full collections), in bytes. */
function liveBytes(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('memory between reading and saving', () => {
  it('holds far less than the sheet\'s text once a plan is applied (the text is not kept)', async () => {
    const rows = 40_000;
    const xml = bigSheet(rows);
    // Bytes, as the text is encoded (the Chinese makes it a two-byte string in memory: twice as big again).
    const textBytes = new TextEncoder().encode(xml).length;
    const input = await onePackage(xml);
    const before = liveBytes();
    const book = await WorkbookPackage.open(input, { codec: nodeCodec });
    // The snapshots are not kept (the engine's grids are let go when the plan is applied).
    expect((await book.readSnapshots())[0].values.length).toBe(rows);
    await book.applyPlans([sparsePlan(rows)]);
    const held = liveBytes() - before;
    // The index (about 40 bytes a row here) and the sheet's other elements: about 2 MB of the text's 16 (held: 21).
    expect(held).toBeLessThan(textBytes / 4);
    expect((await writtenSheet(await book.save())).length).toBe(expectedText(xml, rows).length);
  });

  it('holds far less than the text of a copy of the sheet either (next year\'s copy reads its rows from the original)', async () => {
    const rows = 40_000;
    const xml = bigSheet(rows);
    const textBytes = new TextEncoder().encode(xml).length;
    const input = await onePackage(xml.replace('<dimension', '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><dimension'));
    const before = liveBytes();
    const book = await WorkbookPackage.open(input, { codec: nodeCodec });
    expect((await book.readSnapshots())[0].values.length).toBe(rows);
    const copy = { ...sparsePlan(rows), sheet: 'copy', copyFrom: 'big', createAfter: 'big' };
    await book.applyPlans([copy]);
    // Two indexes (the original's and the copy's): about 4 MB of the text's 16 (the copy's text held: 22).
    expect(liveBytes() - before).toBeLessThan(textBytes / 3);
    const out = await JSZip.loadAsync(await book.save());
    const copied = await out.file('xl/worksheets/sheet2.xml')!.async('string');
    // The copy is the original with the plan's cells, never the selected tab.
    expect(copied).toBe(expectedText(xml, rows).replace('<dimension', '<sheetViews><sheetView workbookViewId="0"/></sheetViews><dimension'));
  });
});

describe('cells rewritten from their own text as the sheet is written', () => {
  it('a shared formula cut from its master, then given two looks, keeps its formula and gets both', async () => {
    const rows = [1, 2, 3].map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="C${r}">${r === 1 ? '<f t="shared" ref="C1:C3" si="0">A1*2</f>' : '<f t="shared" si="0"/>'}<v>${r * 2}</v></c></row>`);
    const book = await WorkbookPackage.open(await onePackage(`${DECL}<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`), { codec: nodeCodec });
    const plan = emptyPlan('big');
    plan.writes.push({ row: 1, col: 3, inputs: [[5]], before: [[2]], purpose: 'value' });
    plan.looks = [
      { rect: { top: 2, left: 3, bottom: 3, right: 3 }, bold: true },
      { rect: { top: 3, left: 3, bottom: 3, right: 3 }, fill: '#FFFF00' },
    ];
    await book.applyPlans([plan]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await book.save()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('big')!;
    expect(ws.getCell('C1').value).toBe(5);
    expect([ws.getCell('C2').formula, ws.getCell('C3').formula]).toEqual(['A2*2', 'A3*2']);
    expect([ws.getCell('C2').font?.bold, ws.getCell('C3').font?.bold]).toEqual([true, true]);
    expect((ws.getCell('C3').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFFF00');
    expect((ws.getCell('C2').fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb).toBeUndefined();
  });
});
