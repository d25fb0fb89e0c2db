/**
 * A worksheet while plans are applied: where its text comes from, the index of that text (rebuilt after each
 * change), its relationships and notes. Loaded from the package when first needed.
 *
 * The text of a big sheet is never held whole: its part is read (and indexed) as it is inflated, piece by piece,
 * keeping only the text around its rows (readSheetStream), and inflated again from the package's compressed part
 * when the changed sheet is written, streamed through a moving window (sheetText.ts). Only what reads a changed
 * sheet again (a second plan on it, a new snapshot after a plan) or a copy of it makes its text whole.
 */
import { type ExistingNote, type SheetSnapshot, ValueColumns, withValueColumns } from '../../core';
import type { Book, SheetEntry } from './book';
import { readNotes } from './notes';
import { parseRels, REL, relsPathOf, resolveTarget } from './opc';
import { type ReadContext, readSheetStream, readSheetXml, type SheetRead } from './sheetRead';
import { SheetText } from './sheetText';
import { joinChunks, type TextPieces } from './textChunks';
import { heldText } from './textWindow';
import type { TextProducer } from './zipParts';

/** Where a sheet's text comes from. */
export type SheetContent =
  /** The package's part as it was opened: inflated again whenever it is needed. */
  | { kind: 'part' }
  /** Held in memory: a new sheet, a copy, or a changed sheet read again. */
  | { kind: 'text'; xml: string }
  /** Changed by a plan: made (from the text before and the plan's changes) when it is written or read. */
  | { kind: 'planned'; make: () => TextPieces }
  /** Made in pieces whenever it is needed (a copy: its rows read from its source's text). */
  | { kind: 'pieces'; pieces: () => AsyncIterable<string> };

export interface SheetState {
  entry: SheetEntry;
  content: SheetContent;
  /** null until read, and after a change: read again from the content when needed (readSheet). */
  read: SheetRead | null;
  /** The text `read` was read from: all but its rows held, the rows read again when written. */
  text: SheetText | null;
  relsXml: string | null;
  notes: ExistingNote[];
  /** Parts changed: written back on save. */
  dirty: boolean;
  relsDirty: boolean;
  /** The grids of `read` were let go (the engine has planned): a new snapshot reads the text again. */
  gridsReleased?: boolean;
}

/** The sheet as read (readSheet must have read it: plans are applied synchronously). */
export function readState(_book: Book, state: SheetState): SheetRead {
  if (!state.read) throw new Error(`Sheet "${state.entry.name}" has not been read (readSheet)`);
  return state.read;
}

/** The sheet's whole text, made now (a copy of the sheet needs it, or a new reading). */
export async function wholeText(book: Book, state: SheetState): Promise<string> {
  const content = state.content;
  if (content.kind === 'text') return content.xml;
  if (content.kind === 'planned') return joinChunks(content.make());
  if (content.kind === 'pieces') return joinChunks(content.pieces());
  return (await book.zip.originalText(state.entry.part)) ?? '';
}

/**
 * Where the text of the sheet's content is read again. Made in a function of its own: a closure made beside one
 * that holds the text would hold it too (they share their scope).
 */
function textSource(book: Book, state: SheetState): () => AsyncIterable<string> {
  const content = state.content;
  if (content.kind === 'text') return () => heldText(content.xml);
  if (content.kind === 'pieces') return content.pieces;
  const part = state.entry.part;
  return () => book.zip.originalChunks(part);
}

/** Reads the sheet (its index; with `grids`, the engine's view too) unless that is done already. */
export async function readSheet(book: Book, state: SheetState, grids = false): Promise<SheetRead> {
  if (state.read && !(grids && state.gridsReleased)) return state.read;
  const ctx: ReadContext = { sharedStrings: book.sharedStrings, formats: book.styles.allNumberFormats(), ruleStyle: (id) => book.styles.dxfColours(id) };
  // The package's part is read as it is inflated, never whole (a 100,000-row sheet: 25 MB of text, 50 as a string).
  const streamed = state.content.kind === 'part' ? await readSheetStream(book.zip.originalChunks(state.entry.part), ctx) : null;
  let read: SheetRead;
  if (streamed) {
    read = streamed.read;
    state.text = SheetText.around(streamed.head, streamed.tailFrom, streamed.tail, textSource(book, state));
  } else {
    const xml = await wholeText(book, state);
    // A changed sheet read again is held from then on: the new index points into that text.
    if (state.content.kind === 'planned') state.content = { kind: 'text', xml };
    read = readSheetXml(xml, ctx);
    state.text = SheetText.of(xml, read.index, textSource(book, state));
  }
  state.read = read;
  state.gridsReleased = false;
  return read;
}

/** The part a relationship of the sheet points at, by type (the first one). */
export function sheetRelPart(state: SheetState, type: string): { id: string; part: string } | null {
  const rel = parseRels(state.relsXml).find((r) => r.type === type && !r.external);
  return rel ? { id: rel.id, part: resolveTarget(state.entry.part, rel.target) } : null;
}

export async function loadState(book: Book, entry: SheetEntry): Promise<SheetState> {
  const relsXml = await book.zip.text(relsPathOf(entry.part));
  const state: SheetState = { entry, content: { kind: 'part' }, read: null, text: null, relsXml, notes: [], dirty: false, relsDirty: false };
  const comments = sheetRelPart(state, REL.comments);
  state.notes = comments ? readNotes(await book.zip.text(comments.part)) : [];
  return state;
}

/** A sheet made by a plan (blank, or a copy). */
export function newState(entry: SheetEntry, content: SheetContent, rest: Pick<SheetState, 'relsXml' | 'notes' | 'relsDirty'>): SheetState {
  return { entry, content, read: null, text: null, dirty: true, ...rest };
}

/**
 * While plans are applied only the index is needed: the grids (hundreds of MB on a 100,000-row sheet) are let go,
 * so the collector does not walk them again and again. Snapshots already handed out keep theirs.
 */
export function releaseGrids(state: SheetState): void {
  if (!state.read) return;
  state.read.values = new ValueColumns();
  state.read.formulas = [];
  state.read.numberFormats = [];
  state.gridsReleased = true;
}

/** The engine's view of the sheet (readSheet with grids first). */
export function snapshotOf(book: Book, state: SheetState, source: string | undefined): SheetSnapshot {
  if (state.gridsReleased) throw new Error(`Sheet "${state.entry.name}" has let its grids go (readSheet with grids)`);
  const r = readState(book, state);
  return withValueColumns({
    name: state.entry.name,
    originRow: 1,
    originCol: 1,
    formulas: r.formulas,
    numberFormats: r.numberFormats,
    merges: r.merges,
    conditionalFormats: r.conditionalFormats,
    notes: state.notes,
    ...(source !== undefined ? { source } : {}),
  }, r.values);
}

/**
 * After a plan: the sheet's new text is what `make` produces, made when the sheet is saved (streamed) or read
 * again; the reading of the text before is let go.
 */
export function planned(state: SheetState, make: () => TextPieces): void {
  state.content = { kind: 'planned', make };
  state.read = null;
  state.text = null;
  state.dirty = true;
}

/** The sheet's text as its part is written: in pieces, never whole (the package regroups them into chunks). */
export function xmlChunks(book: Book, state: SheetState): TextProducer {
  const content = state.content;
  if (content.kind === 'planned') return content.make;
  if (content.kind === 'text') return () => [content.xml];
  return textSource(book, state);
}
