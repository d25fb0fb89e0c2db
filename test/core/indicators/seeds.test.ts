/**
 * Every indicator row of seeds 000 and 002 goes through parse → extract → completion → score. Where a seed
 * prints a completion, it is reproduced at the printed precision (seed 002 rounds: 5.11/2.55 = 2.00392 → 200.39%).
 */
import { describe, expect, it } from 'vitest';
import { completionRate, extractActual, indicatorScore, parseIndicatorValue, printedCompletion } from '../../../src/core/indicators';
import type { IndicatorStatus } from '../../../src/core/indicators';
import { SEED_000, SEED_002, type SeedRow } from './seedRows';
import { EXPECTED_000, type Expected } from './seedExpected';

/** Percent at `decimals` places, as a report prints it. */
function printed(fraction: number, decimals: number): string {
  return (fraction * 100).toFixed(decimals);
}

function run(row: SeedRow) {
  const target = parseIndicatorValue(row.target, { name: row.name });
  const actual = extractActual(row.actual, target);
  return { target, actual, completion: completionRate(target, actual), score: indicatorScore(target, actual, 10) };
}

describe('seed 000: 关键性指标及完成情况 (预期值 / 实际值)', () => {
  it('has one expectation per row', () => expect(EXPECTED_000).toHaveLength(SEED_000.length));

  SEED_000.forEach((row, i) => {
    const expected = EXPECTED_000[i]!;
    it(`line ${row.line}: ${row.name} ${JSON.stringify(row.target)} → ${JSON.stringify(row.actual)}`, () => {
      const r = run(row);
      if (expected === 'qualitative') {
        expect(r.target.kind).toBe('qualitative');
        expect(r.actual.qualitativeWord).toBe(r.target.qualitativeWord);
        expect(r.completion.completion).toBeNull();
        // No band chosen: no score, never a guess.
        expect(r.score).toMatchObject({ status: 'qualitative', score: null });
        return;
      }
      expect(r.completion.completion).toBeCloseTo(expected, 10);
      const status: IndicatorStatus = expected > 1.5 ? 'over' : expected >= 1 ? 'achieved' : 'short';
      expect(r.score.status).toBe(status);
      expect(r.score.score).toBeCloseTo(Math.min(1, expected) * 10, 10);
    });
  });

  it('850 件 → 4093 件 is 481% (DOMAIN.md truncates 481.53%), over-achieved, full marks only', () => {
    const r = run(SEED_000[3]!);
    expect(Math.floor(r.completion.completion! * 100)).toBe(481);
    expect(printed(r.completion.completion!, 2)).toBe('481.53');
    expect(r.score).toMatchObject({ status: 'over', score: 10 });
  });

  it('17.42 万人 → 16.19 万人 is 92.9%, short, scored 92.9% of the weight', () => {
    const r = run(SEED_000.find((row) => row.target === '17.42 万人')!);
    expect(r.target).toMatchObject({ value: 174200, unit: '人', scale: 10000 });
    expect(r.actual).toMatchObject({ value: 161900, unit: '人' });
    expect(printed(r.completion.completion!, 1)).toBe('92.9');
    expect(r.score.status).toBe('short');
    expect(r.score.score!.toFixed(2)).toBe('9.29');
  });

  it('"2000、8000 人" → "3197、12063 人" is compared part by part', () => {
    for (const row of [SEED_000[0]!, SEED_000[10]!]) {
      const r = run(row);
      expect(r.target.kind).toBe('multi');
      expect(r.target.parts).toEqual([{ value: 2000, unit: '人' }, { value: 8000, unit: '人' }]);
      expect(r.actual.parts).toEqual([{ value: 3197, unit: '人' }, { value: 12063, unit: '人' }]);
      expect(r.completion.parts).toEqual([1.5985, 1.507875]);
      expect(r.score.status).toBe('over');
    }
  });

  it('投诉办复率 and 网上投诉举报案件处理率 name 投诉 but are higher-is-better rates', () => {
    for (const name of ['投诉办复率', '网上投诉举报案件处理率']) {
      const row = SEED_000.find((r) => r.name === name)!;
      expect(run(row).target.direction).toBe('higher');
    }
  });
});

/** Seed 002 by line: the completion computed from the two columns, or qualitative. */
const EXPECTED_002: Record<number, Expected> = {
  122: 30.55 / 25, 123: 5.11 / 2.55, 124: 13.24 / 11.5, 125: 5.63 / 4.43,
  134: 528 / 500, 135: 1, 136: 1, 138: 'qualitative', 139: 1,
  148: 1, 149: 1, 150: 59.24 / 58, 151: 1800 / 1690, 152: 714.83 / 709, 155: 1023.42 / 977,
  164: 3796 / 3000, 165: 100 / 98, 166: 100 / 96, 167: 96.61 / 95, 169: 79.1 / 75, 170: 'qualitative',
  179: 70442 / 70000, 181: 152 / 150, 182: 3303 / 3200, 183: 31168 / 30000, 184: 100 / 95,
};

describe('seed 002: 年度绩效指标值 / 实际完成情况 (free text)', () => {
  it('has the 26 indicators of its five tasks', () => {
    expect(SEED_002).toHaveLength(26);
    expect(Object.keys(EXPECTED_002).map(Number)).toEqual(SEED_002.map((r) => r.line));
  });

  SEED_002.forEach((row) => {
    const expected = EXPECTED_002[row.line]!;
    it(`line ${row.line}: ${row.name}`, () => {
      const r = run(row);
      if (expected === 'qualitative') {
        expect(r.target.kind).toBe('qualitative');
        expect(r.actual.kind).toBe('qualitative');
        expect(r.score).toMatchObject({ status: 'qualitative', score: null });
        return;
      }
      expect(r.target.kind).toBe('number');
      expect(r.actual.kind).toBe('number');
      expect(r.completion.completion).toBeCloseTo(expected, 10);
      expect(r.score.score).toBeCloseTo(10, 10); // 2022: every indicator met; over-achievement adds nothing
    });
  });

  it.each([
    [122, '122.2', 1],
    [123, '200.39', 2],
    [124, '115.13', 2],
    [125, '127.09', 2],
  ] as const)('line %i reproduces the printed completion %s%%', (line, text, decimals) => {
    const row = SEED_002.find((r) => r.line === line)!;
    const r = run(row);
    expect(printed(r.completion.completion!, decimals)).toBe(text);
    expect(printed(printedCompletion(row.actual)!, decimals)).toBe(text);
  });

  it('flags only 扶持成功创业人数 (200.39%) as over 150%, the points the report says were lost', () => {
    const over = SEED_002.filter((row) => run(row).score.status === 'over').map((row) => row.name);
    expect(over).toEqual(['扶持成功创业人数']);
  });

  it('reads the wrapped targets: 25 万人以上 → ≥ 250000 人, 不超10次 → ≤ 10 次, 约 500 人 → ~ 500 人', () => {
    const byLine = (line: number) => parseIndicatorValue(SEED_002.find((r) => r.line === line)!.target);
    expect(byLine(122)).toMatchObject({ comparison: '>=', direction: 'higher', value: 250000, unit: '人', scale: 10000 });
    expect(byLine(139)).toMatchObject({ comparison: '<=', direction: 'lower', value: 10, unit: '次' });
    expect(byLine(134)).toMatchObject({ comparison: '~', direction: 'equal', value: 500, unit: '人' });
    expect(byLine(179)).toMatchObject({ comparison: '>=', value: 70000, unit: '名' });
    expect(byLine(167)).toMatchObject({ value: 95, unit: '%' }); // not 人社部指标 90%
    expect(byLine(152)).toMatchObject({ value: 7090000, unit: null, scale: 10000 });
  });

  it('有效投诉数量: 不超10次 against 0次 is achieved with full marks in both lower-is-better variants', () => {
    const row = SEED_002.find((r) => r.line === 139)!;
    const target = parseIndicatorValue(row.target, { name: row.name });
    const actual = extractActual(row.actual, target);
    expect(actual).toMatchObject({ value: 0, unit: '次' });
    expect(completionRate(target, actual).completion).toBe(1);
    for (const lowerIsBetter of ['deviation', 'ratio'] as const) {
      expect(indicatorScore(target, actual, 5, { lowerIsBetter })).toMatchObject({ status: 'achieved', score: 5 });
    }
  });

  it('takes 528 名 for "约 500 人", not 6900 万元', () => {
    const r = run(SEED_002.find((row) => row.line === 134)!);
    expect(r.actual).toMatchObject({ value: 528, unit: '名' });
  });
});
