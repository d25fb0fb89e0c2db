/**
 * A worksheet's top-level elements as editable text pieces, in schema order (CT_Worksheet). Elements the plan
 * does not touch keep their exact text; new ones go where the schema puts them.
 */
import type { CellChanges } from './cellChanges';
import { sheetDataChunks, unchangedSheetData } from './sheetData';
import type { SheetIndex } from './sheetIndex';
import type { SheetText } from './sheetText';
import type { TextPiece } from './textChunks';
import { local } from './xml';

export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
] as const;

export interface Piece {
  /** Local name ("mergeCells"); an element of another namespace (mc:AlternateContent) keeps its full name. */
  name: string;
  text: string;
  /** Instead of `text`: the piece made in chunks when written (sheetData, read again as it is written). */
  chunks?: () => AsyncIterable<TextPiece>;
}

export class SheetPieces {
  readonly head: string;
  readonly tail: string;
  readonly prefix: string;
  readonly pieces: Piece[];

  constructor(
    private readonly xml: SheetText,
    private readonly ix: SheetIndex,
  ) {
    this.prefix = ix.prefix;
    this.head = xml.slice(0, ix.rootOpenEnd);
    this.tail = xml.slice(ix.rootCloseStart, xml.length);
    this.pieces = [];
    let cursor = ix.rootOpenEnd;
    ix.children.forEach((c, i) => {
      const name = c.name.includes(':') && !ix.prefix ? c.name : local(c.name);
      // Whitespace or comments between elements go with the element after them.
      if (i === ix.sheetData) {
        const lead = xml.slice(cursor, c.start);
        this.pieces.push({ name, text: lead, chunks: () => unchangedSheetData(xml.window(), ix, lead) });
      } else this.pieces.push({ name, text: xml.slice(cursor, c.end) });
      cursor = c.end;
    });
    if (cursor < ix.rootCloseStart) this.pieces.push({ name: '#text', text: xml.slice(cursor, ix.rootCloseStart) });
  }

  /** sheetData written with the plan's cell changes (after what stood before it: white space, a comment). */
  writeCells(changes: CellChanges): void {
    const piece = this.pieces.find((p) => p.chunks !== undefined);
    if (!piece) return;
    const { xml, ix } = this;
    const lead = piece.text;
    piece.chunks = async function* () {
      yield lead;
      yield* sheetDataChunks(xml.window(), ix, changes);
    };
  }

  all(name: string): Piece[] {
    return this.pieces.filter((p) => p.name === name);
  }

  first(name: string): Piece | undefined {
    return this.pieces.find((p) => p.name === name);
  }

  remove(piece: Piece): void {
    const i = this.pieces.indexOf(piece);
    if (i >= 0) this.pieces.splice(i, 1);
  }

  /** Inserts a new element after the last one of the same name, else where the schema order puts it. */
  insert(name: string, text: string): Piece {
    const piece = { name, text };
    const same = this.all(name);
    if (same.length > 0) {
      this.pieces.splice(this.pieces.indexOf(same[same.length - 1]) + 1, 0, piece);
      return piece;
    }
    const rank = WORKSHEET_ORDER.indexOf(name as (typeof WORKSHEET_ORDER)[number]);
    let at = this.pieces.length;
    let known = -1;
    for (let i = 0; i < this.pieces.length; i++) {
      const r = WORKSHEET_ORDER.indexOf(this.pieces[i].name as (typeof WORKSHEET_ORDER)[number]);
      // Unknown elements (mc:AlternateContent) rank with the element before them.
      const eff = r >= 0 ? r : known;
      if (r >= 0) known = r;
      if (eff > rank) {
        at = i;
        break;
      }
    }
    if (at === this.pieces.length && this.pieces[at - 1]?.name === '#text') at--;
    this.pieces.splice(at, 0, piece);
    return piece;
  }

  /** The worksheet's text in pieces, as it is written (sheetData comes in chunks, read again as it streams). */
  async *text(): AsyncGenerator<TextPiece> {
    yield this.head;
    for (const p of this.pieces) {
      if (p.chunks) yield* p.chunks();
      else yield p.text;
    }
    yield this.tail;
  }
}
