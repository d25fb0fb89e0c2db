/**
 * Next year's side of one indicator table, planned on the copy of its sheet: 一级 / 二级 / 三级 indicators,
 * explanations, 年度指标值 (with its units and comparison words: the direction) and 分值 stay; what this year
 * achieved goes — 实际完成值, and the 得分 and 偏差原因 that were written from it. An indicator completed over
 * 150 % this year gets a note on its 年度指标值: the target was probably set too low (DOMAIN.md §3).
 */
import type { SheetGrid } from '../grid';
import { NOTE_PREFIX, pct } from '../budget/flags';
import { OVER_ACHIEVEMENT } from '../indicators/completion';
import type { SheetEdits } from './cellEdits';
import type { IndicatorTableScan } from './sheetScan';
import type { NoteIntent } from './budgetTemplate';

export interface IndicatorTemplateOutcome {
  rowsKept: number;
  cellsCleared: number;
  notes: NoteIntent[];
}

export function overAchievementNote(completion: number): string {
  return `${NOTE_PREFIX}上年完成率 ${pct(completion)}，超过 ${pct(OVER_ACHIEVEMENT, 0)}，建议复核本年目标值。`;
}

/**
 * `completions`: this year's completion of each indicator row over 150 %, keyed by its source row (from the
 * indicator engine's report, so the note says what the 绩效指标完成情况 sheet says).
 */
export function planIndicatorTemplate(grid: SheetGrid, t: IndicatorTableScan, edits: SheetEdits, completions: Map<number, number>): IndicatorTemplateOutcome {
  const out: IndicatorTemplateOutcome = { rowsKept: 0, cellsCleared: 0, notes: [] };
  const { columns } = t.layout;
  const cleared = [columns.actual, columns.score, columns.reason].filter((c): c is number => c !== undefined);
  for (const ind of t.read.indicators) {
    out.rowsKept++;
    for (const col of cleared) if (edits.clearConstant(ind.row, col)) out.cellsCleared++;
    const completion = completions.get(ind.row);
    if (completion !== undefined && completion > OVER_ACHIEVEMENT && columns.target !== undefined) {
      out.notes.push({ row: ind.row, col: columns.target, rule: 'over-achievement', name: ind.name, value: completion, text: overAchievementNote(completion) });
    }
  }
  return out;
}
