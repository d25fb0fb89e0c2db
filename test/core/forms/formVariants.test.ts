/**
 * Issue 8: forms as they are really filed — header spellings with line breaks, spaces, units and full-width
 * brackets; a total that is not the sum of its parts; spending above budget (flagged on every row with amounts);
 * a typed 得分 kept; a sheet that is not a form is not treated as one.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSheet, parseCell, withDefaults, type CellValue } from '../../../src/core';
import { sheet } from '../../helpers/snapshot';
import { nationalProjectForm, provincialProjectForm, PROJECT_EXPECTED, type FormSheet } from '../../fixtures/forms';
import { fillForm } from './formHarness';

/** A copy of the form with some cells changed ("D6" → value). */
function edited(form: FormSheet, cells: Record<string, CellValue>): FormSheet {
  const rows = form.rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(cells)) {
    const { row, col } = parseCell(address);
    while (rows[row - 1].length < col) rows[row - 1].push(null);
    rows[row - 1][col - 1] = value;
  }
  return { ...form, rows };
}

describe('header spellings of published copies', () => {
  const form = edited(nationalProjectForm(), {
    C5: '年初\n预算数',
    D5: '全年预算数\n（万元）',
    E5: '全年 执行数',
    G5: '执行率(%)',
    H5: '得 分',
    D12: '三级\n指标',
    E12: '年度\n指标值',
    F12: '实际\n完成值',
    G12: '分值（分）',
    H12: '得分\n(分)',
  });
  it('reads line breaks, spaces, units and half- or full-width brackets alike, and scores 98.7', async () => {
    const filled = await fillForm(form);
    expect(filled.report.forms?.[0]?.kind).toBe('national-project');
    expect(filled.value(form.name, 'H6')).toBeCloseTo(PROJECT_EXPECTED.executionScore, 10);
    expect(filled.value(form.name, 'H20')).toBeCloseTo(PROJECT_EXPECTED.total, 10);
  });
});

describe('the total against its parts', () => {
  it('reports a real difference only, on the total row', async () => {
    // 其他资金 spent 3 more than the total says: 126 + 19.5 + 3 = 148.5 ≠ 145.5.
    const filled = await fillForm(edited(nationalProjectForm(), { E9: 3 }));
    const bad = filled.report.tables[0].totalsCheck.filter((c) => !c.ok);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ row: 6, column: 'actual', cell: 'E6', stated: 145.5, computed: 148.5, difference: -3, rows: [7, 8, 9] });
  });
});

describe('spending above budget, at every level', () => {
  it('flags the total row and each part spent beyond its budget; low execution stays on the total (the project)', async () => {
    // 当年财政拨款 130 → 134.7 spent (103.6 %): the total 150 → 154.2 (102.8 %) is over too.
    const filled = await fillForm(edited(provincialProjectForm({ header: 'split', leftLabel: false, unitRow: false }), { D4: 154.2, D5: 134.7 }));
    const over = filled.report.flags.filter((f) => f.rule === 'over-execution');
    expect(over.map((f) => f.row)).toEqual([4, 5]);
    expect(over.map((f) => f.cell)).toEqual(['E4', 'E5']);
    const rule = filled.plans[0].conditionalFormats.find((r) => r.rule === 'over-execution')!;
    expect(rule.ranges).toEqual(['E4:E8']);
    expect(filled.plans[0].conditionalFormats.find((r) => r.rule === 'low-execution')!.ranges).toEqual(['E4']);
  });

  it('flags 合计, 小计 and category rows of a plain table too', () => {
    const snap = sheet('表', [
      ['项目', '年初预算数', '调整后预算数', '实际支出'],
      ['一、基本支出', 100, 100, 103.7],
      ['人员经费', 60, 60, 63.7],
      ['公用经费', 40, 40, 40],
      ['小计', 100, 100, 103.7],
      ['合计', 100, 100, 103.7],
    ]);
    const { report } = analyzeSheet(snap, withDefaults());
    const over = report.flags.filter((f) => f.rule === 'over-execution').map((f) => f.name);
    expect(over).toEqual(['一、基本支出', '人员经费', '小计', '合计']);
    expect(report.flags.filter((f) => f.rule === 'low-execution')).toEqual([]);
  });
});

describe('what the user typed', () => {
  it('keeps a typed 得分 and counts it in the 总分', async () => {
    const form = edited(nationalProjectForm(), { H14: 8.5 });
    const filled = await fillForm(form);
    expect(filled.report.forms![0].kept).toEqual([]);
    expect(filled.value(form.name, 'H14')).toBe(8.5);
    expect(filled.value(form.name, 'H20')).toBeCloseTo(PROJECT_EXPECTED.total - 9 + 8.5, 10);
  });

  it('keeps a typed 总分 and says so', async () => {
    const filled = await fillForm(edited(nationalProjectForm(), { H20: 97 }));
    expect(filled.report.forms![0].kept).toEqual(['H20']);
    expect(filled.value(nationalProjectForm().name, 'H20')).toBe(97);
  });
});

describe('not a form', () => {
  it('a plain budget table is not a form: rate columns are still added as before', () => {
    const snap = sheet('表', [
      ['项目名称', '年初预算数', '调整后预算数', '实际支出'],
      ['培训经费', 100, 100, 95],
      ['合计', 100, 100, 95],
    ]);
    const { report } = analyzeSheet(snap, withDefaults());
    expect(report.forms).toEqual([]);
    expect(report.tables[0].addedColumns).toEqual(['E', 'F']);
  });
});
