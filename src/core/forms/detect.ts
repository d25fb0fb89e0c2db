/**
 * Recognising a standard form (DOMAIN.md §6): a budget block (a budget header, then a total row and its parts) and,
 * below it, an indicator block or a goal block. The budget block ends where the next block starts: the goal rows
 * (年度总体目标), the indicator header (or a label over it), or the closing rows (评价结论, 项目负责人：…). Forms are a
 * page or two: a sheet of more than MAX_FORM_ROWS rows is a table, not a form, and is not searched (speed).
 */
import type { SheetGrid } from '../grid';
import { normalizeLabel } from '../cells/text';
import { headerAt } from '../budget/findTables';
import { findIndicatorTables } from '../indicators/findTables';
import type { FormKind, FormLayout } from './types';

const MAX_FORM_ROWS = 400;

/** First words of the rows that start another block of a form (after normalizeLabel: half-width, no spaces). */
const SECTION_START =
  /^(年度总体目标|总体目标|年度绩效目标|绩效目标|年度目标|项目绩效目标|部门整体绩效目标|绩效指标|一级指标|评价结论|自评结论|总体评价|存在问题|主要问题|改进措施|项目负责人|财务负责人|单位负责人|填报人|联系人)/;

/** Rows that say the sheet is a form even without an indicator block. */
const GOAL = /^(年度总体目标|总体目标|年度绩效目标|绩效目标|项目绩效目标|部门整体绩效目标)/;

/** The first text of a row, from the sheet's first column (merged cells count once, at their top-left). */
function leadText(grid: SheetGrid, row: number): string {
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const v = grid.rawValue(row, c);
    if (v !== null && String(v).trim() !== '') return normalizeLabel(String(v));
  }
  return '';
}

/** Every text of some rows, normalised and joined (to look for the words that tell the kinds apart). */
function textOf(grid: SheetGrid, rows: number[]): string {
  const out: string[] = [];
  for (const r of rows) for (let c = grid.firstCol; c <= grid.lastCol; c++) out.push(normalizeLabel(grid.text(r, c)));
  return out.join('|');
}

function kindOf(grid: SheetGrid, budgetRows: number[], indicatorRows: number[], above: string, budgetNames: string): FormKind {
  const budget = textOf(grid, budgetRows);
  const indicators = textOf(grid, indicatorRows);
  if (/部门整体/.test(above) || /执行率权重|执行率得分/.test(budget) || /调整指标值|年初指标值|是否核心指标/.test(indicators)) return 'department';
  if (/年度资金总额/.test(budgetNames) || (/全年预算数/.test(budget) && /全年执行数/.test(budget))) return 'national-project';
  return 'provincial-project';
}

/** The form a sheet is, or null. */
export function detectForm(grid: SheetGrid): FormLayout | null {
  if (grid.lastRow - grid.firstRow > MAX_FORM_ROWS) return null;
  let budget: ReturnType<typeof headerAt> = null;
  for (let r = grid.firstRow; r <= grid.lastRow && !budget; r++) budget = headerAt(grid, r);
  if (!budget) return null;
  const headerEnd = budget.rows[budget.rows.length - 1];
  const indicators = findIndicatorTables(grid).find((t) => t.kind !== 'own' && t.headerTop > headerEnd) ?? null;
  let budgetEnd = indicators?.headerTop ?? grid.lastRow + 1;
  let goal = false;
  for (let r = headerEnd + 1; r < budgetEnd; r++) {
    const lead = leadText(grid, r);
    if (!SECTION_START.test(lead)) continue;
    goal = GOAL.test(lead);
    budgetEnd = r;
  }
  if (!indicators && !goal) return null;
  const above: string[] = [];
  const aboveRows: number[] = [];
  for (let r = grid.firstRow; r < budget.rows[0]; r++) {
    above.push(leadText(grid, r));
    aboveRows.push(r);
  }
  const aboveText = textOf(grid, aboveRows);
  // A budget table with an indicator table under it is a form only when something says so: the title, the
  // information rows, a goal block, or 分值 / 得分 in the budget header (a report's sheet may hold both tables).
  const marked = goal || /自评表|评价表|项目名称|主管部门|实施单位|部门名称/.test(aboveText) || /分值|权重|得分/.test(textOf(grid, budget.rows));
  if (!marked) return null;
  const names: string[] = [];
  for (let r = headerEnd + 1; r < budgetEnd; r++) names.push(textOf(grid, [r]));
  const indicatorRows = indicators ? [indicators.headerTop, indicators.headerRow] : [];
  const kind = kindOf(grid, budget.rows, indicatorRows, above.join('|'), names.join('|'));
  const title = above.filter((t) => t !== '' && !/^单位/.test(t)).sort((a, b) => b.length - a.length)[0] ?? null;
  return { kind, budgetHeaderRow: budget.rows[0], budgetEnd, indicators, title };
}
