/**
 * Scores in the built sheet, computed by HyperFormula, against DOMAIN.md §3: lower-is-better in both published
 * variants, qualitative bands chosen by the user (never guessed), and 预算执行率 linked by formula to the budget
 * table's 合计 rate — editing an amount in the budget sheet changes the score.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, columnLetter, withDefaults, type Settings, type SheetSnapshot } from '../../../src/core';
import { analyzeIndicators, OWN_COLUMNS, type IndicatorEntry } from '../../../src/core/indicators';
import { applyPlans, edit, type Workbook } from '../../helpers/computeSheets';
import { sheet } from '../../helpers/snapshot';
import { table12 } from './seedSheets';

const at = (key: keyof typeof OWN_COLUMNS, row: number) => `${columnLetter(OWN_COLUMNS[key].col)}${row}`;

function run(snapshots: SheetSnapshot[], settings: Settings, withBudget = false) {
  const budget = withBudget ? analyzeWorkbook(snapshots, settings) : undefined;
  const { report, plan } = analyzeIndicators(snapshots, settings, budget?.report);
  const wb = applyPlans(snapshots, [...(budget?.plans ?? []), plan]);
  return { report, plan, wb };
}

const value = (wb: Workbook, sheetName: string, e: IndicatorEntry, key: keyof typeof OWN_COLUMNS) => wb.value(sheetName, at(key, e.outputRow));

/** A plain table: 指标 | 年度指标值 | 实际完成值. */
const plain = (rows: [string, string, string][]) => sheet('指标', [['指标', '年度指标值', '实际完成值'], ...rows]);

describe('lower is better: the two published variants', () => {
  const table = plain([
    ['差错率', '≤2%', '3%'],
    ['有效投诉数量', '不超10次', '25次'],
    ['安全事故', '不超过 0 起', '0 起'],
  ]);

  it.each([
    ['deviation', [0.5, 0], 2 / 3] as const,
    ['ratio', [2 / 3, 0.4], 2 / 3] as const,
  ])('%s: 3%% against ≤2%% and 25 次 against 不超10次', (variant, shares, completion) => {
    const settings = withDefaults({ scoring: { executionWeight: 10, executionRule: 'linear', lowerIsBetter: variant } });
    const { report, wb } = run([table], settings);
    const [errors, complaints] = report.indicators.filter((e) => e.kind === 'indicator');
    for (const [e, share] of [[errors!, shares[0]], [complaints!, shares[1]]] as const) {
      expect(value(wb, report.sheet, e, 'direction')).toBe('反向');
      expect(value(wb, report.sheet, e, 'status')).toBe('未完成');
      expect(value(wb, report.sheet, e, 'score') as number).toBeCloseTo(e.weight! * share, 9);
      expect(e.score!).toBeCloseTo(e.weight! * share, 9);
      expect(e.status).toBe('short');
    }
    expect(value(wb, report.sheet, errors!, 'completion') as number).toBeCloseTo(completion, 9);
  });

  it('0 起 against 不超过 0 起 is met with full marks (a target of 0 is no division by zero)', () => {
    const { report, wb } = run([table], withDefaults());
    const e = report.indicators.find((x) => x.name === '安全事故')!;
    expect([value(wb, report.sheet, e, 'completion'), value(wb, report.sheet, e, 'status')]).toEqual([1, '已完成']);
    expect(value(wb, report.sheet, e, 'score')).toBe(e.weight);
  });
});

describe('qualitative indicators: the user picks the band', () => {
  const table = plain([
    ['社保政策落实', '落实', '落实'],
    ['招聘场次', '2场', '2场'],
  ]);
  const settings = withDefaults();

  it('leaves 得分 empty until a band is chosen, then scores weight × the top of the band', () => {
    const { report, wb, plan } = run([table], settings);
    const e = report.indicators.find((x) => x.name === '社保政策落实')!;
    expect([value(wb, report.sheet, e, 'band'), value(wb, report.sheet, e, 'score'), value(wb, report.sheet, e, 'status')]).toEqual([null, '', '定性']);
    expect(report.flags.find((f) => f.rule === 'qualitative-band')).toMatchObject({ name: '社保政策落实', cell: at('band', e.outputRow) });
    expect(plan.validations).toContainEqual({ ranges: [`K3:K${report.indicators.at(-1)!.outputRow}`], items: ['达成', '部分达成', '未达成'] });
    const cellBand = at('band', e.outputRow);
    for (const [band, share] of [['达成', 1], ['部分达成', 0.8], ['未达成', 0.6]] as const) {
      const after = edit(wb, report.sheet, cellBand, band);
      expect(after.value(report.sheet, at('score', e.outputRow)) as number).toBeCloseTo(e.weight! * share, 9);
    }
  });

  it('a re-run keeps the chosen band and the report scores it the same way', () => {
    const first = run([table], settings);
    const e = first.report.indicators.find((x) => x.name === '社保政策落实')!;
    const chosen = edit(first.wb, first.report.sheet, at('band', e.outputRow), '部分达成');
    const again = analyzeIndicators(chosen.sheets, settings);
    const e2 = again.report.indicators.find((x) => x.name === '社保政策落实')!;
    expect(e2).toMatchObject({ band: 'partial', status: 'qualitative' });
    expect(e2.score!).toBeCloseTo(e2.weight! * 0.8, 9);
    const wb2 = applyPlans(chosen.sheets, [again.plan]);
    expect(value(wb2, again.report.sheet, e2, 'band')).toBe('部分达成');
    expect(value(wb2, again.report.sheet, e2, 'score') as number).toBeCloseTo(e2.score!, 9);
  });
});

describe('预算执行率: linked by formula to the budget table’s 合计 rate', () => {
  const indicators = plain([['提供各类就业岗位', '30000 个', '52635 个']]);

  it("links 实际值 to '表1-2'!F11 and scores min(rate, 100%) × 10", () => {
    const { report, wb } = run([table12(), indicators], withDefaults(), true);
    const e = report.indicators[0]!;
    expect(e).toMatchObject({ kind: 'execution', name: '预算执行率', sheet: '表1-2', row: 11, weight: 10, linkedCell: "'表1-2'!F11" });
    const formula = wb.sheets.find((s) => s.name === report.sheet)!.formulas[e.outputRow - 1]![OWN_COLUMNS.actual.col - 1];
    expect(formula).toBe(`=IFERROR('表1-2'!F11*100,"")`);
    expect(wb.value('表1-2', 'F11') as number).toBeCloseTo(72555.63 / 73920.34, 9); // HyperFormula rounds results to 10 significant digits
    expect(value(wb, report.sheet, e, 'score') as number).toBeCloseTo((72555.63 / 73920.34) * 10, 9);
    expect(e.score!).toBeCloseTo((72555.63 / 73920.34) * 10, 9);
    expect((e.completion! * 100).toFixed(2)).toBe('98.15');
  });

  it('follows an edit of the budget sheet: 实际支出 合计 70,000 → 94.70% → 9.47 points', () => {
    const { report, wb } = run([table12(), indicators], withDefaults(), true);
    const e = report.indicators[0]!;
    const after = edit(wb, '表1-2', 'E11', 70000);
    expect(after.value(report.sheet, at('actual', e.outputRow)) as number).toBeCloseTo((70000 / 73920.34) * 100, 9);
    expect(after.value(report.sheet, at('score', e.outputRow)) as number).toBeCloseTo((70000 / 73920.34) * 10, 9);
    const total = after.value(report.sheet, at('score', e.outputRow + 3)) as number;
    expect(total).toBeCloseTo((wb.value(report.sheet, at('score', e.outputRow + 3)) as number) - ((72555.63 - 70000) / 73920.34) * 10, 8);
  });

  it.each([
    [20, 'linear', 72555.63 / 73920.34 * 20],
    [10, 'jiangxi', 7],
  ] as const)('weight %i, rule %s', (executionWeight, executionRule, expected) => {
    const settings = withDefaults({ scoring: { executionWeight, executionRule, lowerIsBetter: 'deviation' } });
    const { report, wb } = run([table12(), indicators], settings, true);
    const e = report.indicators[0]!;
    expect(value(wb, report.sheet, e, 'weight')).toBe(executionWeight);
    expect(value(wb, report.sheet, e, 'score') as number).toBeCloseTo(expected, 9);
    expect(e.score!).toBeCloseTo(expected, 9);
  });

  it('a rate typed in the budget sheet (left there by the budget plan) is what the link, the sheet and the report use', () => {
    const typed = table12();
    typed.values[10]![5] = 0.9815; // F11, as the liwan sample types it
    const { report, wb } = run([typed, indicators], withDefaults(), true);
    const e = report.indicators[0]!;
    expect(e.completion).toBe(0.9815);
    expect(value(wb, report.sheet, e, 'actual')).toBe(98.15);
    expect(value(wb, report.sheet, e, 'score') as number).toBeCloseTo(9.815, 9);
    expect(e.score!).toBeCloseTo(9.815, 12);
  });

  it('Jiangxi tiers at 100% / 80% / 60%', () => {
    const settings = withDefaults({ scoring: { executionWeight: 10, executionRule: 'jiangxi', lowerIsBetter: 'deviation' } });
    const { report, wb } = run([table12(), indicators], settings, true);
    const row = report.indicators[0]!.outputRow;
    for (const [actual, points] of [[73920.34, 10], [60000, 7], [50000, 5], [40000, 0]] as const) {
      expect(edit(wb, '表1-2', 'E11', actual).value(report.sheet, at('score', row))).toBeCloseTo(points, 9);
    }
  });

  it('without a budget table the rate is typed: empty, flagged and noted until the user fills it in', () => {
    const { report, wb, plan } = run([indicators], withDefaults());
    const e = report.indicators[0]!;
    expect(e).toMatchObject({ kind: 'execution', status: 'unparsed', score: null, linkedCell: null });
    expect(report.flags.map((f) => f.rule)).toContain('execution-unlinked');
    expect(plan.notes.map((n) => [n.row, n.col])).toContainEqual([e.outputRow, OWN_COLUMNS.actual.col]);
    expect(value(wb, report.sheet, e, 'status')).toBe('无法解析');
    // Seed 003: 支出率 96.92% scored 9.69 of 10.
    const typed = edit(wb, report.sheet, at('actual', e.outputRow), 96.92);
    expect((typed.value(report.sheet, at('score', e.outputRow)) as number).toFixed(2)).toBe('9.69');
    const again = analyzeIndicators(typed.sheets, withDefaults());
    expect(again.report.indicators[0]!.score!.toFixed(2)).toBe('9.69');
  });
});
