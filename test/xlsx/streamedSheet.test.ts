/**
 * A changed sheet is written in chunks (never one string): a sheet several chunks long comes out the same with
 * Node's codec (pigz-style parallel deflate) and without one (zip.js deflating the stream, as in the 网页版);
 * every untouched row keeps its text; a later plan on the same sheet, and a new snapshot, see the first plan's
 * writes (the text is made when read); snapshot rows shared between rows are frozen.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { WorkbookPackage } from '../../src/xlsx';
import { nodeCodec } from '../../src/xlsx/nodeCodec';
import { CHUNK } from '../../src/xlsx/package/textChunks';

const ROWS = 12_000;

/** About 1.8 chunks of sheet XML (2.7 once written): a number, a text and a long text per row. */
async function makeBigBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('big');
  ws.addRow(['amount', 'name', 'note']);
  for (let i = 1; i <= ROWS; i++) ws.addRow([i * 1.5, `project ${i}`, `${'x'.repeat(120)} ${i}`]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

let made: Promise<Uint8Array> | undefined;
/** Made once for the file's tests. */
const bigBook = () => (made ??= makeBigBook());

function ratePlan(): Plan {
  const plan = emptyPlan('big');
  // A filled-down column (a block: its XML made while the sheet streams out) and two single cells.
  plan.writes.push({ row: 2, col: 4, inputs: Array.from({ length: ROWS }, (_, r) => [`=A${r + 2}*2`]), results: Array.from({ length: ROWS }, (_, r) => [(r + 1) * 3]), before: [], purpose: 'rate' });
  plan.writes.push({ row: 1, col: 4, inputs: [['double']], before: [[null]], purpose: 'header' });
  plan.writes.push({ row: ROWS + 3, col: 1, inputs: [['total']], before: [[null]], purpose: 'value' });
  return plan;
}

async function sheetXml(bytes: Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string'))!;
}

describe('a changed sheet written in chunks', () => {
  it('is the same with and without a codec, and keeps every untouched row as it was', async () => {
    const input = await bigBook();
    const original = await sheetXml(input);
    expect(original.length).toBeGreaterThan(1.5 * CHUNK);
    const outputs: string[] = [];
    for (const codec of [nodeCodec, undefined]) {
      const book = await WorkbookPackage.open(input, { codec });
      await book.applyPlans([ratePlan()]);
      outputs.push(await sheetXml(await book.save()));
    }
    expect(outputs[1]).toBe(outputs[0]);
    const xml = outputs[0];
    expect(xml).toContain('<c r="D2"><f t="shared" ref="D2:D12001" si="0">A2*2</f><v>3</v></c>');
    expect(xml).toContain(`<c r="D${ROWS + 1}"><f t="shared" si="0"/><v>${ROWS * 3}</v></c>`);
    expect(xml).toContain(`<row r="${ROWS + 3}"><c r="A${ROWS + 3}" t="inlineStr"><is><t>total</t></is></c></row>`);
    // Each changed row is the original row with the new cell before its end tag.
    const rowsOf = (text: string) => text.match(/<row [^>]*>.*?<\/row>/g)!;
    const before = rowsOf(original);
    const after = rowsOf(xml);
    expect(after.length).toBe(before.length + 1);
    for (const i of [1, 500, 6000, ROWS]) expect(after[i].replace(/<c r="D\d+">.*?<\/c><\/row>$/, '</row>').replace(/ spans="[^"]*"/, '')).toBe(before[i].replace(/ spans="[^"]*"/, ''));
  });

  it('is made when something reads it: a second plan and a new snapshot see the first plan\'s cells', async () => {
    const book = await WorkbookPackage.open(await bigBook(), { codec: nodeCodec });
    await book.readSnapshots();
    const second = emptyPlan('big');
    second.writes.push({ row: 3, col: 5, inputs: [['=D3+1']], results: [[7]], before: [[null]], purpose: 'value' });
    await book.applyPlans([ratePlan(), second]);
    const [snap] = await book.readSnapshots();
    expect(snap.formulas[2].slice(3, 5)).toEqual(['=A3*2', '=D3+1']);
    expect(snap.values[2].slice(3, 5)).toEqual([6, 7]);
    const xml = await sheetXml(await book.save());
    expect(xml).toContain('<c r="D3"><f t="shared" si="0"/><v>6</v></c><c r="E3"><f>D3+1</f><v>7</v></c>');
  });

  it('shares one frozen row among rows without formulas or formats', async () => {
    const book = await WorkbookPackage.open(await bigBook(), { codec: nodeCodec });
    const [snap] = await book.readSnapshots();
    expect(snap.formulas[5]).toBe(snap.formulas[6]);
    expect(Object.isFrozen(snap.formulas[5])).toBe(true);
    expect(snap.numberFormats?.[5]).toEqual(['General', 'General', 'General']);
    expect(Object.isFrozen(snap.values[5])).toBe(false);
  });
});

describe("Node codec's chunked deflater", () => {
  it('gives one deflate stream of everything written, and an empty one for nothing', async () => {
    const pieces = Array.from({ length: 7 }, (_, i) => new TextEncoder().encode(`<row r="${i}">中文 ${'y'.repeat(i * 5000)}</row>`.repeat(50)));
    const d = nodeCodec!.deflater();
    for (const p of pieces) await d.write(p);
    expect(Buffer.from(inflateRawSync(await d.end())).equals(Buffer.concat(pieces))).toBe(true);
    expect(inflateRawSync(await nodeCodec!.deflater().end()).length).toBe(0);
  });
});

describe('text regrouped into chunks', () => {
  it('never cuts a character outside the BMP in two', async () => {
    const { rechunk } = await import('../../src/xlsx/package/textChunks');
    const text = `${'a'.repeat(CHUNK - 1)}😀${'b'.repeat(10)}`;
    const chunks: string[] = [];
    for await (const c of rechunk([text])) chunks.push(c);
    expect(chunks.join('')).toBe(text);
    expect(chunks.map((c) => new TextDecoder().decode(new TextEncoder().encode(c))).join('')).toBe(text);
  });
});
