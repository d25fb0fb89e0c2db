/**
 * A worksheet while plans are applied: its text, the index of that text (rebuilt after each change), its
 * relationships and notes. Loaded from the package when first needed.
 */
import type { ExistingNote, SheetSnapshot } from '../../core';
import type { Book, SheetEntry } from './book';
import { readNotes } from './notes';
import { parseRels, REL, relsPathOf, resolveTarget } from './opc';
import { readSheetXml, type SheetRead } from './sheetRead';
import { joinChunks, rechunk } from './textChunks';

export interface SheetState {
  entry: SheetEntry;
  /** The sheet's text. After a plan is applied it is made only when read (see deferXml): saving streams it. */
  xml: string;
  /** null after a change: re-read from `xml` when needed. */
  read: SheetRead | null;
  relsXml: string | null;
  notes: ExistingNote[];
  /** Parts changed: written back on save. */
  dirty: boolean;
  relsDirty: boolean;
  /** The grids of `read` were let go (the engine has planned): a new snapshot reads the text again. */
  gridsReleased?: boolean;
}

export function readState(book: Book, state: SheetState): SheetRead {
  if (!state.read)
    state.read = readSheetXml(state.xml, { sharedStrings: book.sharedStrings, formats: book.styles.allNumberFormats(), ruleStyle: (id) => book.styles.dxfColours(id) });
  return state.read;
}

/** The part a relationship of the sheet points at, by type (the first one). */
export function sheetRelPart(state: SheetState, type: string): { id: string; part: string } | null {
  const rel = parseRels(state.relsXml).find((r) => r.type === type && !r.external);
  return rel ? { id: rel.id, part: resolveTarget(state.entry.part, rel.target) } : null;
}

export async function loadState(book: Book, entry: SheetEntry): Promise<SheetState> {
  const xml = (await book.zip.textOnce(entry.part)) ?? '';
  const relsXml = await book.zip.text(relsPathOf(entry.part));
  const state: SheetState = { entry, xml, read: null, relsXml, notes: [], dirty: false, relsDirty: false };
  const comments = sheetRelPart(state, REL.comments);
  state.notes = comments ? readNotes(await book.zip.text(comments.part)) : [];
  return state;
}

/**
 * While plans are applied only the index is needed: the grids (hundreds of MB on a 100,000-row sheet) are let go,
 * so the collector does not walk them again and again. Snapshots already handed out keep theirs.
 */
export function releaseGrids(state: SheetState): void {
  if (!state.read) return;
  state.read.values = [];
  state.read.formulas = [];
  state.read.numberFormats = [];
  state.gridsReleased = true;
}

export function snapshotOf(book: Book, state: SheetState, source: string | undefined): SheetSnapshot {
  if (state.gridsReleased) {
    state.read = null;
    state.gridsReleased = false;
  }
  const r = readState(book, state);
  return {
    name: state.entry.name,
    originRow: 1,
    originCol: 1,
    values: r.values,
    formulas: r.formulas,
    numberFormats: r.numberFormats,
    merges: r.merges,
    conditionalFormats: r.conditionalFormats,
    notes: state.notes,
    ...(source !== undefined ? { source } : {}),
  };
}

/** The new text of a sheet a plan changed, not yet made: the original text, its index and the changes. */
const pending = new WeakMap<SheetState, () => Iterable<string>>();

/**
 * After a plan: `state.xml` becomes the text `make` produces, made (and kept) only if something reads it (a second
 * plan on this sheet, a copy of it, a new snapshot); save() streams it in chunks instead (xmlChunks).
 */
export function deferXml(state: SheetState, make: () => Iterable<string>): void {
  pending.set(state, make);
  const settle = (xml: string) => {
    pending.delete(state);
    Object.defineProperty(state, 'xml', { value: xml, writable: true, configurable: true, enumerable: true });
  };
  Object.defineProperty(state, 'xml', {
    configurable: true,
    enumerable: true,
    get: () => {
      const xml = joinChunks(make());
      settle(xml);
      return xml;
    },
    set: settle,
  });
}

/** The sheet's text in chunks of about a million characters, for writing it without making it whole. */
export function xmlChunks(state: SheetState): () => Iterable<string> {
  const make = pending.get(state);
  if (make) return () => rechunk(make());
  const xml = state.xml;
  return () => rechunk([xml]);
}
