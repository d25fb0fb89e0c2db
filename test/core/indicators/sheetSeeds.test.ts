/**
 * Every indicator of seeds 000 and 002, through the BUILT SHEET: the plan of analyzeIndicators is applied to the
 * seed sheets and its formulas are computed by HyperFormula. The sheet's 完成率 reproduces the completion the
 * seed printed (seed 002: 200.39%, 115.13%…) or, where it printed none, actual ÷ target of its two columns; the
 * sheet's 得分 and 状态 agree with the report.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, withDefaults } from '../../../src/core';
import { analyzeIndicators, OWN_COLUMNS, type IndicatorEntry } from '../../../src/core/indicators';
import { SEED000_INDICATOR_TABLES, SEED002_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { applyPlans } from '../../helpers/computeSheets';
import { guangzhouIndicatorSheet, liwanIndicatorSheet, table12 } from './seedSheets';
import { EXPECTED_000, type Expected } from './seedExpected';
import { columnLetter } from '../../../src/core';

const settings = withDefaults();
const letter = (key: keyof typeof OWN_COLUMNS) => columnLetter(OWN_COLUMNS[key].col);

function build(snapshots: Parameters<typeof analyzeIndicators>[0], withBudget: boolean) {
  const budget = withBudget ? analyzeWorkbook(snapshots, settings) : undefined;
  const { report, plan } = analyzeIndicators(snapshots, settings, budget?.report);
  const wb = applyPlans(snapshots, [...(budget?.plans ?? []), plan]);
  const cell = (e: IndicatorEntry, key: keyof typeof OWN_COLUMNS) => wb.value(report.sheet, `${letter(key)}${e.outputRow}`);
  return { report, plan, wb, cell, budget };
}

/** Seed 002 in fixture order. */
const EXPECTED_002: Expected[] = [
  30.55 / 25, 5.11 / 2.55, 13.24 / 11.5, 5.63 / 4.43,
  528 / 500, 1, 1, 'qualitative', 1,
  1, 1, 59.24 / 58, 1800 / 1690, 714.83 / 709, 1023.42 / 977,
  3796 / 3000, 100 / 98, 100 / 96, 96.61 / 95, 79.1 / 75, 'qualitative',
  70442 / 70000, 152 / 150, 3303 / 3200, 31168 / 30000, 100 / 95,
];

const statusWord = (x: number) => (x < 1 ? '未完成' : x > 1.5 ? '超额' : '已完成');

describe('seed 000 (荔湾 2021) through the built sheet', () => {
  const liwan = liwanIndicatorSheet(SEED000_INDICATOR_TABLES);
  const { report, cell, wb } = build([table12(), liwan.snapshot], true);
  const rows = report.indicators.filter((e) => e.kind === 'indicator');

  it('reads all 38 indicators of the five tables, in order, from their own rows', () => {
    expect(report.tables.map((t) => [t.layout, t.indicators])).toEqual([
      ['key-indicators', 9], ['key-indicators', 7], ['key-indicators', 8], ['key-indicators', 8], ['key-indicators', 6],
    ]);
    expect(rows.map((e) => e.name)).toEqual(liwan.indicators.map((r) => r.name));
    expect(rows.map((e) => e.row)).toEqual(liwan.rows);
    expect(rows.map((e) => e.level1)).toEqual(liwan.indicators.map((r) => r.level1));
  });

  EXPECTED_000.forEach((expected, i) => {
    const seed = SEED000_INDICATOR_TABLES.flatMap((t) => t.rows)[i]!;
    it(`${seed.name} ${seed.targetText} → ${seed.actualText}`, () => {
      const e = rows[i]!;
      expect(cell(e, 'targetText')).toBe(seed.targetText);
      expect(cell(e, 'actualText')).toBe(seed.actualText);
      if (expected === 'qualitative') {
        expect([cell(e, 'direction'), cell(e, 'completion'), cell(e, 'score'), cell(e, 'status')]).toEqual(['定性', '--', '', '定性']);
        expect(e).toMatchObject({ status: 'qualitative', completion: null, score: null });
        return;
      }
      expect(cell(e, 'completion') as number).toBeCloseTo(expected, 9);
      expect(e.completion!).toBeCloseTo(expected, 9);
      expect(cell(e, 'status')).toBe(statusWord(expected));
      expect(cell(e, 'score') as number).toBeCloseTo(e.weight! * Math.min(1, expected), 9);
      expect(e.score!).toBeCloseTo(cell(e, 'score') as number, 9);
    });
  });

  it('17.42 万人 → 16.19 万人 shows both in 万人 and is 92.9%, short', () => {
    const e = rows.find((r) => r.target.text === '17.42 万人')!;
    expect([cell(e, 'target'), cell(e, 'actual'), cell(e, 'unit')]).toEqual([17.42, 16.19, '万人']);
    expect(((cell(e, 'completion') as number) * 100).toFixed(1)).toBe('92.9');
    expect(e.target).toMatchObject({ value: 174200, unit: '人', direction: 'higher' });
  });

  it('850 件 → 4093 件 is 481.53%, 超额, and earns no more than its weight', () => {
    const e = rows.find((r) => r.name === '处理劳资纠纷案件数')!;
    expect(((cell(e, 'completion') as number) * 100).toFixed(2)).toBe('481.53');
    expect(cell(e, 'status')).toBe('超额');
    expect(cell(e, 'score')).toBeCloseTo(e.weight!, 9);
  });

  it('"2000、8000 人" → "3197、12063 人": one row per part under the indicator, each compared with its own', () => {
    const e = rows[0]!;
    const [first, second] = [e.outputRow + 1, e.outputRow + 2];
    const at = (key: keyof typeof OWN_COLUMNS, row: number) => wb.value(report.sheet, `${letter(key)}${row}`);
    expect([at('target', first), at('actual', first), at('completion', first)]).toEqual([2000, 3197, 1.5985]);
    expect([at('target', second), at('actual', second), at('completion', second)]).toEqual([8000, 12063, 1.507875]);
    expect([cell(e, 'target'), cell(e, 'actual')]).toEqual([null, null]);
    expect(e.partCompletions).toEqual([1.5985, 1.507875]);
    expect(cell(e, 'status')).toBe('超额');
    // Part rows carry no weight of their own: the total counts the indicator once.
    expect([at('weight', first), at('score', first)]).toEqual([null, null]);
  });
});

describe('seed 002 (广州 2022, free text) through the built sheet', () => {
  const gz = guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES);
  const { report, cell } = build([gz.snapshot], false);
  const rows = report.indicators.filter((e) => e.kind === 'indicator');
  const seeds = SEED002_INDICATOR_TABLES.flatMap((t) => t.rows);

  it('reads the 26 indicators of the five task tables, with their 任务', () => {
    expect(report.tables.map((t) => t.layout)).toEqual(['task', 'task', 'task', 'task', 'task']);
    expect(rows.map((e) => e.name)).toEqual(seeds.map((r) => r.name));
    expect(rows.map((e) => e.task)).toEqual(seeds.map((r) => r.task));
  });

  it('a table without 一级指标 leaves the column blank: the 预算执行率 line is not filled down over the indicators', () => {
    const level1 = rows.map((e) => cell(e, 'level1'));
    expect(level1.filter((v) => v === '预算执行率')).toEqual([]);
  });

  EXPECTED_002.forEach((expected, i) => {
    const seed = seeds[i]!;
    it(`${seed.name}${seed.printedCompletion ? ` reproduces the printed ${seed.printedCompletion}` : ''}`, () => {
      const e = rows[i]!;
      if (expected === 'qualitative') {
        expect([cell(e, 'completion'), cell(e, 'status'), cell(e, 'score')]).toEqual(['--', '定性', '']);
        return;
      }
      const completion = cell(e, 'completion') as number;
      expect(completion).toBeCloseTo(expected, 9);
      if (seed.printedCompletion) {
        const decimals = seed.printedCompletion.split('.')[1]!.length - 1;
        expect(`${(completion * 100).toFixed(decimals)}%`).toBe(seed.printedCompletion);
      }
      // 2022: every indicator met; the over-achieved one earns its weight and no more.
      expect(cell(e, 'score') as number).toBeCloseTo(e.weight!, 9);
      expect(cell(e, 'status')).toBe(statusWord(expected));
    });
  });

  it('flags 扶持成功创业人数 (200.39%) alone as 超额, the points the report says were lost', () => {
    expect(rows.filter((e) => cell(e, 'status') === '超额').map((e) => e.name)).toEqual(['扶持成功创业人数']);
    expect(report.flags.filter((f) => f.rule === 'over').map((f) => f.name)).toEqual(['扶持成功创业人数']);
  });

  it('有效投诉数量 不超10次 against 0次 is lower-is-better and scores full', () => {
    const e = rows.find((r) => r.name === '有效投诉数量')!;
    expect([cell(e, 'target'), cell(e, 'actual'), cell(e, 'unit'), cell(e, 'direction')]).toEqual([10, 0, '次', '反向']);
    expect([cell(e, 'completion'), cell(e, 'status')]).toEqual([1, '已完成']);
    expect(cell(e, 'score')).toBe(e.weight);
    expect(e).toMatchObject({ status: 'achieved', completion: 1, score: e.weight });
  });

  it('takes 528 名 for "约 500 人" out of the sentence (not 6900 万元), and 3 万人 against 31168 人 in 万人', () => {
    const postdoc = rows.find((r) => r.name === '在站博士后研究人员发放生活补贴人数')!;
    expect([cell(postdoc, 'target'), cell(postdoc, 'actual'), cell(postdoc, 'direction')]).toEqual([500, 528, '等于']);
    const intake = rows.find((r) => r.name === '技工学校招生人数')!;
    expect([cell(intake, 'target'), cell(intake, 'actual'), cell(intake, 'unit')]).toEqual([3, 3.1168, '万人']);
  });
});
