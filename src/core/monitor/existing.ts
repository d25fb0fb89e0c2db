/**
 * The monitor sheet an earlier run made. It is recognised by its title and summary labels, so a sheet of the same
 * name that the user keeps for something else is never cleared (the monitor goes to the fallback name instead).
 * Its indicator rows hold the user's answers — a 当前完成值 typed where the source has none, the 完成可能性 and the
 * 偏差原因 chosen — which a refresh keeps, matched by the 来源 key.
 */
import type { SheetSnapshot, CellRect } from '../snapshot';
import { SheetGrid } from '../grid';
import { parseAmount } from '../cells/parseAmount';
import { INDICATOR_COLUMNS, LAST_COL, MONITOR_SHEET, MONITOR_SHEET_FALLBACK, SUMMARY_ROWS, TITLE_ROW } from './layout';

export interface UserAnswers {
  current: number | null;
  likelihood: string;
  reason: string;
}

export interface ExistingMonitor {
  /** Everything the sheet holds: cleared before the rewrite. */
  area: CellRect;
  answers: Map<string, UserAnswers>;
}

const isEmptySheet = (s: SheetSnapshot) => s.values.every((row) => row.every((v) => v === null || v === ''));

/** True when the sheet is one this engine wrote (or is empty). */
export function isOwnMonitor(s: SheetSnapshot): boolean {
  if (isEmptySheet(s)) return true;
  const grid = new SheetGrid(s);
  return grid.text(TITLE_ROW, 1).startsWith(MONITOR_SHEET) && grid.text(SUMMARY_ROWS.month.row, 1) === SUMMARY_ROWS.month.label;
}

/** 绩效运行监控, unless a sheet of that name is not ours: then the fallback names. */
export function monitorSheetName(snapshots: SheetSnapshot[]): string {
  for (let n = 0; ; n++) {
    const name = n === 0 ? MONITOR_SHEET : n === 1 ? MONITOR_SHEET_FALLBACK : `${MONITOR_SHEET}（预算执行助手${n}）`;
    const existing = snapshots.find((s) => s.name === name);
    if (!existing || isOwnMonitor(existing)) return name;
  }
}

export function readExistingMonitor(s: SheetSnapshot): ExistingMonitor {
  const grid = new SheetGrid(s);
  const answers = new Map<string, UserAnswers>();
  const c = INDICATOR_COLUMNS;
  let header = -1;
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    if (grid.text(r, c.serial.col) === c.serial.header && grid.text(r, c.name.col) === c.name.header) {
      header = r;
      break;
    }
  }
  if (header > 0) {
    for (let r = header + 1; r <= grid.lastRow; r++) {
      const key = grid.text(r, c.source.col);
      if (key === '') continue;
      const typed = grid.formula(r, c.current.col) ? { kind: 'empty' as const } : parseAmount(grid.rawValue(r, c.current.col));
      answers.set(key, {
        current: typed.kind === 'number' ? typed.value : null,
        likelihood: grid.text(r, c.likelihood.col),
        reason: grid.text(r, c.reason.col),
      });
    }
  }
  return { area: { top: grid.firstRow, left: grid.firstCol, bottom: grid.lastRow, right: Math.max(grid.lastCol, LAST_COL) }, answers };
}
