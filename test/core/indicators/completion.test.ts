/** Completion and score rules of DOMAIN.md §3, one direction and variant at a time. */
import { describe, expect, it } from 'vitest';
import { completionRate, extractActual, indicatorScore, parseIndicatorValue, QUALITATIVE_BANDS } from '../../../src/core/indicators';

const p = (text: string, name?: string) => parseIndicatorValue(text, name ? { name } : {});
const score = (t: string, a: string, weight = 10, opts = {}) => indicatorScore(p(t), p(a), weight, opts);

describe('completionRate', () => {
  it('divides after unit conversion (万人 against 人)', () => {
    expect(completionRate(p('2.55 万人'), p('51100 人')).completion).toBeCloseTo(2.00392, 5);
  });

  it('is 1 when a lower-is-better target is met, target/actual when not', () => {
    expect(completionRate(p('不超10次'), p('0次')).completion).toBe(1);
    expect(completionRate(p('不超10次'), p('10次')).completion).toBe(1);
    expect(completionRate(p('不超10次'), p('20次')).completion).toBe(0.5);
  });

  it('averages the parts and returns each', () => {
    expect(completionRate(p('2000、8000 人'), p('3197、12063 人'))).toEqual({ completion: (1.5985 + 1.507875) / 2, parts: [1.5985, 1.507875] });
  });

  it('has no completion for qualitative, unparsed or mismatched values', () => {
    expect(completionRate(p('落实'), p('落实')).completion).toBeNull();
    expect(completionRate(p('见附件'), p('100 人'))).toMatchObject({ completion: null, reason: expect.stringContaining('目标值无法解析') });
    expect(completionRate(p('500 人'), p('6900 万元'))).toMatchObject({ completion: null, reason: expect.stringContaining('单位不一致') });
    expect(completionRate(p('95%'), p('100 人')).completion).toBeNull();
    expect(completionRate(p('0 人'), p('5 人')).completion).toBeNull();
  });

  it('refuses a numeric target answered only by words', () => {
    expect(completionRate(p('100 人'), p('完成')).completion).toBeNull();
  });
});

describe('indicatorScore: higher is better (and equal, and ~)', () => {
  it('gives full marks when met, actual/target × weight when short', () => {
    expect(score('≥95%', '95%')).toMatchObject({ score: 10, status: 'achieved' });
    expect(score('17.42 万人', '16.19 万人').score).toBeCloseTo((16.19 / 17.42) * 10, 10);
    expect(score('17.42 万人', '16.19 万人').status).toBe('short');
  });

  it('never rises above the weight when over-achieved, and flags > 150%', () => {
    expect(score('850 件', '4093 件', 5)).toMatchObject({ score: 5, status: 'over' });
    expect(score('100 人', '150 人')).toMatchObject({ score: 10, status: 'achieved' }); // exactly 150% is not over
    expect(score('100 人', '151 人').status).toBe('over');
  });

  it('scores = and 约 like higher', () => {
    expect(score('=100%', '90%').score).toBeCloseTo(9, 10);
    expect(score('约 500 人', '528 人')).toMatchObject({ score: 10, status: 'achieved' });
    expect(score('约 500 人', '450 人').score).toBeCloseTo(9, 10);
  });

  it('scores each part and takes the mean; one short part makes the indicator short', () => {
    const r = score('2000、8000 人', '1000、8000 人');
    expect(r.score).toBeCloseTo(7.5, 10);
    expect(r.parts).toEqual([0.5, 1]);
    expect(r.status).toBe('short');
  });
});

describe('indicatorScore: lower is better', () => {
  it("'deviation' (default): full at or below target, linear to 0 at twice the target", () => {
    expect(score('≤10次', '8次')).toMatchObject({ score: 10, status: 'achieved' });
    expect(score('≤10次', '10次').score).toBe(10);
    expect(score('≤10次', '12次').score).toBeCloseTo(8, 10);
    expect(score('≤10次', '15次').score).toBeCloseTo(5, 10);
    expect(score('≤10次', '20次').score).toBe(0);
    expect(score('≤10次', '30次')).toMatchObject({ score: 0, status: 'short' });
  });

  it("'ratio': target/actual × weight, capped at the weight", () => {
    const ratio = { lowerIsBetter: 'ratio' as const };
    expect(score('≤10次', '0次', 10, ratio).score).toBe(10);
    expect(score('≤10次', '12次', 10, ratio).score).toBeCloseTo(10 * (10 / 12), 10);
    expect(score('≤10次', '40次', 10, ratio).score).toBeCloseTo(2.5, 10);
  });

  it('a zero target: 0 is full marks, anything above it is 0 under deviation', () => {
    expect(score('不超过 0 起', '0 起').score).toBe(10);
    expect(score('不超过 0 起', '1 起').score).toBe(0);
  });

  it('takes the direction from the name when the target has no word', () => {
    const t = p('10 次', '有效投诉数量');
    expect(indicatorScore(t, p('15 次'), 10)).toMatchObject({ status: 'short' });
    expect(indicatorScore(t, p('15 次'), 10).score).toBeCloseTo(5, 10);
    // Lower-is-better is never "over": fewer complaints is not a target set too low.
    expect(indicatorScore(t, p('0 次'), 10)).toMatchObject({ score: 10, status: 'achieved' });
  });
});

describe('indicatorScore: qualitative', () => {
  it('has no score until the user chooses a band', () => {
    const r = score('落实', '落实');
    expect(r).toMatchObject({ score: null, status: 'qualitative', completion: null });
    expect(r.reason).toContain('档次');
  });

  it('scores the top of the chosen band by default, or a chosen point in it', () => {
    expect(score('落实', '落实', 10, { qualitative: { band: 'achieved' } }).score).toBeCloseTo(10, 10);
    expect(score('促进', '促进', 10, { qualitative: { band: 'partial' } }).score).toBeCloseTo(8, 10);
    expect(score('落实', '未落实', 10, { qualitative: { band: 'not' } }).score).toBeCloseTo(6, 10);
    expect(score('落实', '落实', 10, { qualitative: { band: 'achieved', fraction: 0 } }).score).toBeCloseTo(8, 10);
    expect(score('落实', '落实', 10, { qualitative: { band: 'partial', fraction: 0.5 } }).score).toBeCloseTo(7, 10);
  });

  it('rejects a fraction outside the band', () => {
    expect(score('落实', '落实', 10, { qualitative: { band: 'achieved', fraction: 1.5 } }).score).toBeNull();
  });

  it('bands are 80–100%, 60–80%, 0–60%', () => {
    expect(QUALITATIVE_BANDS).toEqual({ achieved: [0.8, 1], partial: [0.6, 0.8], not: [0, 0.6] });
  });
});

describe('indicatorScore: what cannot be scored', () => {
  it('unparsed target or actual', () => {
    expect(score('见附件', '100 人')).toMatchObject({ score: null, status: 'unparsed' });
    expect(score('100 人', '--')).toMatchObject({ score: null, status: 'unparsed' });
  });

  it('unit mismatch (万元 against 人)', () => {
    const t = p('约 500 人');
    const r = indicatorScore(t, extractActual('发放生活补贴共 6900 万元', t), 10);
    expect(r).toMatchObject({ score: null, status: 'unparsed', completion: null });
  });

  it('an invalid weight', () => {
    expect(score('100 人', '100 人', Number.NaN)).toMatchObject({ score: null, status: 'unparsed' });
  });
});
