/**
 * A big part's text produced in pieces and handed on in chunks of about CHUNK characters, so that a rewritten
 * 100,000-row sheet never exists as one string: each chunk is encoded and deflated, then let go.
 */

/**
 * Pieces are joined into chunks of about 64 K characters: the pieces of the chunk being made are alive until it
 * is joined, and every young-generation collection copies them (with 1 M-character chunks those copies took
 * half a second of a 100,000-row save). An untouched stretch of the original text is passed on in slices of
 * at most CHUNK characters.
 */
export const BATCH = 1 << 16;
export const CHUNK = 1 << 20;

/**
 * A chunk already cut to its final size: a slice of a long stretch that was cut while it streamed through (see
 * Stretch), never regrouped with its neighbours.
 */
export class FinalChunk {
  constructor(readonly text: string) {}
}

/** What a part's producer yields: pieces to regroup, or chunks already cut. */
export type TextPiece = string | FinalChunk;
export type TextPieces = Iterable<TextPiece> | AsyncIterable<TextPiece>;

export class TextParts {
  protected parts: string[] = [];
  /** Characters collected since the last take(). */
  size = 0;

  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  /** The text collected so far, as one string; the collector starts empty again. */
  take(): string {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.size = 0;
    return s;
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Where the next chunk of `text` (from `i`) ends: CHUNK characters on, never between the halves of a surrogate pair. */
function cutAt(text: string, i: number): number {
  let cut = Math.min(i + CHUNK, text.length);
  // A character outside the BMP stays whole: each chunk is encoded alone.
  if (cut < text.length && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return cut;
}

/** A long piece in slices of at most CHUNK characters. */
export function* sliced(piece: string): Generator<string> {
  for (let i = 0; i < piece.length; ) {
    const cut = cutAt(piece, i);
    yield piece.slice(i, cut);
    i = cut;
  }
}

/** Text pieces of any size regrouped into chunks of about BATCH characters (a long slice: of at most CHUNK). */
export async function* rechunk(pieces: TextPieces): AsyncGenerator<string> {
  const out = new TextParts();
  for await (const piece of pieces) {
    if (piece instanceof FinalChunk) {
      if (out.size > 0) yield out.take();
      yield piece.text;
      continue;
    }
    if (piece.length >= BATCH) {
      if (out.size > 0) yield out.take();
      yield* sliced(piece);
      continue;
    }
    out.push(piece);
    if (out.size >= BATCH) yield out.take();
  }
  if (out.size > 0) yield out.take();
}

/** Every chunk joined: the whole text, when a caller needs it as one string. */
export async function joinChunks(chunks: TextPieces): Promise<string> {
  const all: string[] = [];
  for await (const c of chunks) all.push(c instanceof FinalChunk ? c.text : c);
  return all.join('');
}

/**
 * One stretch of a rewritten part (what its writer yields at once), collected from small pieces and from runs of
 * the original text read through a TextWindow. A stretch without a long run is yielded whole, as before; a long
 * run (BATCH characters or more) is never held whole: the stretch is then cut into final chunks as it streams
 * through, exactly where rechunk would cut the whole stretch (so the deflated bytes do not change).
 */
export class Stretch extends TextParts {
  private streaming = false;

  /** Characters [from, to) of the window's text, streamed when the run is long. */
  async *copy(window: TextWindowLike, from: number, to: number): AsyncGenerator<FinalChunk> {
    if (to - from < BATCH) {
      const wait = window.need(to, from);
      if (wait) await wait;
      this.push(window.slice(from, to));
      return;
    }
    this.streaming = true;
    for await (const piece of window.stream(from, to)) {
      this.push(piece);
      while (this.size > CHUNK) {
        const s = super.take();
        const cut = cutAt(s, 0);
        yield new FinalChunk(s.slice(0, cut));
        this.push(s.slice(cut));
      }
    }
  }

  /** The stretch so far: one piece, or (after a long run) its last final chunks. */
  *end(): Generator<TextPiece> {
    const s = super.take();
    if (!this.streaming) {
      yield s;
      return;
    }
    this.streaming = false;
    for (const c of sliced(s)) yield new FinalChunk(c);
  }
}

/** What a Stretch reads runs from (textWindow.ts). */
export interface TextWindowLike {
  need(to: number, keepFrom: number): Promise<void> | undefined;
  slice(from: number, to: number): string;
  stream(from: number, to: number): AsyncIterable<string>;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. A JavaScript engine may make a slice of a
 * long string (and a string joined from such a slice) a view into it: one formula kept from a 25 MB sheet would
 * keep the whole sheet's text. Short strings are copied anyway; a longer one is joined to a character and cut
 * again, which makes the engine copy it (V8 flattens the joined string, then slices the copy).
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}
