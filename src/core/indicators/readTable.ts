/**
 * Reads the rows of a user's indicator table: one SourceIndicator per row that names an indicator, the 一级 /
 * 二级 / 任务 labels carried down (merged or left blank under the first), and the 分值 printed on subtotal rows
 * (产出指标 … 50, 合计 … 100) so the weights of the 三级 rows can be checked against them.
 */
import type { SheetGrid } from '../grid';
import { cellAddress } from '../snapshot';
import { parseAmount } from '../cells/parseAmount';
import type { IndicatorTableLayout } from './findTables';
import type { IndicatorLayoutKind } from './report';
import { joinTarget, withUnit } from './splitValues';

export interface SourceIndicator {
  sheet: string;
  row: number;
  layout: IndicatorLayoutKind;
  headerRow: number;
  level1: string | null;
  level2: string | null;
  task: string | null;
  name: string;
  targetText: string;
  actualText: string;
  /** Units from the headers, for bare numbers. */
  targetUnit: string | null;
  actualUnit: string | null;
  /** 分值 from the source: a number, null when the cell is empty, undefined when the table has no 分值 column. */
  weight?: number | null;
  deviationReason: string | null;
  /** A1 of the name cell: how a re-run matches this row with its row in the built sheet. */
  key: string;
  /** A1 of the target and actual cells (for messages; the form's score formulas read them). */
  targetCell: string;
  actualCell: string;
  /** The form's 指标性质 cell as written ("≥", "﹦", "定性"), when the table has that column. */
  nature?: string;
  /** A number the user typed in the table's own 得分 cell (not a formula): how qualitative and 管理效率 items are scored. */
  enteredScore?: number | null;
  /** A1 of the table's own 得分 cell, when it has that column. */
  scoreCell?: string;
}

/** A 分值 printed on a row that names no 三级 indicator: a subtotal of an 一级 / 二级 group, or the total. */
export interface DeclaredWeight {
  sheet: string;
  row: number;
  scope: 'total' | 'level1' | 'level2';
  level1: string | null;
  level2: string | null;
  weight: number;
}

export interface ReadIndicatorTable {
  indicators: SourceIndicator[];
  declared: DeclaredWeight[];
}

const TOTAL_LABEL = /^(合计|总计|总分|总分值|分值合计)$/;

/** Text a reader sees, lines joined: PDF-pasted names break mid-word ("参加失业保险\n人数"). */
function textAt(grid: SheetGrid, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  return grid.text(row, col).replace(/\s*\n\s*/g, '');
}

/** True when two columns of the row are one merged cell (a caption across the table), not two cells. */
function sameMerge(grid: SheetGrid, row: number, a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const m = grid.mergeOf(row, a);
  return m !== undefined && m === grid.mergeOf(row, b);
}

/** A number typed in the 得分 cell; a formula there (ours or the user's) is not a typed score. */
function enteredScore(grid: SheetGrid, row: number, col: number | undefined): number | null {
  if (col === undefined || grid.formula(row, col)) return null;
  return numberAt(grid, row, col);
}

function numberAt(grid: SheetGrid, row: number, col: number | undefined): number | null {
  if (col === undefined) return null;
  const a = parseAmount(grid.rawValue(row, col));
  return a.kind === 'number' ? a.value : null;
}

/** Canonical quoted sheet reference for a key ("绩效指标!B5"). */
export function sourceKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${cellAddress(row, col)}`;
}

export function readIndicatorTable(grid: SheetGrid, sheet: string, t: IndicatorTableLayout): ReadIndicatorTable {
  const c = t.columns;
  const out: ReadIndicatorTable = { indicators: [], declared: [] };
  let level1: string | null = null;
  let level2: string | null = null;
  let task: string | null = null;
  for (let r = t.firstDataRow; r <= t.lastRow; r++) {
    if (sameMerge(grid, r, c.name, c.target)) {
      // A caption or a section heading across the table; or a form's 总分 / 合计 merged over the label columns.
      const weight = numberAt(grid, r, c.weight);
      if (weight !== null && TOTAL_LABEL.test(textAt(grid, r, c.name).replace(/\s+/g, ''))) out.declared.push({ sheet, row: r, scope: 'total', level1: null, level2: null, weight });
      continue;
    }
    // Labels left blank under the first of a group belong to it, as when they are merged down.
    const l1 = textAt(grid, r, c.level1);
    if (l1 !== '' && l1 !== level1) {
      level1 = l1;
      level2 = null; // a new 一级 starts its own 二级 groups
    }
    level2 = textAt(grid, r, c.level2) || level2;
    task = textAt(grid, r, c.task) || task;
    const name = textAt(grid, r, c.name);
    const weight = numberAt(grid, r, c.weight);
    if (name === '' || grid.isCoveredByMerge(r, c.name!)) {
      declaredWeight(grid, sheet, r, t, level1, level2, weight, out);
      continue;
    }
    if (TOTAL_LABEL.test(name.replace(/\s+/g, ''))) {
      if (weight !== null) out.declared.push({ sheet, row: r, scope: 'total', level1: null, level2: null, weight });
      continue;
    }
    const reasonText = textAt(grid, r, c.reason);
    // The adjusted target, where the form gives one, is the one scored (部门整体支出绩效自评表: 调整指标值).
    const targetCol = c.adjustedTarget !== undefined && textAt(grid, r, c.adjustedTarget) !== '' ? c.adjustedTarget : c.target!;
    const unit = textAt(grid, r, c.unit);
    const nature = textAt(grid, r, c.nature);
    out.indicators.push({
      sheet,
      row: r,
      layout: t.kind,
      headerRow: t.headerRow,
      level1,
      level2,
      task,
      name,
      targetText: c.nature !== undefined || c.unit !== undefined ? joinTarget(nature, grid.displayText(r, targetCol), unit) : grid.displayText(r, targetCol),
      actualText: withUnit(grid.displayText(r, c.actual!), unit),
      targetUnit: t.targetUnit,
      actualUnit: t.actualUnit,
      weight: c.weight === undefined ? undefined : weight,
      deviationReason: reasonText === '' ? null : reasonText,
      key: sourceKey(sheet, r, c.name!),
      targetCell: cellAddress(r, targetCol),
      actualCell: cellAddress(r, c.actual!),
      nature: c.nature === undefined ? undefined : nature,
      enteredScore: enteredScore(grid, r, c.score),
      ...(c.score !== undefined ? { scoreCell: cellAddress(r, c.score) } : {}),
    });
  }
  return out;
}

/** A row with a 分值 and no 三级 name: the subtotal of its 二级 when it names one in its own cell, else of its 一级. */
function declaredWeight(
  grid: SheetGrid,
  sheet: string,
  r: number,
  t: IndicatorTableLayout,
  level1: string | null,
  level2: string | null,
  weight: number | null,
  out: ReadIndicatorTable,
) {
  if (weight === null) return;
  const c = t.columns;
  // One merged cell over several label columns (总分 across 一级–三级) is read once.
  const rowText = [...new Set([c.level1, c.level2, c.task].map((col) => textAt(grid, r, col)))].join('');
  if (TOTAL_LABEL.test(rowText.replace(/\s+/g, ''))) {
    out.declared.push({ sheet, row: r, scope: 'total', level1: null, level2: null, weight });
    return;
  }
  const ownLevel2 = c.level2 !== undefined && grid.rawValue(r, c.level2) !== null && !grid.isCoveredByMerge(r, c.level2);
  out.declared.push({ sheet, row: r, scope: ownLevel2 ? 'level2' : 'level1', level1, level2: ownLevel2 ? level2 : null, weight });
}
