/**
 * A moving window over a text that arrives in pieces (a part inflated and decoded as it streams): positions are
 * offsets into the whole text, as the sheet's index records them, but only the stretch still to be read is held.
 * Reads must go forward: each says from where on the text is still wanted (keepFrom), and what lies before is
 * let go when the next piece comes in.
 */
import type { TextWindowLike } from './textChunks';

export class TextWindow implements TextWindowLike {
  private readonly source: AsyncIterator<string>;
  /** The text held: positions [base, base + buf.length). */
  private buf = '';
  private base = 0;

  constructor(pieces: AsyncIterable<string>) {
    this.source = pieces[Symbol.asyncIterator]();
  }

  /** Where the text held ends. */
  get end(): number {
    return this.base + this.buf.length;
  }

  /**
   * Makes the text up to `to` readable, letting go of what lies before `keepFrom`. Nothing to wait for (undefined,
   * not a promise) when it is already here: a row-by-row writer asks for every row.
   */
  need(to: number, keepFrom: number): Promise<void> | undefined {
    return to <= this.end ? undefined : this.fill(to, keepFrom);
  }

  private async fill(to: number, keepFrom: number): Promise<void> {
    const keep = Math.min(Math.max(keepFrom, this.base), this.end);
    const parts = [this.buf.slice(keep - this.base)];
    let end = this.end;
    while (end < to) {
      const next = await this.source.next();
      if (next.done) throw new Error(`The text ended at ${end}, before ${to}`);
      parts.push(next.value);
      end += next.value.length;
    }
    // Joined once: one flat string, and the pieces (and the text before keepFrom) can go.
    this.buf = parts.join('');
    this.base = keep;
  }

  slice(from: number, to: number): string {
    if (from < this.base || to > this.end) throw new Error(`Text ${from}–${to} is not in the window ${this.base}–${this.end}`);
    return this.buf.slice(from - this.base, to - this.base);
  }

  charCodeAt(pos: number): number {
    if (pos < this.base || pos >= this.end) throw new Error(`Position ${pos} is not in the window ${this.base}–${this.end}`);
    return this.buf.charCodeAt(pos - this.base);
  }

  /** Characters [from, to) in the pieces they come in, never held whole; the window then starts at `to`. */
  async *stream(from: number, to: number): AsyncGenerator<string> {
    let at = from;
    while (at < to) {
      while (at >= this.end) {
        const next = await this.source.next();
        if (next.done) throw new Error(`The text ended at ${this.end}, before ${to}`);
        this.base = this.end;
        this.buf = next.value;
      }
      const end = Math.min(to, this.end);
      yield this.slice(at, end);
      at = end;
    }
  }
}

/** A text held whole, as pieces for a window (a new sheet, or one made whole again). */
export async function* heldText(text: string): AsyncGenerator<string> {
  yield text;
}
