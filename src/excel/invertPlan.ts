/**
 * The undo of a plan, as another plan: the pane keeps its own record of what it changed, so "撤销上次写入"
 * works whatever Excel's undo stack holds (an add-in's batch may clear it). Pure: no Office here.
 *
 * Restores cell inputs and number formats (from `before` / `beforeFormats`), removes the rules and notes the
 * plan added, puts back notes it replaced or removed, and — given what applyPlan reports — the rules it
 * removed. Merges the plan added are undone and header styles cleared through the two extra fields.
 * Column widths are not restored (the plan does not know the old widths).
 *
 * A sheet the plan created is deleted. A sheet the plan cleared and rewrote (a built sheet refreshed) gets the
 * cleared cells back from the snapshot read before (`cleared`); its rules and drop-downs are left as the plan
 * made them — they are the engine's own on the engine's own sheet, and fit the restored cells as well.
 */
import { emptyPlan, type CellInput, type CellRect, type ConditionalFormatRule, type NoteWrite, type Plan, type RangeWrite, type SheetSnapshot } from '../core';

export interface InversePlan extends Plan {
  /** Merged areas to split again. */
  unmerges: CellRect[];
  /** Header cells whose bold/centre/wrap style the plan set: back to plain. */
  clearHeaderStyles: CellRect[];
  /** Delete the sheet (the plan created it). */
  deleteSheet?: boolean;
}

export interface AppliedDetails {
  /** The rules applyPlan removed, with their style and priority (ApplyResult.removedConditionalFormats). */
  removedConditionalFormats?: ConditionalFormatRule[];
  /** applyPlan created the sheet (ApplyResult.sheetCreated), or will: undo deletes it. */
  sheetCreated?: boolean;
  /** The snapshot of the plan's sheet before applying, to restore what `plan.clear` empties. */
  before?: SheetSnapshot;
}

export function isInversePlan(plan: Plan): plan is InversePlan {
  return 'unmerges' in plan && Array.isArray((plan as InversePlan).unmerges);
}

function writeRect(w: RangeWrite): CellRect {
  return { top: w.row, left: w.col, bottom: w.row + w.inputs.length - 1, right: w.col + (w.inputs[0]?.length ?? 1) - 1 };
}

function sliceRows<T>(grid: T[][], from: number, to: number, col: number): T[][] {
  return grid.slice(from, to).map((row) => [row[col]]);
}

/** Inverse of one write; split into same-format runs when the old formats differed from cell to cell. */
function invertWrite(w: RangeWrite): RangeWrite[] {
  const rows = w.inputs.length;
  const cols = w.inputs[0]?.length ?? 0;
  const applied: string[][] | undefined = w.numberFormat ? w.inputs.map((r) => r.map(() => w.numberFormat as string)) : undefined;
  const base = { purpose: w.purpose } as const;
  if (!w.numberFormat) return [{ ...base, row: w.row, col: w.col, inputs: w.before, before: w.inputs }];
  // Formats before the write; when the engine did not record them, the cells were new: General.
  const formats: string[][] = w.beforeFormats ?? w.inputs.map((r) => r.map(() => 'General'));
  const first = formats[0]?.[0] ?? 'General';
  if (formats.every((r) => r.every((f) => f === first)))
    return [{ ...base, row: w.row, col: w.col, inputs: w.before, before: w.inputs, numberFormat: first, beforeFormats: applied }];
  const out: RangeWrite[] = [];
  for (let c = 0; c < cols; c++) {
    let start = 0;
    for (let r = 1; r <= rows; r++) {
      if (r < rows && formats[r][c] === formats[start][c]) continue;
      out.push({
        ...base,
        row: w.row + start,
        col: w.col + c,
        inputs: sliceRows<CellInput>(w.before, start, r, c),
        before: sliceRows<CellInput>(w.inputs, start, r, c),
        numberFormat: formats[start][c],
        beforeFormats: applied ? sliceRows(applied, start, r, c) : undefined,
      });
      start = r;
    }
  }
  return out;
}

/** Writes that put back a rectangle's inputs and number formats as the snapshot had them (one write per row run of one format). */
export function restoreWrites(snapshot: SheetSnapshot, rect: CellRect): RangeWrite[] {
  const input = (r: number, c: number): CellInput => {
    const i = r - snapshot.originRow;
    const j = c - snapshot.originCol;
    return snapshot.formulas[i]?.[j] ?? snapshot.values[i]?.[j] ?? null;
  };
  const format = (r: number, c: number) => snapshot.numberFormats?.[r - snapshot.originRow]?.[c - snapshot.originCol] ?? 'General';
  // Only the part of the rectangle the snapshot covers held anything.
  const top = Math.max(rect.top, snapshot.originRow);
  const bottom = Math.min(rect.bottom, snapshot.originRow + snapshot.values.length - 1);
  const width = snapshot.values.reduce((w, r) => Math.max(w, r.length), 0);
  const left = Math.max(rect.left, snapshot.originCol);
  const right = Math.min(rect.right, snapshot.originCol + width - 1);
  const out: RangeWrite[] = [];
  for (let r = top; r <= bottom; r++) {
    let start = left;
    for (let c = left; c <= right + 1; c++) {
      if (c <= right && format(r, c) === format(r, start)) continue;
      if (c > start) {
        const inputs = [Array.from({ length: c - start }, (_, k) => input(r, start + k))];
        out.push({ row: r, col: start, inputs, numberFormat: format(r, start), before: inputs.map((row) => row.map(() => null)), purpose: 'value' });
      }
      start = c;
    }
  }
  return out;
}

export function invertPlan(plan: Plan, applied: AppliedDetails = {}): InversePlan {
  if (applied.sheetCreated) return { ...emptyPlan(plan.sheet), unmerges: [], clearHeaderStyles: [], deleteSheet: true };
  if (plan.clear && plan.clear.length > 0) {
    // Undo of a refresh: every written cell goes back to what the engine saw, then the cleared area is restored
    // from the snapshot — cells the rewrite did not reach and the number formats the clear took away.
    const base = invertPlan({ ...plan, clear: undefined, conditionalFormats: [] }, { removedConditionalFormats: applied.removedConditionalFormats });
    const restores = applied.before ? plan.clear.flatMap((r) => restoreWrites(applied.before as SheetSnapshot, r)) : [];
    return { ...base, writes: [...base.writes, ...restores] };
  }
  const addedNotes = plan.notes.filter((n) => n.before === null);
  const restoredNotes: NoteWrite[] = [
    ...plan.notes.filter((n) => n.before !== null).map((n) => ({ row: n.row, col: n.col, text: n.before as string, before: n.text })),
    ...plan.removeNotes.map((n) => ({ row: n.row, col: n.col, text: n.before, before: null })),
  ];
  return {
    sheet: plan.sheet,
    // Later writes first, so where two writes overlap the earlier one's `before` is what remains.
    writes: [...plan.writes].reverse().flatMap(invertWrite),
    merges: [],
    unmerges: plan.merges.map((m) => ({ ...m })),
    clearHeaderStyles: plan.writes.filter((w) => w.headerStyle).map(writeRect),
    conditionalFormats: (applied.removedConditionalFormats ?? []).map((r) => ({ ...r, ranges: [...r.ranges] })),
    removeConditionalFormats: plan.conditionalFormats.map((r) => ({ ranges: [...r.ranges], formula: r.formula })),
    notes: restoredNotes,
    removeNotes: addedNotes.map((n) => ({ row: n.row, col: n.col, before: n.text })),
    columnWidths: [],
  };
}

