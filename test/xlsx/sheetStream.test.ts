/**
 * A worksheet part read as it is inflated (readSheetStream): whatever the pieces it comes in, and wherever they cut
 * a tag name, an attribute value, an entity or a text, it reads exactly what the whole text reads (the same
 * index, values, formulas, formats, merges and rules; the same text kept around the rows), and it never holds more
 * than the few pieces the tokenizer is in plus the text outside the rows.
 */
import { describe, expect, it } from 'vitest';
import { readSheetStream, readSheetXml, type ReadContext } from '../../src/xlsx/package/sheetRead';
import { PieceText } from '../../src/xlsx/package/tagStream';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const ctx: ReadContext = { sharedStrings: ['共享一', 'shared & two'], formats: ['General', '0.00%', 'yyyy-mm-dd'], ruleStyle: (id) => ({ fill: `#00000${id}` }) };

/** A sheet with what a reader can trip on when it is cut anywhere: prefixes, entities, inline strings with phonetics, astral characters, comments, CDATA. */
function trickySheet(rows: number): string {
  const out = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${MAIN}" xmlns:r="r"><!-- made by hand --><x:dimension ref="A1:D${rows}"/>`,
    '<x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews><x:sheetData>',
  ];
  for (let r = 1; r <= rows; r++) {
    out.push(
      `<x:row r="${r}" spans="1:4"><x:c r="A${r}" s="1"><x:v>${r / 8}</x:v></x:c>`,
      `<x:c r="B${r}" t="s"><x:v>${r % 2}</x:v></x:c>`,
      r === 1 ? '<x:c r="C1"><x:f t="shared" ref="C1:C9" si="0">A1*2&amp;"&lt;元&gt;"</x:f><x:v>0</x:v></x:c>' : r < 10 ? `<x:c r="C${r}"><x:f t="shared" si="0"/><x:v>0</x:v></x:c>` : `<x:c r="C${r}" t="str"><x:f>A${r}&amp;"😀"</x:f><x:v>${r}😀</x:v></x:c>`,
      `<x:c r="D${r}" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">项目 &#x1F600; ${r} &quot;甲&quot; </x:t></x:r><x:rPh sb="0" eb="1"><x:t>こう</x:t></x:rPh></x:is></x:c></x:row>`,
    );
  }
  out.push(
    '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="E1:F2"/></x:mergeCells>',
    '<x:conditionalFormatting sqref="A1:A9 C1:C3"><x:cfRule type="expression" dxfId="2" priority="1"><x:formula><![CDATA[$A1>0.5]]></x:formula></x:cfRule></x:conditionalFormatting>',
    '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><x:legacyDrawing r:id="rId&amp;1"/></x:worksheet>',
  );
  return out.join('');
}

/** The text in pieces of `size` characters (a surrogate pair may be cut: the tokenizer sees characters, not code points). */
async function* piecesOf(text: string, size: number, seen?: () => void): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) {
    seen?.();
    yield text.slice(i, i + size);
  }
}

describe('a sheet read as it streams', () => {
  it('reads what the whole text reads, wherever the pieces are cut', async () => {
    const xml = trickySheet(40);
    const whole = readSheetXml(xml, ctx);
    const ix = whole.index;
    // Checks the sheet itself: every kind of content was read.
    expect(whole.values.value(0, 3)).toBe('项目 😀 1 "甲" ');
    expect(whole.formulas[2][2]).toBe('=A3*2&"<元>"');
    expect(whole.conditionalFormats).toEqual([{ ranges: ['A1:A9', 'C1:C3'], formula: '=$A1>0.5', style: { fill: '#000002' } }]);
    expect(ix.legacyDrawingRid).toBe('rId&1');
    for (const size of [1, 2, 3, 7, 13, 64, 1000, xml.length]) {
      const streamed = (await readSheetStream(piecesOf(xml, size), ctx))!;
      expect(streamed.read, `pieces of ${size}`).toEqual(whole);
      expect(streamed.head).toBe(xml.slice(0, ix.dataOpenEnd));
      expect(streamed.tailFrom).toBe(ix.dataCloseStart);
      expect(streamed.tail).toBe(xml.slice(ix.dataCloseStart));
    }
  });

  it('keeps the whole text when there are no rows, and the text around an empty sheetData', async () => {
    for (const xml of [`<worksheet xmlns="${MAIN}"><dimension ref="A1"/></worksheet>`, `<worksheet xmlns="${MAIN}"><sheetData/><pageMargins left="1"/></worksheet>`]) {
      const ix = readSheetXml(xml, ctx).index;
      const from = ix.sheetData < 0 ? xml.length : ix.dataOpenEnd;
      const to = ix.sheetData < 0 ? xml.length : ix.dataCloseStart;
      const streamed = (await readSheetStream(piecesOf(xml, 5), ctx))!;
      expect([streamed.head, streamed.tailFrom, streamed.tail]).toEqual([xml.slice(0, from), to, xml.slice(to)]);
    }
  });

  it('gives up (null: read it whole) on a second sheetData, whose text before was let go', async () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"/></sheetData><sheetData><row r="2"/></sheetData></worksheet>`;
    expect(await readSheetStream(piecesOf(xml, 4), ctx)).toBeNull();
  });

  it('never holds the whole text: only the pieces the tokenizer is in, and the text outside the rows', async () => {
    const xml = trickySheet(20_000);
    const piece = 1 << 16;
    expect(xml.length).toBeGreaterThan(60 * piece);
    const text = new PieceText();
    let most = 0;
    const streamed = (await readSheetStream(piecesOf(xml, piece, () => (most = Math.max(most, text.held))), ctx, text))!;
    // The piece being read and the one before it (a tag may start there); never the 60 and more the text has.
    expect(most).toBeLessThanOrEqual(2 * piece);
    expect(streamed.read.index.rowNum.length).toBe(20_000);
    expect(streamed.read.values.value(19_999, 3)).toBe('项目 😀 20000 "甲" ');
  });
});
