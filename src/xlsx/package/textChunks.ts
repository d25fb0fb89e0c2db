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

export class TextParts {
  private parts: string[] = [];
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

/** Text pieces of any size regrouped into chunks of about BATCH characters (a long slice: of at most CHUNK). */
export function* rechunk(pieces: Iterable<string>): Generator<string> {
  const out = new TextParts();
  for (const piece of pieces) {
    if (piece.length >= BATCH) {
      if (out.size > 0) yield out.take();
      for (let i = 0; i < piece.length; ) {
        let cut = Math.min(i + CHUNK, piece.length);
        // Never between the two halves of a surrogate pair (a character outside the BMP): each chunk is encoded alone.
        const last = piece.charCodeAt(cut - 1);
        if (cut < piece.length && last >= 0xd800 && last <= 0xdbff) cut--;
        yield piece.slice(i, cut);
        i = cut;
      }
      continue;
    }
    out.push(piece);
    if (out.size >= BATCH) yield out.take();
  }
  if (out.size > 0) yield out.take();
}

/** Every chunk joined: the whole text, when a caller needs it as one string. */
export function joinChunks(chunks: Iterable<string>): string {
  const all: string[] = [];
  for (const c of chunks) all.push(c);
  return all.join('');
}
