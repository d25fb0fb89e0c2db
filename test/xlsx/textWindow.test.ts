/**
 * The pieces that let a sheet be written without holding its text: the moving window over text that arrives in
 * pieces, the stretch that streams a long run through it (cut exactly where the whole text would have been cut,
 * so the deflated bytes stay the same), a part's bytes decoded piece by piece, and the narrow index arrays.
 */
import { describe, expect, it } from 'vitest';
import { decodePieces } from '../../src/xlsx/package/partText';
import { cellEnd, cellStart, rowEnd } from '../../src/xlsx/package/sheetIndex';
import { readSheetXml } from '../../src/xlsx/package/sheetRead';
import { BATCH, CHUNK, FinalChunk, rechunk, Stretch, type TextPiece } from '../../src/xlsx/package/textChunks';
import { TextWindow } from '../../src/xlsx/package/textWindow';

/** A repeatable pseudo-random sequence (no flaky tests). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

/** `text` in pieces of random sizes (some empty, some one character). */
async function* inPieces(text: string, rnd: () => number, max: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; ) {
    const n = Math.floor(rnd() * max);
    yield text.slice(i, i + n);
    i += n;
  }
}

/** Text with characters outside the BMP, one of them across the first CHUNK boundary of a stretch starting at 0. */
function sampleText(length: number): string {
  const base = Array.from({ length: 4000 }, (_, i) => `<row r="${i}">项目${i}😀</row>`).join('');
  let text = '';
  while (text.length < length) text += base;
  return `${'a'.repeat(CHUNK - 1)}😀${text.slice(0, length)}`;
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('the moving window', () => {
  it('reads forward what the whole text holds, and lets go of what lies behind', async () => {
    const text = sampleText(300_000);
    const rnd = random(7);
    const w = new TextWindow(inPieces(text, rnd, 5000));
    let at = 0;
    while (at < text.length - 10) {
      const to = Math.min(text.length, at + 1 + Math.floor(rnd() * 3000));
      const wait = w.need(to, at);
      if (wait) await wait;
      expect(w.slice(at, to)).toBe(text.slice(at, to));
      expect(w.charCodeAt(at)).toBe(text.charCodeAt(at));
      at = to;
    }
    expect(() => w.slice(0, 10)).toThrow(/not in the window/);
  });

  it('streams a long run in pieces and goes on after it', async () => {
    const text = sampleText(2 * CHUNK);
    const w = new TextWindow(inPieces(text, random(3), 100_000));
    expect((await all(w.stream(5, CHUNK + 77))).join('')).toBe(text.slice(5, CHUNK + 77));
    const wait = w.need(CHUNK + 200, CHUNK + 77);
    if (wait) await wait;
    expect(w.slice(CHUNK + 77, CHUNK + 200)).toBe(text.slice(CHUNK + 77, CHUNK + 200));
  });
});

/**
 * A writer's stretches, made twice: whole (each stretch one string, as when the text was held) and through a
 * window (long runs streamed). rechunk must give the same chunks of both: the same deflated bytes.
 */
describe('a stretch with a long run', () => {
  it('is cut where the whole stretch would be cut', async () => {
    const text = sampleText(3 * CHUNK);
    type Step = ['push', string] | ['copy', number, number] | ['end'];
    const steps: Step[] = [];
    const rnd = random(11);
    for (let at = 0; at < text.length - 10; ) {
      const kind = rnd();
      if (kind < 0.3) steps.push(['push', `<c r="X${at}">新${at}</c>`]);
      else if (kind < 0.4) steps.push(['end']);
      else {
        // Mostly short runs; some longer than BATCH, some longer than CHUNK.
        const long = rnd();
        const n = long < 0.05 ? CHUNK + Math.floor(rnd() * CHUNK) : long < 0.15 ? BATCH + Math.floor(rnd() * BATCH) : Math.floor(rnd() * 500);
        const to = Math.min(text.length, at + n);
        steps.push(['copy', at, to]);
        at = to;
      }
    }
    steps.push(['end']);
    expect(steps.filter((s) => s[0] === 'copy' && s[2] - s[1] >= CHUNK).length).toBeGreaterThan(0);

    const whole: string[] = [];
    let current = '';
    for (const s of steps) {
      if (s[0] === 'push') current += s[1];
      else if (s[0] === 'copy') current += text.slice(s[1], s[2]);
      else {
        whole.push(current);
        current = '';
      }
    }
    async function* streamed(): AsyncGenerator<TextPiece> {
      const w = new TextWindow(inPieces(text, random(5), 70_000));
      const out = new Stretch();
      for (const s of steps) {
        if (s[0] === 'push') out.push(s[1]);
        else if (s[0] === 'copy') yield* out.copy(w, s[1], s[2]);
        else yield* out.end();
      }
    }
    const pieces = await all(streamed());
    expect(pieces.some((p) => p instanceof FinalChunk)).toBe(true);
    const expected = await all(rechunk(whole));
    const actual = await all(rechunk(pieces));
    expect(actual.map((c) => c.length)).toEqual(expected.map((c) => c.length));
    expect(actual).toEqual(expected);
  });
});

describe('a part decoded piece by piece', () => {
  const encode = (s: string) => new TextEncoder().encode(s);
  async function* bytesIn(b: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
  }

  it('is the text decoded whole, whatever the pieces cut (a character in two, a byte order mark in two)', async () => {
    const text = `<?xml version="1.0"?><a>中文 😀 \uFEFF inside é</a>`;
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]);
    for (const size of [1, 2, 3, 5, 7, 1000]) expect((await all(decodePieces(bytesIn(bytes, size)))).join('')).toBe(text);
  });

  it('reads UTF-16 parts by their byte order mark, and a part cut short in a character as the whole decoder does', async () => {
    const text = '<a>中文 😀</a>';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].flatMap((c) => [...Array.from({ length: c.length }, (_, i) => c.charCodeAt(i))])).buffer)]);
    expect((await all(decodePieces(bytesIn(utf16, 3)))).join('')).toBe(text);
    const cut = encode('ab中').subarray(0, 4);
    expect((await all(decodePieces(bytesIn(cut, 1)))).join('')).toBe(new TextDecoder().decode(cut));
  });
});

describe('the sheet index', () => {
  it('widens an array when a value does not fit: a cell longer than 65,535 characters, a style past 32,767', () => {
    const long = `${'&amp;'.repeat(20_000)}`;
    const xml = `<worksheet><sheetData><row r="1"><c r="A1" s="40000" t="inlineStr"><is><t>${long}</t></is></c><c r="B1" s="2"><v>1</v></c><c r="C1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData></worksheet>`;
    const read = readSheetXml(xml, { sharedStrings: [], formats: [] });
    const ix = read.index;
    expect(ix.cellLength).toBeInstanceOf(Int32Array);
    expect(ix.cellOffset).toBeInstanceOf(Int32Array);
    expect(ix.rowLength).toBeInstanceOf(Int32Array);
    expect(ix.cellStyle).toBeInstanceOf(Int32Array);
    expect(ix.cellCol).toBeInstanceOf(Uint8Array);
    expect([...ix.cellStyle]).toEqual([40000, 2, -1, -1]);
    const cells = [0, 1, 2].map((k) => xml.slice(cellStart(ix, 0, k), cellEnd(ix, 0, k)));
    expect(cells[0]).toBe(`<c r="A1" s="40000" t="inlineStr"><is><t>${long}</t></is></c>`);
    expect(cells.slice(1)).toEqual(['<c r="B1" s="2"><v>1</v></c>', '<c r="C1"><v>2</v></c>']);
    expect(xml.slice(ix.rowStart[1], rowEnd(ix, 1))).toBe('<row r="2"><c r="A2"><v>3</v></c></row>');
    expect(read.values.value(0, 0)).toBe('&'.repeat(20_000));
  });

  it('keeps 8-bit arrays on a small sheet, and moves up one step at a time', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>';
    const ix = readSheetXml(xml, { sharedStrings: [], formats: [] }).index;
    expect([ix.cellCol, ix.cellOffset, ix.cellLength, ix.rowLength].every((a) => a instanceof Uint8Array)).toBe(true);
    expect(ix.cellStyle).toBeInstanceOf(Int8Array);
    expect([...ix.cellStyle]).toEqual([3, -1]);
    const wide = readSheetXml(xml.replace('s="3"', 's="300"').replace('r="B1"', 'r="IV1"'), { sharedStrings: [], formats: [] }).index;
    expect(wide.cellStyle).toBeInstanceOf(Int16Array);
    expect([...wide.cellStyle]).toEqual([300, -1]);
    expect(wide.cellCol).toBeInstanceOf(Uint16Array);
    expect([...wide.cellCol]).toEqual([1, 256]);
  });
});
