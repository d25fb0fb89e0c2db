/**
 * A small Chinese budget table for the front-end tests, and a hand-made plan for it (the engine is written
 * separately; these tests check the Office.js side only).
 *
 *   row 1  2024年部门预算执行情况表            (A1:F1 merged)
 *   row 3  序号 | 项目名称 | 预算数 (C3:D3)      | 执行数 | 执行率
 *   row 4       |          | 年初预算数 | 调整后预算数 |       |
 *   row 5… 1    | 项目1    | 80000      | 73920.34     | 72555.63 | (empty: the plan fills it)
 */
import type { Plan, RangeWrite } from '../../src/core';
import { emptyPlan } from '../../src/core';
import { loadWorkbookFromJson, type SheetJson, type SimCellInput } from '../../src/preview/sim';

export const SHEET = '预算执行表';
export const FIRST_DATA_ROW = 5;

/** Every seventh project is far behind (50 % executed), so the low-execution rule has something to flag. */
export function projectRow(i: number): SimCellInput[] {
  if (i === 1) return [1, '项目1', 80000, 73920.34, 72555.63, null];
  const adjusted = 1000 + i;
  const executed = i % 7 === 0 ? adjusted * 0.5 : adjusted * 0.95;
  return [i, `项目${i}`, adjusted + 100, adjusted, Math.round(executed * 100) / 100, null];
}

export function budgetSheet(rows: number, name = SHEET): SheetJson {
  const cells: SimCellInput[][] = [
    ['2024年部门预算执行情况表', null, null, null, null, null],
    ['单位：元', null, null, null, null, null],
    ['序号', '项目名称', '预算数', null, '执行数', '执行率'],
    [null, null, '年初预算数', '调整后预算数', null, null],
  ];
  for (let i = 1; i <= rows; i++) cells.push(projectRow(i));
  const numberFormats = cells.map((_, r) => (r >= 4 ? [null, null, '#,##0.00', '#,##0.00', '#,##0.00', null] : []));
  return {
    name,
    cells,
    numberFormats,
    merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'F3:F4'],
  };
}

export function budgetBook(rows: number, options: { apiVersion?: string } = {}) {
  return loadWorkbookFromJson({ sheets: [budgetSheet(rows)] }, options);
}

export const LOW_RULE_FORMULA = '=AND(ISNUMBER(F5),F5<0.9)';

/** The plan the engine would make: rate formulas in F, a flag rule, notes on flagged rows, a width. */
export function ratePlan(rows: number, options: { notes?: boolean } = {}): Plan {
  const last = FIRST_DATA_ROW + rows - 1;
  const inputs = Array.from({ length: rows }, (_, i) => [`=IFERROR(E${FIRST_DATA_ROW + i}/D${FIRST_DATA_ROW + i},"--")`]);
  const write: RangeWrite = {
    row: FIRST_DATA_ROW,
    col: 6,
    inputs,
    numberFormat: '0.00%',
    before: inputs.map(() => [null]),
    beforeFormats: inputs.map(() => ['General']),
    purpose: 'rate',
  };
  const plan = emptyPlan(SHEET);
  plan.writes.push(write);
  plan.conditionalFormats.push({
    rule: 'low-execution',
    ranges: [`F${FIRST_DATA_ROW}:F${last}`],
    formula: LOW_RULE_FORMULA,
    style: { fill: '#FFC7CE', font: '#9C0006' },
    priority: 1,
    stopIfTrue: true,
  });
  plan.columnWidths.push({ col: 6, width: 10 });
  if (options.notes) {
    for (let i = 7; i <= rows; i += 7)
      plan.notes.push({ row: FIRST_DATA_ROW + i - 1, col: 6, text: `执行率低于 90%（项目${i}）`, before: null });
  }
  return plan;
}
