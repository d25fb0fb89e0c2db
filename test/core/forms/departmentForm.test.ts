/**
 * Issue 8: the 部门整体支出绩效自评表, scored by the department scheme of seeds 001–003 (labelled as taken from the
 * reports): 支出率 96.92% → 9.69; 履职效能 20 + 20 + 9.69 = 49.69; 管理效率 49.97 typed by the user; 99.66.
 */
import { describe, expect, it } from 'vitest';
import { SCHEMES, withDefaults } from '../../../src/core';
import { DEPARTMENT_EXPECTED, DEPARTMENT_INDICATORS, departmentForm } from '../../fixtures/forms';
import { fillForm, formIndicators, type Filled } from './formHarness';

describe('部门整体支出绩效自评表', () => {
  const form = departmentForm();
  let filled: Filled;
  const get = (cell: string) => filled.value(form.name, cell);

  it('is a department form, scored by the department scheme, which says it is not official', async () => {
    filled = await fillForm(form);
    const f = filled.report.forms![0];
    expect(f.kind).toBe('department');
    expect(f.scheme.id).toBe('department-guangdong');
    expect(f.scheme.official).toBe(false);
    expect(f.scheme.source).toContain('001–003');
    expect(filled.report.tables[0].rows.map((r) => r.kind)).toEqual(['total']);
  });

  it('fills 执行率（%） and 执行率得分: 96.92% → 9.69 (seed 003)', () => {
    expect(get('E5')).toBeCloseTo(DEPARTMENT_EXPECTED.execution, 10);
    expect(Number((get('E5') as number).toFixed(4))).toBe(0.9692);
    expect(Number((get('G5') as number).toFixed(2))).toBe(DEPARTMENT_EXPECTED.executionScore);
  });

  it('scores the indicators against the adjusted target where there is one, keeps the typed 管理效率 scores', () => {
    // 城镇新增就业人数: 3812 against the adjusted 3500 (not the initial 3000): full marks either way, but the formula reads F8.
    const formula = filled.workbook.worksheets[0].getCell('J8').formula;
    expect(formula).toContain('F8');
    expect(formula).not.toContain('E8');
    for (let r = 8; r <= 11; r++) expect(get(`J${r}`)).toBeCloseTo(10, 10);
    const typed = DEPARTMENT_INDICATORS.filter((x) => x.score !== undefined);
    typed.forEach((x, i) => expect(get(`J${12 + i}`)).toBe(x.score));
    expect(filled.report.forms![0].indicators!.formulas).toBe(4);
    // 得分系数（%） beside each score: 100% for the achieved ones, 99.70% for 预算编制's typed 9.97.
    expect(get('H8')).toBeCloseTo(1, 12);
    expect(get('H12')).toBeCloseTo(0.997, 12);
    expect(filled.workbook.worksheets[0].getCell('H12').numFmt).toBe('0.00%');
  });

  it('totals 49.69 + 49.97 = 99.66 in the form’s 总分 cell, live', () => {
    const total = get('J17') as number;
    expect(Number(total.toFixed(2))).toBe(DEPARTMENT_EXPECTED.total);
    const performance = (get('G5') as number) + [8, 9, 10, 11].reduce((s, r) => s + (get(`J${r}`) as number), 0);
    expect(Number(performance.toFixed(2))).toBe(DEPARTMENT_EXPECTED.performance);
  });

  it('plans nothing on a second run', async () => {
    expect(await filled.rerun()).toEqual([]);
  });

  it('gives the same total in the indicator report', async () => {
    const report = await formIndicators(form);
    expect(Number(report.total.score.toFixed(2))).toBe(DEPARTMENT_EXPECTED.total);
    expect(report.total.grade).toBe('优');
    expect(report.indicators.find((e) => e.name === '预算编制')!.score).toBe(9.97);
  });
});

describe('scoring schemes as data', () => {
  it('each names its source; only the national form’s is official', () => {
    for (const s of Object.values(SCHEMES)) expect(s.source.length).toBeGreaterThan(20);
    expect(Object.values(SCHEMES).filter((s) => s.official).map((s) => s.id)).toEqual(['national-project']);
    expect(SCHEMES['department-guangdong'].groups.map((g) => g.points)).toEqual([20, 20, 50]);
  });

  it('a named scheme replaces the form’s own (finance defaults score ≤ by deviation)', async () => {
    const filled = await fillForm(departmentForm(), withDefaults({ scheme: 'finance-defaults' }));
    expect(filled.report.forms![0].scheme.id).toBe('finance-defaults');
    expect(filled.workbook.worksheets[0].getCell('J10').formula).toContain('MAX(0,1-');
  });
});
