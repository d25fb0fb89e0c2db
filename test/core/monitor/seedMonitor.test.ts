/**
 * The monitor over seed 000 (表1-2 as a finance sheet lays it out, amounts typed as text; the four project tables;
 * the key-indicator tables), computed by HyperFormula: the sheet's numbers agree with the report's, the department
 * line is 表1-2's 合计 (98.15 %), and at month 12 the projects below 60 % of the year are red.
 */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../src/core';
import { planMonitor, MONITOR_SHEET as M } from '../../../src/core/monitor';
import { SEED000_PROJECT_TABLES } from '../../fixtures/seedBudget';
import { SEED000_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { applyPlans } from '../../helpers/computeSheets';
import { seedTablesSheet } from '../../helpers/seedSheet';
import { liwanIndicatorSheet, table12 } from '../indicators/seedSheets';

const sheets = [table12(), seedTablesSheet('项目表', SEED000_PROJECT_TABLES).snapshot, liwanIndicatorSheet(SEED000_INDICATOR_TABLES).snapshot];

describe('monitor over seed 000', () => {
  const { report, plan } = planMonitor(sheets, withDefaults({ asOfMonth: 6 }));
  const wb = applyPlans(sheets, [plan]);
  const v = (a: string) => wb.value(M, a);

  it('lists 表1-2\'s 人员经费 and 日常公用经费 and the 36 projects, each once, each computed as reported', () => {
    // 行政事业类项目 and 基本建设类项目 add up the project tables: listed beside them they counted twice.
    expect(report.projects).toHaveLength(38);
    expect(report.projects.filter((p) => p.sheet === '表1-2').map((p) => p.name)).toEqual(['人员经费', '日常公用经费']);
    for (const p of report.projects) {
      const r = p.outputRow;
      expect(v(`D${r}`)).toBe(p.adjusted ?? '--');
      expect(v(`E${r}`)).toBe(p.actual ?? '--');
      if (p.executionRate === null) expect(v(`F${r}`)).toBe('--');
      else expect(v(`F${r}`) as number).toBeCloseTo(p.executionRate, 9);
      expect(v(`H${r}`)).toBe(p.progress ?? '--');
    }
  });

  it('reads amounts typed as text ("6,266.31") as numbers', () => {
    const staff = report.projects.find((p) => p.name === '人员经费')!;
    expect(wb.sheets.find((s) => s.name === M)!.formulas[staff.outputRow - 1]![3]).toBe('=IFERROR(VALUE(SUBSTITUTE(\'表1-2\'!D5,",","")),"--")');
    expect(v(`D${staff.outputRow}`)).toBe(6039.87);
  });

  it('links the department line to 表1-2\'s 合计: 98.15 %, progress 196.31 at month 6', () => {
    expect(report.overall.linkedTo).toMatchObject({ sheet: '表1-2', row: 11 });
    expect(v('B9') as number).toBeCloseTo(0.9815, 4);
    expect(v('B10')).toBe(196.31);
    expect(v('B11')).toBe('绿灯');
  });

  it('at month 12 the year-end rates decide: 45.89 % and 57.99 % are red, 83.02 % and the other 80 %+ green', () => {
    const dec = planMonitor(sheets, withDefaults({ asOfMonth: 12 }));
    const light = (name: string) => dec.report.projects.find((p) => p.name === name)!.light;
    expect(light('劳动保障监察工作经费')).toBe('red');
    expect(light('国有企业退休人员社会化管理（中央）财政补助资金')).toBe('red');
    expect(light('仲裁院专项工作经费')).toBe('green');
    expect(dec.report.summary).toEqual({ red: 2, yellow: 0, green: 36, none: 0 });
    const computed = applyPlans(sheets, [dec.plan]);
    expect([computed.value(M, 'B4'), computed.value(M, 'B5'), computed.value(M, 'B6')]).toEqual([2, 0, 36]);
  });

  it('splits "2000、8000 人" into two indicator rows and keeps qualitative ones as text', () => {
    const parts = report.indicators.filter((i) => i.key.startsWith('绩效指标!B5#'));
    expect(parts.map((i) => [i.name, i.target, i.current])).toEqual([
      ['全区促进创业人数，创业带动就业人数（1）', 2000, 3197],
      ['全区促进创业人数，创业带动就业人数（2）', 8000, 12063],
    ]);
    const qualitative = report.indicators.find((i) => i.name === '社保政策落实')!;
    expect(v(`D${qualitative.outputRow}`)).toBe('落实');
    expect(v(`F${qualitative.outputRow}`)).toBe('');
  });

  it('does not project a rate by the calendar: 养老保险发放率 stays at 100 % at month 6; counts are projected', () => {
    const rate = report.indicators.find((i) => i.name === '养老保险发放率')!;
    expect(rate.cumulative).toBe(false);
    expect(rate.projected).toBe(1);
    const count = report.indicators.find((i) => i.name === '提供各类就业岗位')!;
    expect(count.cumulative).toBe(true);
  });

  it('puts the title across the sheet and the block captions over the wide name column', () => {
    expect(plan.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 10 });
    expect(v('B13')).toBe('一、资金执行监控');
    expect(v('A13')).toBeNull();
  });
});
