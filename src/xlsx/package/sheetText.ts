/**
 * A worksheet's text while plans are made and written: everything but its rows is held (the sheet's other
 * elements are small and plans edit them); the rows, most of a big sheet, are read again from where the text came
 * from (the package part, inflated as it streams) when the sheet is written, through a moving window. Positions
 * are offsets into the whole text, as the sheet's index records them.
 */
import type { SheetIndex } from './sheetIndex';
import { ownCopy } from './textChunks';
import { TextWindow } from './textWindow';

export class SheetText {
  private constructor(
    /** The text before the rows: [0, head.length). */
    private readonly head: string,
    /** Where the text after the rows starts. */
    private readonly tailFrom: number,
    private readonly tail: string,
    private readonly source: () => AsyncIterable<string>,
  ) {}

  /** `xml`, read into `ix`: its rows are read again from `source` (the same text, in pieces) when written. */
  static of(xml: string, ix: SheetIndex, source: () => AsyncIterable<string>): SheetText {
    const from = ix.sheetData < 0 ? xml.length : ix.dataOpenEnd;
    const to = ix.sheetData < 0 ? xml.length : ix.dataCloseStart;
    return SheetText.around(xml.slice(0, from), to, xml.slice(to), source);
  }

  /** The text before and after the rows (the tail from `tailFrom`), as collected while the text streamed past. */
  static around(head: string, tailFrom: number, tail: string, source: () => AsyncIterable<string>): SheetText {
    return new SheetText(ownCopy(head), tailFrom, ownCopy(tail), source);
  }

  get length(): number {
    return this.tailFrom + this.tail.length;
  }

  /** Text outside the rows (sheetData's own tags included). */
  slice(from: number, to: number): string {
    if (to <= this.head.length) return this.head.slice(from, to);
    if (from >= this.tailFrom) return this.tail.slice(from - this.tailFrom, to - this.tailFrom);
    throw new Error(`Text ${from}–${to} is among the rows: read it through window()`);
  }

  /** The whole text from its start, read again as it streams. */
  window(): TextWindow {
    return new TextWindow(this.source());
  }

  /** The text before and after the rows, or null when there are none to stream. */
  outside(): { head: string; tail: string } | null {
    return this.tailFrom > this.head.length ? { head: this.head, tail: this.tail } : null;
  }

  /** Another text around these rows (a copy of the sheet, edited outside its rows): the rows are read as they stream. */
  async *around(head: string, tail: string): AsyncGenerator<string> {
    yield head;
    yield* this.window().stream(this.head.length, this.tailFrom);
    yield tail;
  }
}
