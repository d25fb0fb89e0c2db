/**
 * The parts of a plan beyond cell writes and rules: clearing a built sheet before it is rewritten, list drop-downs,
 * frozen panes and notes. Each only queues work on the request; applyPlan sends it with the writes.
 *
 *   Range.clear: ExcelApi 1.1 · ConditionalFormatCollection.clearAll: 1.6 · Range.dataValidation: 1.8 ·
 *   Worksheet.freezePanes: 1.7 · Worksheet.notes: 1.18.
 */
import { cellAddress, rectAddress, type CellRect, type Plan } from '../core';
import { noteKey, type Discovery } from './applyDiscovery';

export interface PartsCounts {
  cleared: number;
  validationsSet: number;
  frozen: boolean;
  notesWritten: number;
  notesRemoved: number;
  warnings: string[];
}

/**
 * Contents, formats, rules and drop-downs of each rectangle go; notes stay (the user's are theirs, and ours are
 * replaced or removed by the plan's own note lists, which expect to find them).
 */
export function queueClear(sheet: Excel.Worksheet, rects: CellRect[], counts: PartsCounts): void {
  for (const r of rects) {
    const range = sheet.getRange(rectAddress(r));
    range.clear('Contents');
    range.clear('Formats');
    range.conditionalFormats.clearAll();
    range.dataValidation.clear();
    counts.cleared++;
  }
}

/** Excel keeps a list's source to 255 characters, items separated by commas. */
const MAX_LIST_SOURCE = 255;

export function queueValidations(sheet: Excel.Worksheet, plan: Plan, counts: PartsCounts): void {
  for (const v of plan.validations ?? []) {
    const source = v.items.join(',');
    if (source.length > MAX_LIST_SOURCE || v.items.some((i) => i.includes(','))) {
      counts.warnings.push(`下拉列表（${v.items.slice(0, 3).join('、')}…）过长或含逗号，未添加。`);
      continue;
    }
    for (const area of v.ranges) {
      const dv = sheet.getRange(area).dataValidation;
      // A rule set over cells that already carry a different one can be refused: clear first.
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source } };
      counts.validationsSet++;
    }
  }
}

export function queueFreeze(sheet: Excel.Worksheet, plan: Plan, counts: PartsCounts): void {
  const f = plan.freeze;
  if (!f) return;
  const panes = sheet.freezePanes;
  if (f.rows > 0 && f.cols > 0) panes.freezeAt(rectAddress({ top: 1, left: 1, bottom: f.rows, right: f.cols }));
  else if (f.rows > 0) panes.freezeRows(f.rows);
  else if (f.cols > 0) panes.freezeColumns(f.cols);
  else panes.unfreeze();
  counts.frozen = true;
}

/**
 * Notes by cell. A note is replaced only when it still says what the engine saw (`before`), and removed only
 * when it is still ours; one the user edited since is left alone and reported.
 */
export function queueNotes(sheet: Excel.Worksheet, plan: Plan, found: Discovery, counts: PartsCounts): void {
  for (const n of plan.notes) {
    const address = cellAddress(n.row, n.col);
    const existing = found.notes.get(noteKey(n.row, n.col));
    if (existing === undefined) {
      sheet.notes.add(sheet.getRange(address), n.text);
      counts.notesWritten++;
    } else if (existing === n.text) continue;
    else if (n.before !== null && existing === n.before) {
      sheet.notes.getItem(address).content = n.text;
      counts.notesWritten++;
    } else counts.warnings.push(`${address} 已有批注且内容已被修改，未覆盖。`);
  }
  for (const n of plan.removeNotes) {
    const existing = found.notes.get(noteKey(n.row, n.col));
    if (existing === undefined) continue;
    if (existing === n.before) {
      sheet.notes.getItem(cellAddress(n.row, n.col)).delete();
      counts.notesRemoved++;
    } else counts.warnings.push(`${cellAddress(n.row, n.col)} 的批注已被修改，保留未删除。`);
  }
}
