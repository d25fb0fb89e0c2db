/** Merged areas of a Plan: added once (a re-run finds them there), never over a different merge. */
import type ExcelJS from 'exceljs';
import type { CellRect } from '../core';
import { worksheetMerges } from './worksheetInternals';

/** A merge the plan asks for overlaps a different merged area already on the sheet. */
export class MergeConflictError extends Error {
  readonly code = 'merge-conflict';
  constructor(readonly area: string) {
    super(`Cannot merge ${area}: it overlaps another merged area`);
    this.name = 'MergeConflictError';
  }
}

export function sameRect(a: CellRect, b: CellRect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function overlaps(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRect, inner: CellRect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && inner.bottom <= outer.bottom && inner.right <= outer.right;
}

/** Adds merges; one already there is fine (a re-run), an overlapping different one is refused. */
export function addMerges(ws: ExcelJS.Worksheet, merges: CellRect[]): number {
  if (merges.length === 0) return 0;
  const existing = worksheetMerges(ws);
  let added = 0;
  for (const m of merges) {
    if (existing.some((e) => sameRect(e, m))) continue;
    if (existing.some((e) => overlaps(e, m))) {
      throw new MergeConflictError(`${ws.name}!R${m.top}C${m.left}:R${m.bottom}C${m.right}`);
    }
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
    existing.push(m);
    added++;
  }
  return added;
}
