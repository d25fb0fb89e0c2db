/**
 * One engine Plan applied to one worksheet part. Order matters as in Excel: the sheet is made (blank or
 * copied) first; cleared areas go (a refresh), values are written, merges added, then rules, notes, lists,
 * panes, widths, the look and print settings. Only this sheet's part (and its notes' parts, styles.xml) change.
 */
import { type CellRect, type Plan } from '../../core';
import type { Book } from './book';
import { applyLooks, toArgb } from './cellLooks';
import { CellPlanner } from './planCells';
import { setPageSetup, setPrintTitles } from './printSetup';
import { addRules, contains, editMerges, editValidations, freezePanes, growDimension, removeRules, setColumnWidths } from './sheetEdits';
import { SheetPieces } from './sheetParts';
import { planned, readState, type SheetState } from './sheetState';
import { applyNoteChanges } from './sheetNotes';

/** How the plan's sheet came to be: already there, made blank, or copied. */
export type SheetOrigin = 'existing' | 'created' | 'copied';

export interface ApplyResult {
  cellsWritten: number;
  formulasWritten: number;
  mergesAdded: number;
  rulesAdded: number;
  rulesRemoved: number;
  notesWritten: number;
  notesRemoved: number;
  /** Notes the plan wanted gone but that the user has since edited: left alone. */
  notesKept: number;
  /** Writes aimed at a cell covered by a merged area (not its top-left): skipped. */
  mergedCellsSkipped: number;
  sheet: SheetOrigin;
  /** Cells emptied by Plan.clear (cells that existed), with the merges, lists and rules that went with them. */
  cellsCleared: number;
  mergesRemoved: number;
  /** Cells that got a drop-down list. */
  validationCells: number;
  frozen: boolean;
  /** Cells that got a built sheet's look (Plan.looks). */
  cellsStyled: number;
  /** Print settings written (Plan.pageSetup). */
  pageSetup: boolean;
  /** What a copied sheet could not carry (Excel tables, pivot tables, …), in words for the report. */
  leftOut: string[];
}


/** `state` must have been read (readSheet): the plan is worked out on its index, the text is made when written. */
export function applyPlanToState(book: Book, state: SheetState, plan: Plan, origin: SheetOrigin, leftOut: string[] = []): ApplyResult {
  const read = readState(book, state);
  const ix = read.index;
  const rects: CellRect[] = plan.clear ?? [];
  const sheet = new SheetPieces(state.text!, ix);
  const removedMerges = read.merges.filter((m) => rects.some((r) => m.top <= r.bottom && r.top <= m.bottom && m.left <= r.right && r.left <= m.right));

  const cells = new CellPlanner(ix, book.styles, read.merges, removedMerges);
  cells.clear(rects);
  for (const w of plan.writes) cells.write(w);
  const outcome = cells.finish();
  const cellsStyled = applyLooks(ix, outcome.changes, book.styles, plan.looks);

  const merges = editMerges(sheet, read.merges, rects, plan.merges, plan.sheet);
  const rulesRemoved = removeRules(sheet, plan.removeConditionalFormats, rects);
  const rulesAdded = addRules(sheet, plan.conditionalFormats, (rule) => book.styles.dxf(toArgb(rule.style.font), toArgb(rule.style.fill)));
  const validationCells = editValidations(sheet, rects, plan.validations);
  const frozen = freezePanes(sheet, plan.freeze);
  setColumnWidths(sheet, plan.columnWidths);
  const printed = setPageSetup(sheet, plan.pageSetup);
  if (plan.pageSetup?.titleRows) setPrintTitles(book, plan.sheet, plan.pageSetup.titleRows);
  growDimension(sheet, outcome.area);

  // Notes: ours that went stale (unless the user rewrote them), the plan's new ones, any inside a cleared area.
  const current = new Map(state.notes.map((n) => [`${n.row},${n.col}`, n.text]));
  let notesKept = 0;
  const remove: { row: number; col: number }[] = [];
  for (const n of plan.removeNotes) {
    const text = current.get(`${n.row},${n.col}`);
    if (text === undefined) continue;
    if (text === n.before) remove.push(n);
    else notesKept++;
  }
  for (const n of state.notes) if (rects.some((r) => contains(r, { top: n.row, left: n.col, bottom: n.row, right: n.col }))) remove.push(n);
  const notesChanged = applyNoteChanges(book, state, sheet, { remove, write: plan.notes });

  if (!outcome.changes.empty) sheet.writeCells(outcome.changes);
  // The new text is made when saved (streamed, the rows read again from the package) or when the sheet is read again.
  planned(state, () => sheet.text());
  return {
    cellsWritten: outcome.cellsWritten,
    formulasWritten: outcome.formulasWritten,
    mergesAdded: merges.added,
    rulesAdded,
    rulesRemoved,
    notesWritten: plan.notes.length,
    notesRemoved: notesChanged.removed,
    notesKept,
    mergedCellsSkipped: outcome.mergedCellsSkipped,
    sheet: origin,
    cellsCleared: outcome.cellsCleared,
    mergesRemoved: merges.removed,
    validationCells,
    frozen,
    leftOut,
    cellsStyled,
    pageSetup: printed,
  };
}
