/**
 * Finding indicator tables: the three layouts (seed 000's 关键性指标, seed 002's 任务 tables, the national form),
 * header spellings, two-row headers, where a table ends, and the engine's own sheet recognised as such.
 */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../src/core';
import { SheetGrid } from '../../../src/core/grid';
import { analyzeIndicators, findIndicatorTables, indicatorHeaderRole } from '../../../src/core/indicators';
import { SEED000_INDICATOR_TABLES, SEED002_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { applyPlans } from '../../helpers/computeSheets';
import { sheet } from '../../helpers/snapshot';
import { guangzhouIndicatorSheet, liwanIndicatorSheet } from './seedSheets';
import { NATIONAL_FORM } from './nationalForm';

const tablesOf = (s: Parameters<typeof findIndicatorTables>[0]['snapshot']) => findIndicatorTables(new SheetGrid(s));

describe('header spellings', () => {
  it.each([
    ['指 标 类 型', 'level1'], ['一级指标', 'level1'], ['二级指标', 'level2'], ['三级指标', 'name'], ['关键性指标', 'name'],
    ['指标', 'name'], ['任务', 'task'], ['预期值', 'target'], ['年度指标值', 'target'], ['年度绩效指标值', 'target'],
    ['实际值', 'actual'], ['实际完成值', 'actual'], ['实际完成情况', 'actual'], ['分值', 'weight'], ['得分', 'score'],
    ['偏差原因分析及改进措施', 'reason'], ['年度指标值（万人）', 'target'], ['指标\n解释', 'explanation'], ['说明及公式', 'formula'],
  ] as const)('%s → %s', (label, role) => expect(indicatorHeaderRole(label)).toBe(role));

  it('does not take budget headers for indicator ones', () => {
    for (const label of ['年初预算数', '实际支出', '预算执行率', '项目名称']) expect(indicatorHeaderRole(label)).toBeNull();
  });
});

describe('the three layouts', () => {
  it('seed 000: five 关键性指标 tables, 指标类型 merged down, captions between them', () => {
    const { snapshot, rows } = liwanIndicatorSheet(SEED000_INDICATOR_TABLES);
    const tables = tablesOf(snapshot);
    expect(tables.map((t) => [t.kind, t.headerRow, t.firstDataRow])).toEqual([
      ['key-indicators', 4, 5], ['key-indicators', 16, 17], ['key-indicators', 26, 27], ['key-indicators', 37, 38], ['key-indicators', 48, 49],
    ]);
    expect(tables[0]!.columns).toMatchObject({ level1: 1, name: 2, explanation: 3, formula: 4, target: 5, actual: 6 });
    expect(tables[4]!.lastRow).toBe(rows.at(-1));
  });

  it('seed 002: task tables with 任务 merged down the first column', () => {
    const tables = tablesOf(guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES).snapshot);
    expect(tables.map((t) => t.kind)).toEqual(['task', 'task', 'task', 'task', 'task']);
    expect(tables[0]!.columns).toEqual({ task: 1, name: 2, target: 3, actual: 4 });
  });

  it('the national form: 一级 / 二级 / 三级, 分值, 得分, 偏差原因; the 合计 row belongs, the sign-off row ends it', () => {
    const [t] = tablesOf(NATIONAL_FORM());
    expect(t).toMatchObject({ kind: 'national', headerRow: 2, firstDataRow: 3, lastRow: 11 });
    expect(t!.columns).toEqual({ level1: 1, level2: 2, name: 3, target: 4, actual: 5, weight: 6, score: 7, reason: 8 });
  });

  it('a two-row header: 绩效指标 merged over 一级 / 二级 / 三级, the other headers merged down', () => {
    const s = sheet(
      '自评表',
      [
        ['绩效指标', null, null, '年度指标值', '实际完成值', '分值'],
        ['一级指标', '二级指标', '三级指标', null, null, null],
        ['产出指标', '数量指标', '培训人数', '≥1000人', '1200人', 20],
      ],
      ['A1:C1', 'D1:D2', 'E1:E2', 'F1:F2'],
    );
    const [t] = tablesOf(s);
    expect(t).toMatchObject({ headerTop: 1, headerRow: 2, firstDataRow: 3, lastRow: 3 });
    expect(t!.columns).toMatchObject({ level1: 1, level2: 2, name: 3, target: 4, actual: 5, weight: 6 });
  });

  it('a note row ends the table; what follows is not read', () => {
    const s = sheet('s', [
      ['指标', '年度指标值', '实际完成值'],
      ['招聘场次', '2场', '2场'],
      ['注：数据来源于年度统计。'],
      ['不是指标', '3场', '1场'],
    ]);
    expect(tablesOf(s).map((t) => t.lastRow)).toEqual([2]);
    expect(analyzeIndicators([s], withDefaults()).report.indicators.map((e) => e.name)).toEqual(['预算执行率', '招聘场次']);
  });

  it('units in headers apply to bare numbers: 年度指标值（万人） 17.42 → 174200 人', () => {
    const s = sheet('s', [
      ['指标', '年度指标值（万人）', '实际完成值（万人）'],
      ['补贴城乡医保缴费人数', '17.42', '16.19'],
    ]);
    const e = analyzeIndicators([s], withDefaults()).report.indicators[1]!;
    expect(e.target).toMatchObject({ value: 174200, unit: '人' });
    expect(e.actual).toMatchObject({ value: 161900, unit: '人' });
    expect(e.completion!).toBeCloseTo(16.19 / 17.42, 12);
  });
});

it("the engine's own sheet is kind 'own', whatever its name", () => {
  const src = sheet('s', [['指标', '年度指标值', '实际完成值'], ['招聘场次', '2场', '2场']]);
  const { plan } = analyzeIndicators([src], withDefaults());
  const built = applyPlans([src], [plan]).sheets.find((x) => x.name === plan.sheet)!;
  expect(tablesOf({ ...built, name: '改了名字' }).map((t) => [t.kind, t.headerRow])).toEqual([['own', 2]]);
});
