/** Next year's sheet names and the years moved in titles: with a year, without, unknown, the 31-character limit. */
import { describe, expect, it } from 'vitest';
import { withDefaults, type CellValue } from '../../../src/core';
import {
  MAX_SHEET_NAME, nextSheetName, planNextYear, planRollover, shiftTextYears, validSheetName, yearsInText,
} from '../../../src/core/nextYear';
import { sheet } from '../../helpers/snapshot';
import { applyPlansWithCopies } from '../../helpers/copySheet';

const settings = withDefaults();

/** A small budget table under a title. */
function budgetSheet(name: string, title: string | null): ReturnType<typeof sheet> {
  const rows: CellValue[][] = [
    [title],
    ['单位：万元'],
    ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出'],
    ['1', '甲项目', 100, 100, 95],
    [null, '合计', 100, 100, 95],
  ];
  return sheet(name, rows);
}

describe('years in text', () => {
  it('moves years followed by 年 or after 年度 / 年份, and nothing else', () => {
    expect(shiftTextYears('2021年部门整体支出', 1)).toBe('2022年部门整体支出');
    // A date is when the form was filled, not the year it reports: neither moved nor counted.
    expect(shiftTextYears('填报日期：2022年5月16日', 1)).toBe('填报日期：2022年5月16日');
    expect(yearsInText('填报日期：2022年5月16日')).toEqual([]);
    expect(shiftTextYears('2021 年度绩效目标', 1)).toBe('2022 年度绩效目标');
    expect(shiftTextYears('年度：2021', 1)).toBe('年度：2022');
    expect(shiftTextYears('年度2021年', 1)).toBe('年度2022年'); // one year, moved once
    expect(shiftTextYears('2020—2021年对比', 1)).toBe('2021—2022年对比');
    expect(shiftTextYears('2020-2021 年度', 1)).toBe('2021-2022 年度');
    expect(shiftTextYears('穗财农[2021]38 号', 1)).toBe('穗财农[2021]38 号');
    expect(shiftTextYears('支出 12021年', 1)).toBe('支出 12021年');
    expect(shiftTextYears('增长 2.2021年', 1)).toBe('增长 2.2021年');
    expect(shiftTextYears('金额 2021 万元', 1)).toBe('金额 2021 万元');
    expect(yearsInText('2020年和2021年')).toEqual([2020, 2021]);
  });
});

describe('sheet names', () => {
  it('advances a year in the name, suffixes a name without one', () => {
    expect(nextSheetName('2021年项目表', 2022, 1)).toBe('2022年项目表');
    expect(nextSheetName('项目2021', 2022, 1)).toBe('项目2022');
    expect(nextSheetName('表1-2', 2022, 1)).toBe('表1-2（2022年）');
    expect(nextSheetName('表1-2', null, null)).toBe('表1-2（下一年度）');
  });

  it('keeps names within 31 characters and without forbidden characters', () => {
    const long = '部门整体支出资金执行情况表及各项目支出明细汇总对照表格';
    const next = nextSheetName(long, 2022, null);
    expect([...next].length).toBe(MAX_SHEET_NAME);
    expect(next.endsWith('（2022年）')).toBe(true);
    expect(nextSheetName(long, null, null).endsWith('（下一年度）')).toBe(true);
    expect([...nextSheetName(long, null, null)].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(validSheetName("'a[b]:c*d?e/f\\g'")).toBe('a_b__c_d_e_f_g');
  });
});

describe('which year, from where', () => {
  it('takes the sheet\'s own title, else the workbook\'s, else none', () => {
    const r = planRollover([budgetSheet('表1', '2021年项目支出情况'), budgetSheet('表2', '项目支出情况')]);
    expect(r.targets.map((t) => [t.source, t.target, t.yearSource])).toEqual([
      ['表1', '表1（2022年）', 'sheet'],
      ['表2', '表2（2022年）', 'workbook'],
    ]);
    expect(planRollover([budgetSheet('表2', '项目支出情况')]).targets[0]!.target).toBe('表2（下一年度）');
  });

  it('--year wins, and moves the title by the difference', () => {
    const { report, plans } = planNextYear([budgetSheet('2021年项目表', '2021年项目支出情况')], settings, { year: 2024 });
    expect(report.sheets[0]).toMatchObject({ to: '2024年项目表', year: 2024, yearSource: 'option', yearsMoved: 1 });
    const title = plans[0]!.writes.find((w) => w.row === 1 && w.col === 1)!;
    expect(title.inputs).toEqual([['2024年项目支出情况']]);
    expect(title.before).toEqual([['2021年项目支出情况']]);
  });

  it('a project\'s name keeps its year', () => {
    const s = budgetSheet('表3', '2021年项目支出情况');
    s.values[3]![1] = '2021年中央就业补助资金（第二批）';
    const { plans } = planNextYear([s], settings);
    expect(plans[0]!.writes.some((w) => w.row === 4 && w.col === 2)).toBe(false);
  });

  it('two sources cut to the same name get distinct targets, the same ones on every run', () => {
    const base = '部门整体支出资金执行情况表及各项目支出明细汇总对照';
    const a = budgetSheet(`${base}甲`, '2021年');
    const b = budgetSheet(`${base}乙`, '2021年');
    const r = planRollover([a, b]);
    expect(r.targets.map((t) => t.target)).toEqual([`${base.slice(0, 24)}（2022年）`, `${base.slice(0, 22)}~2（2022年）`]);
    expect(r.targets.every((t) => [...t.target].length <= MAX_SHEET_NAME)).toBe(true);
    const { plans } = planNextYear([a, b], settings);
    const again = planNextYear(applyPlansWithCopies([a, b], plans).sheets, settings);
    expect(again.plans).toEqual([]);
    expect(again.report.sheets.map((s) => s.to)).toEqual(r.targets.map((t) => t.target));
  });

  it('rejects a year that is not one', () => {
    expect(() => planNextYear([budgetSheet('表1', null)], settings, { year: 22 })).toThrow(/year/);
  });
});
