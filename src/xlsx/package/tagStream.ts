/**
 * A part's text scanned as it is inflated, never made whole: each piece (about 1 MB) goes to the tokenizer as it
 * comes, and is let go once the tokenizer has read past it. Positions stay offsets into the whole text, so an index
 * made this way is the index the whole text gives.
 */
import { scanTagTokens, type TagHandlers, type TagText } from './xml';

/**
 * The pieces of a text that are still wanted, with their offsets in the whole text. Like htmlparser2's Parser
 * (its buffer list and getSlice), a slice may span pieces: a tag name, a value or a text cut where a piece ends.
 */
export class PieceText implements TagText {
  private pieces: string[] = [];
  /** Where each held piece starts in the whole text. */
  private starts: number[] = [];
  /** The last piece (most slices are in it) and where it starts. */
  private last = '';
  private lastStart = 0;
  /** Characters appended so far: the whole text's length once every piece is in. */
  length = 0;
  /** Text from here on is kept even when the tokenizer has read past it (a reader asks: text it will slice later). */
  keepFrom = 0;

  append(piece: string): void {
    this.pieces.push(piece);
    this.starts.push(this.length);
    this.last = piece;
    this.lastStart = this.length;
    this.length += piece.length;
  }

  /** Lets go of the pieces that end at or before `before` (and before keepFrom). */
  release(before: number): void {
    const to = Math.min(before, this.keepFrom);
    let n = 0;
    while (n < this.pieces.length - 1 && this.starts[n + 1] <= to) n++;
    if (n === 0) return;
    this.pieces.splice(0, n);
    this.starts.splice(0, n);
  }

  /** Characters held (the pieces not let go yet). */
  get held(): number {
    return this.length - (this.starts[0] ?? this.length);
  }

  slice(from: number, to: number): string {
    if (from >= this.lastStart) return this.last.slice(from - this.lastStart, to - this.lastStart);
    let i = 0;
    while (i < this.pieces.length - 1 && this.starts[i + 1] <= from) i++;
    if (from < this.starts[i]) throw new Error(`Text ${from}–${to} was let go (held from ${this.starts[i]})`);
    let out = this.pieces[i].slice(from - this.starts[i], to - this.starts[i]);
    while (++i < this.pieces.length && this.starts[i] < to) out += this.pieces[i].slice(0, to - this.starts[i]);
    return out;
  }
}

/** The handlers run over the text in `pieces`, collected into `text` only as long as they are wanted. */
export async function scanTagStream(pieces: AsyncIterable<string>, text: PieceText, h: TagHandlers, withAttrs: ReadonlySet<string>): Promise<void> {
  const { tokenizer, readTo } = scanTagTokens(text, h, withAttrs);
  for await (const piece of pieces) {
    text.append(piece);
    tokenizer.write(piece);
    text.release(readTo());
  }
  tokenizer.end();
}
