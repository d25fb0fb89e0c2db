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

describe('a published variant: two-row budget header with text amounts, ≤ indicators, 定量 with the sign in the value', () => {
  const form: FormSheet = {
    name: '表',
    rows: [
      ['2023年度项目支出绩效自评表'],
      ['项目名称', '某项目', null, null, '主管部门', '某局'],
      ['预算执行情况（10分）', '资金来源', '年度预算数（万元）', null, '预算执行数', '预算执行率', '权重', '得分', '原因'],
      [null, null, '年初预算', '调整后预算数', null, null, null, null, null],
      [null, '总额', '1,200.00', '1,500.00', '1,455.00', null, 10, null, null],
      [null, '其中:财政资金', 1000, 1300, 1260, null, '/', '/', null],
      [null, '其他资金', 200, 200, 195, null, '/', '/', null],
      ['年度总体目标', '完成年度任务'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
      [null, '产出指标', '数量指标', '结转结余率', '≤', 10, '%', 12, 20, null, null],
      [null, null, '成本指标', '“三公”经费控制率', '<=', 100, '%', 95, 20, null, null],
      [null, '效益指标', '社会效益', '政策知晓率', '≥', '90', '%', '92', 20, null, null],
      [null, '满意度指标', '满意度', '群众满意度', '定性', '满意', null, '满意', 10, 9, null],
      [null, '产出指标', '质量指标', '固定资产利用率', '定量', '≥90%', null, '95%', 20, null, null],
      ['合计', null, null, null, null, null, null, null, 100, null, null],
      ['项目负责人：', null, null, '财务负责人：'],
    ],
    merges: ['A1:K1', 'A3:A7', 'B3:B4', 'C3:D3', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'B8:K8', 'A9:A14', 'A15:H15'],
  };
  it('reads the block under its two-row header and scores ≤ as target / actual (national scheme), 定性 by the typed score', async () => {
    const filled = await fillForm(form);
    expect(filled.report.tables[0].headerRows).toEqual([3, 4]);
    expect(filled.value('表', 'F5')).toBeCloseTo(0.97, 12); // "1,455.00" / "1,500.00", text amounts read by VALUE(SUBSTITUTE(…))
    expect(filled.value('表', 'H5')).toBeCloseTo(9.7, 10);
    expect(filled.value('表', 'J10')).toBeCloseTo((10 / 12) * 20, 8); // HyperFormula rounds to 10 decimals
    expect(filled.value('表', 'J11')).toBeCloseTo(20, 10);
    expect(filled.value('表', 'J12')).toBeCloseTo(20, 10);
    expect(filled.value('表', 'J14')).toBeCloseTo(20, 10);
    expect(filled.value('表', 'J15')).toBeCloseTo(9.7 + (10 / 12) * 20 + 20 + 20 + 9 + 20, 8);
    expect(await filled.rerun()).toEqual([]);
  });
});

describe('a form that lists 预算执行率 among its indicators', () => {
  it('does not count the budget line twice in the 总分', async () => {
    const base = nationalProjectForm();
    const rows = base.rows.map((r) => [...r]);
    // 学员满意度 (row 19) becomes the 预算执行率 row of the indicator block: 100% target, 97% typed.
    rows[18] = [null, '预算执行率', '预算执行率', '预算执行率', '100%', '97%', 10, null, null];
    const filled = await fillForm({ ...base, rows, merges: base.merges.filter((m) => !m.startsWith('B19') && !m.startsWith('C19')), formats: {} });
    const formula = filled.workbook.worksheets[0].getCell('H20').formula;
    expect(formula).not.toContain('H6');
  });
});

describe('a budget table and an indicator table on one sheet, nothing saying it is a form', () => {
  it('is not a form: the budget table gets its rate columns as before', () => {
    const snap = sheet('报告', [
      ['项目名称', '年初预算数', '调整后预算数', '实际支出'],
      ['培训经费', 100, 100, 95],
      ['合计', 100, 100, 95],
      [],
      ['三级指标', '年度指标值', '实际完成值'],
      ['培训人数', '≥100人', '120人'],
    ]);
    const { report } = analyzeSheet(snap, withDefaults());
    expect(report.forms).toEqual([]);
    expect(report.tables[0].addedColumns).toEqual(['E', 'F']);
  });
});

describe('a form filled in before the results are in (完成值 blank)', () => {
  it('writes score formulas that wait for the 完成值 and score it once typed, with or without the unit', async () => {
    const base = nationalProjectForm();
    const blanks: Record<string, CellValue> = {};
    for (let r = 13; r <= 19; r++) blanks[`F${r}`] = null;
    const filled = await fillForm(edited(base, blanks));
    const ws = filled.workbook.worksheets[0];
    // 培训人数, 培训场次, 学员投诉次数 get formulas; the percentage rows wait (Excel stores "95%" as 0.95).
    expect([13, 14, 18].map((r) => typeof ws.getCell(`H${r}`).formula)).toEqual(['string', 'string', 'string']);
    expect(filled.report.forms![0].indicators!.unscored.map((u) => u.row)).toEqual([15, 16, 17, 19]);
    expect(filled.value(base.name, 'H13')).toBe('');
    ws.getCell('F13').value = '1200人';
    ws.getCell('F14').value = 18;
    ws.getCell('F18').value = '7次';
    const { computeWorkbook } = await import('../../helpers/computeWithHyperFormula');
    const value = await computeWorkbook(filled.workbook);
    expect(value(base.name, 'H13')).toBeCloseTo(15, 10);
    expect(value(base.name, 'H14')).toBeCloseTo(9, 10);
    expect(value(base.name, 'H18')).toBeCloseTo((5 / 7) * 10, 8);
    expect(await filled.rerun()).toEqual([]);
  });
});
