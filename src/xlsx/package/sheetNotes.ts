/**
 * A sheet's note changes carried to its parts: the comments part and the VML drawing are edited (or made, with
 * their relationships, content types and the sheet's legacyDrawing element), and the sheet's note list follows.
 */
import { cellAddress } from '../../core';
import type { Book } from './book';
import { editComments, editVml, EMPTY_COMMENTS, emptyVml, type NoteChanges, vmlIdBlocks } from './notes';
import { addDefault, addOverride, addRel, CONTENT_TYPE, freeRelId, parseRels, REL, relativeTarget, resolveTarget } from './opc';
import type { SheetPieces } from './sheetParts';
import { readState, type SheetState, sheetRelPart } from './sheetState';
import { freePartName } from './workbookEdit';

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The lowest VML id block no drawing in the package claims. */
async function freeVmlBlock(book: Book): Promise<number> {
  const used = new Set<number>();
  for (const name of book.zip.names()) {
    if (!/\.vml$/i.test(name)) continue;
    for (const b of vmlIdBlocks((await book.zip.text(name)) ?? '')) used.add(b);
  }
  let b = 1;
  while (used.has(b)) b++;
  return b;
}

function addSheetRel(state: SheetState, type: string, part: string): string {
  const id = freeRelId(parseRels(state.relsXml));
  state.relsXml = addRel(state.relsXml, { id, type, target: relativeTarget(state.entry.part, part), external: false });
  state.relsDirty = true;
  return id;
}

/** The next free VML id block per package, found once (asynchronously) before plans are applied. */
const vmlBlocks = new WeakMap<Book, number>();

export async function prepareNotes(book: Book): Promise<void> {
  if (!vmlBlocks.has(book)) vmlBlocks.set(book, await freeVmlBlock(book));
}

/** Parts read on demand must be in memory before the synchronous apply: the sheet's comments and VML. */
export async function loadNoteParts(book: Book, state: SheetState): Promise<void> {
  for (const rel of parseRels(state.relsXml)) {
    if (!rel.external && (rel.type === REL.comments || rel.type === REL.vmlDrawing)) await book.zip.text(resolveTarget(state.entry.part, rel.target));
  }
  await prepareNotes(book);
}

export function applyNoteChanges(book: Book, state: SheetState, sheet: SheetPieces, changes: NoteChanges): { removed: number } {
  if (changes.remove.length === 0 && changes.write.length === 0) return { removed: 0 };
  const removedKeys = new Set(changes.remove.map((n) => cellAddress(n.row, n.col)));
  const removed = state.notes.filter((n) => removedKeys.has(cellAddress(n.row, n.col))).length;

  let comments = sheetRelPart(state, REL.comments);
  if (!comments) {
    const part = freePartName(book, 'xl/comments1.xml');
    comments = { id: addSheetRel(state, REL.comments, part), part };
    book.contentTypes = addOverride(book.contentTypes, part, CONTENT_TYPE.comments);
    book.zip.write(part, EMPTY_COMMENTS);
  }
  book.zip.write(comments.part, editComments(book.zip.cachedText(comments.part) ?? EMPTY_COMMENTS, changes));

  // The notes' VML is the one the sheet's legacyDrawing names (a legacyDrawingHF's VML holds header pictures).
  const rid = readState(book, state).index.legacyDrawingRid;
  const ownVml = rid === undefined ? undefined : parseRels(state.relsXml).find((r) => r.id === rid && !r.external);
  let vml = ownVml ? { id: ownVml.id, part: resolveTarget(state.entry.part, ownVml.target) } : null;
  if (!vml) {
    const part = freePartName(book, 'xl/drawings/vmlDrawing1.vml');
    const id = addSheetRel(state, REL.vmlDrawing, part);
    vml = { id, part };
    const block = vmlBlocks.get(book) ?? 1;
    vmlBlocks.set(book, block + 1);
    book.zip.write(part, emptyVml(block));
    book.contentTypes = addDefault(book.contentTypes, 'vml', CONTENT_TYPE.vml);
    // The r: prefix is declared on the sheet's root by every writer we know; declared here when it is not.
    const ns = sheet.head.includes(`xmlns:r="${R_NS}"`) ? '' : ` xmlns:r="${R_NS}"`;
    sheet.insert('legacyDrawing', `<${sheet.prefix}legacyDrawing${ns} r:id="${id}"/>`);
  }
  book.zip.write(vml.part, editVml(book.zip.cachedText(vml.part) ?? emptyVml(1), changes));

  const written = new Map(changes.write.map((n) => [cellAddress(n.row, n.col), n]));
  state.notes = [...state.notes.filter((n) => !removedKeys.has(cellAddress(n.row, n.col)) && !written.has(cellAddress(n.row, n.col))), ...changes.write.map((n) => ({ row: n.row, col: n.col, text: n.text }))];
  return { removed };
}
