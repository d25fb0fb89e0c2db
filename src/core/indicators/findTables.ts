/**
 * Finding indicator tables in a sheet: a header row naming an indicator column (三级指标, 关键性指标, 指标), a
 * target column (预期值, 年度指标值…) and an actual column (实际值, 实际完成情况…), with data rows below until
 * two blank rows, a note or sign-off line, or the next table's header. A header row that carries this engine's
 * own columns (目标值, 实际值, 方向, 完成率, 定性评级, 状态…) is the sheet it built: reported as kind 'own'.
 */
import type { SheetGrid } from '../grid';
import { indicatorHeaderRole, ownHeaderColumns, splitHeaderUnit, type IndicatorRole, type OwnColumn } from './headers';
import type { IndicatorLayoutKind } from './report';

export interface IndicatorTableLayout {
  kind: IndicatorLayoutKind;
  /** The row whose labels give the roles (the lower row of a two-row header). */
  headerRow: number;
  /** The first row of the header (a group label such as 绩效指标 may sit over the role row). */
  headerTop: number;
  firstDataRow: number;
  /** Last row that belongs to the table (lastRow < firstDataRow when it has none). */
  lastRow: number;
  firstCol: number;
  lastCol: number;
  columns: Partial<Record<IndicatorRole, number>>;
  /** Columns of the engine's own sheet (kind 'own'). */
  own?: Partial<Record<OwnColumn, number>>;
  /** Units written in the target / actual headers ("年度指标值（万人）"). */
  targetUnit: string | null;
  actualUnit: string | null;
}

/**
 * Note, source and sign-off lines end a table (the same words as under budget tables), and so do the closing rows
 * of the standard forms (评价结论, 存在问题, 改进措施, 项目负责人：…), which are never indicators.
 */
export const NOTE_ROW =
  /^(注|备注|说明[:：]|填报人|填表人|填报单位|填报日期|审核人|复核人|制表|单位负责人|财务负责人|项目负责人|负责人|数据来源|资料来源|联系电话|评价结论|自评结论|总体评价|存在问题|主要问题|存在的问题|改进措施|整改措施|改进建议|问题及改进|其他需要说明)/;

/** Labels that name a block of a form, not its indicators (a weaker 'name' than 三级指标 / 指标名称). */
const WEAK_NAME = /^(绩效指标|指标)([(（].*[)）])?$/;

function rowLabels(grid: SheetGrid, r: number): Map<number, string> {
  const labels = new Map<number, string>();
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const t = grid.text(r, c);
    if (t !== '') labels.set(c, t);
  }
  return labels;
}

interface HeaderMatch {
  columns: Partial<Record<IndicatorRole, number>>;
  own?: Partial<Record<OwnColumn, number>>;
  targetUnit: string | null;
  actualUnit: string | null;
}

/** Roles of one row's labels; the first column wins for each role (a merged 绩效指标 spans three). */
function matchRow(grid: SheetGrid, r: number): HeaderMatch | null {
  const labels = rowLabels(grid, r);
  const own = ownHeaderColumns(labels);
  if (own) return { columns: {}, own, targetUnit: null, actualUnit: null };
  const columns: Partial<Record<IndicatorRole, number>> = {};
  let targetUnit: string | null = null;
  let actualUnit: string | null = null;
  for (const [c, text] of [...labels.entries()].sort((a, b) => a[0] - b[0])) {
    const role = indicatorHeaderRole(text);
    if (!role) continue;
    // A label column 绩效指标 (merged down the left of a form) names the block, not the indicators: 三级指标 wins.
    const weakName = role === 'name' && columns.name !== undefined && WEAK_NAME.test(labels.get(columns.name)!.replace(/\s+/g, ''));
    if (columns[role] !== undefined && !weakName) continue;
    columns[role] = c;
    if (role === 'target') targetUnit = splitHeaderUnit(text).unit;
    if (role === 'actual') actualUnit = splitHeaderUnit(text).unit;
  }
  const ok = columns.name !== undefined && columns.target !== undefined && columns.actual !== undefined;
  return ok ? { columns, targetUnit, actualUnit } : null;
}

/** True for a header of another table (indicator or own) at row r. */
export function isIndicatorHeader(grid: SheetGrid, r: number): boolean {
  return matchRow(grid, r) !== null;
}

function kindOf(m: HeaderMatch): IndicatorLayoutKind {
  if (m.own) return 'own';
  const c = m.columns;
  if (c.level2 !== undefined || c.weight !== undefined || c.score !== undefined) return 'national';
  if (c.level1 !== undefined) return 'key-indicators';
  if (c.task !== undefined) return 'task';
  return 'simple';
}

function rowIsBlank(grid: SheetGrid, r: number, firstCol: number, lastCol: number): boolean {
  for (let c = firstCol; c <= lastCol; c++) {
    const v = grid.rawValue(r, c);
    if (v !== null && v !== '') return false;
  }
  return true;
}

function firstRawText(grid: SheetGrid, r: number, firstCol: number, lastCol: number): string {
  for (let c = firstCol; c <= lastCol; c++) {
    const v = grid.rawValue(r, c);
    if (v !== null && String(v).trim() !== '') return String(v).replace(/\s+/g, '');
  }
  return '';
}

/** Where the table that starts below its header ends. */
function lastRowOf(grid: SheetGrid, firstDataRow: number, firstCol: number, lastCol: number): number {
  let last = firstDataRow - 1;
  let blanks = 0;
  for (let r = firstDataRow; r <= grid.lastRow; r++) {
    if (rowIsBlank(grid, r, firstCol, lastCol)) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    if (isIndicatorHeader(grid, r)) break;
    // From the sheet's first column: a form's closing labels (评价结论, 项目负责人：) sit in its left label column.
    if (NOTE_ROW.test(firstRawText(grid, r, grid.firstCol, lastCol))) break;
    last = r;
  }
  return last;
}

/** Every indicator table of the sheet, top to bottom (the engine's own sheet comes back as kind 'own'). */
export function findIndicatorTables(grid: SheetGrid): IndicatorTableLayout[] {
  const tables: IndicatorTableLayout[] = [];
  let r = grid.firstRow;
  while (r <= grid.lastRow) {
    let match = matchRow(grid, r);
    if (!match) {
      r++;
      continue;
    }
    const headerTop = r;
    // A group label over the role row (绩效指标 merged over 一级/二级/三级): the lower row names the roles.
    const below = r < grid.lastRow ? matchRow(grid, r + 1) : null;
    if (below && !below.own && !match.own && (below.columns.level1 !== undefined || below.columns.level2 !== undefined)) {
      match = below;
      r++;
    }
    const cols = match.own ? Object.values(match.own) : Object.values(match.columns);
    const firstCol = Math.min(...(cols as number[]));
    const lastCol = Math.max(...(cols as number[]));
    const lastRow = lastRowOf(grid, r + 1, firstCol, lastCol);
    tables.push({
      kind: kindOf(match),
      headerRow: r,
      headerTop,
      firstDataRow: r + 1,
      lastRow,
      firstCol,
      lastCol,
      columns: match.columns,
      own: match.own,
      targetUnit: match.targetUnit,
      actualUnit: match.actualUnit,
    });
    r = Math.max(lastRow, r) + 1;
  }
  return tables;
}
