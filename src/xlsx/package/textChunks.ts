/**
 * A big part's text produced in pieces and handed on in chunks of about CHUNK characters, so that a rewritten
 * 100,000-row sheet never exists as one string: each chunk is encoded and deflated, then let go.
 */

/** About 1 M characters: big enough that per-chunk costs vanish, small enough to stay out of the old generation. */
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

/** A generator of text pieces of any size regrouped into chunks of at most about CHUNK characters. */
export function* rechunk(pieces: Iterable<string>): Generator<string> {
  const out = new TextParts();
  for (const piece of pieces) {
    if (piece.length >= CHUNK) {
      if (out.size > 0) yield out.take();
      for (let i = 0; i < piece.length; i += CHUNK) yield piece.slice(i, i + CHUNK);
      continue;
    }
    out.push(piece);
    if (out.size >= CHUNK) yield out.take();
  }
  if (out.size > 0) yield out.take();
}

/** Every chunk joined: the whole text, when a caller needs it as one string. */
export function joinChunks(chunks: Iterable<string>): string {
  const all: string[] = [];
  for (const c of chunks) all.push(c);
  return all.join('');
}
