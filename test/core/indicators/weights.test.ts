/**
 * Weights, total and grade: the national form's own 分值, the default split when a source has none, the check
 * that 三级 weights add up to their 一级 / 二级 and to 100, and 自评得分 with its 等级 in the sheet and the report.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, columnLetter, withDefaults, type SheetSnapshot } from '../../../src/core';
import { analyzeIndicators, gradeOf, OWN_COLUMNS, type IndicatorReport } from '../../../src/core/indicators';
import { gradeFormula } from '../../../src/core/indicators/formulas';
import { SEED000_INDICATOR_TABLES, SEED002_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { applyPlans, computeSheets, edit, type Workbook } from '../../helpers/computeSheets';
import { sheet } from '../../helpers/snapshot';
import { guangzhouIndicatorSheet, liwanIndicatorSheet, table12 } from './seedSheets';
import { NATIONAL_FORM, NATIONAL_FORM_SUBTOTALS } from './nationalForm';

const settings = withDefaults();
const at = (key: keyof typeof OWN_COLUMNS, row: number) => `${columnLetter(OWN_COLUMNS[key].col)}${row}`;

function run(snapshots: SheetSnapshot[], withBudget = false) {
  const budget = withBudget ? analyzeWorkbook(snapshots, settings) : undefined;
  const { report, plan } = analyzeIndicators(snapshots, settings, budget?.report);
  return { report, plan, wb: applyPlans(snapshots, [...(budget?.plans ?? []), plan]) };
}

/** 分值合计, 自评得分 and 等级 as the sheet computes them. */
function bottom(wb: Workbook, report: IndicatorReport) {
  const last = Math.max(...report.indicators.map((e) => e.outputRow + (e.partCompletions?.length ?? 0)));
  return {
    weights: wb.value(report.sheet, at('weight', last + 1)),
    score: wb.value(report.sheet, at('score', last + 2)) as number,
    grade: wb.value(report.sheet, at('score', last + 3)),
  };
}

const sumWhere = (report: IndicatorReport, level1: string) =>
  Math.round(report.indicators.filter((e) => e.level1 === level1).reduce((s, e) => s + e.weight!, 0) * 100) / 100;

describe('the national form', () => {
  const { report, wb } = run([NATIONAL_FORM()]);
  const byName = (name: string) => report.indicators.find((e) => e.name === name)!;

  it('takes 分值 from the form and 预算执行率 from its own row (no budget table to link)', () => {
    expect(report.indicators.map((e) => [e.name, e.weight, e.weightSource])).toEqual([
      ['预算执行率', 10, 'settings'], ['培训人数', 20, 'source'], ['培训场次', 10, 'source'], ['培训合格率', 10, 'source'],
      ['完成及时率', 10, 'source'], ['就业带动', 20, 'source'], ['长效机制', 10, 'source'], ['学员满意度', 10, 'source'],
    ]);
    expect(byName('预算执行率')).toMatchObject({ sheet: '项目自评表', row: 3, completion: 0.95, score: 9.5 });
    expect(byName('培训人数')).toMatchObject({ level1: '产出指标', level2: '数量指标' });
    expect(byName('培训场次')).toMatchObject({ level2: '数量指标', status: 'short', completion: 0.8, score: 8 });
    expect(byName('培训场次').deviationReason).toBe('经费原因：部分场次延期到次年');
    expect(wb.value(report.sheet, at('reason', byName('培训场次').outputRow))).toBe('经费原因：部分场次延期到次年');
  });

  it('weights add up: to the 合计 the form printed (100)', () => {
    expect(report.weightChecks).toEqual([{ scope: 'total', name: '合计', expected: 100, actual: 100, ok: true, basis: 'form', sheet: '项目自评表', row: 11 }]);
    expect(report.flags.filter((f) => f.rule === 'weights')).toEqual([]);
    expect(bottom(wb, report).weights).toBe(100);
  });

  it('自评得分 and 等级: 67.5 中 until the qualitative bands are chosen, then 97.5 优', () => {
    expect(report.total).toEqual({ score: 67.5, grade: '中', max: 100, unscored: 2 });
    expect(bottom(wb, report)).toEqual({ weights: 100, score: 67.5, grade: '中' });
    let chosen = edit(wb, report.sheet, at('band', byName('就业带动').outputRow), '达成');
    chosen = edit(chosen, report.sheet, at('band', byName('长效机制').outputRow), '达成');
    expect(bottom(chosen, report)).toMatchObject({ score: 97.5, grade: '优' });
    expect(analyzeIndicators(chosen.sheets, settings).report.total).toEqual({ score: 97.5, grade: '优', max: 100, unscored: 0 });
  });
});

describe('weights that do not add up', () => {
  const { report, plan } = run([NATIONAL_FORM_SUBTOTALS()]);

  it('reports the 一级 whose 三级 weights miss its subtotal, and the total', () => {
    expect(report.weightChecks.map((c) => [c.scope, c.name, c.expected, c.actual, c.ok])).toEqual([
      ['level1', '产出指标', 50, 50, true],
      ['level1', '效益指标', 30, 25, false],
      ['level1', '满意度指标', 10, 10, true],
      ['total', '合计', 100, 95, false],
    ]);
    const flags = report.flags.filter((f) => f.rule === 'weights');
    expect(flags.map((f) => [f.sheet, f.row, f.message])).toEqual([
      ['项目自评表', 7, '分值不一致：下级指标分值合计 25，应等于表中效益指标的分值 30'],
      ['项目自评表', 12, '分值不一致：下级指标分值合计 95，应等于表中合计的分值 100'],
    ]);
  });

  it('marks 分值合计 red in the sheet while it is not the total', () => {
    const rule = plan.conditionalFormats.find((r) => r.rule === 'indicator-weights')!;
    expect(rule.formula).toMatch(/^=ABS\(L\d+-100\)>0\.005$/);
  });
});

describe('default weights when the source has no 分值', () => {
  it('seed 000: 预算执行率 10, then 产出 : 效益 = 50 : 30 of the other 90 (no 满意度 row), even within each', () => {
    const { report, wb } = run([table12(), liwanIndicatorSheet(SEED000_INDICATOR_TABLES).snapshot], true);
    expect(report.indicators[0]).toMatchObject({ name: '预算执行率', weight: 10 });
    expect(sumWhere(report, '产出指标')).toBe(56.25);
    expect(sumWhere(report, '效益指标')).toBe(33.75);
    const output = report.indicators.filter((e) => e.level1 === '产出指标').map((e) => e.weight!);
    expect(Math.max(...output) - Math.min(...output)).toBeCloseTo(0.01, 10);
    expect(report.flags.find((f) => f.rule === 'default-weights')!.message).toMatch(/产出 50 \/ 效益 30 \/ 满意度 10/);
    expect(report.weightChecks).toEqual([expect.objectContaining({ scope: 'total', expected: 100, actual: 100, ok: true, basis: 'standard' })]);
    expect(bottom(wb, report).weights).toBe(100);
  });

  it('seed 000: the sheet’s 自评得分 and 等级 are the report’s; choosing 达成 for the five qualitative rows lifts it to 优', () => {
    const { report, wb } = run([table12(), liwanIndicatorSheet(SEED000_INDICATOR_TABLES).snapshot], true);
    const sheetTotal = bottom(wb, report);
    expect(sheetTotal.score).toBeCloseTo(report.total.score, 8);
    expect([sheetTotal.grade, report.total.grade, report.total.unscored]).toEqual(['良', '良', 5]);
    let chosen = wb;
    for (const e of report.indicators.filter((x) => x.status === 'qualitative')) chosen = edit(chosen, report.sheet, at('band', e.outputRow), '达成');
    const after = analyzeIndicators(chosen.sheets, settings, analyzeWorkbook(chosen.sheets, settings).report).report;
    expect(bottom(chosen, report).grade).toBe('优');
    expect(after.total).toMatchObject({ grade: '优', unscored: 0 });
    expect(bottom(chosen, report).score).toBeCloseTo(after.total.score, 8);
  });

  it('seed 002 (tasks, no 一级): the 90 points are split evenly over the 26 indicators', () => {
    const { report } = run([guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES).snapshot]);
    const weights = report.indicators.filter((e) => e.kind === 'indicator').map((e) => e.weight!);
    expect(weights).toHaveLength(26);
    expect(Math.round(weights.reduce((s, w) => s + w, 0) * 100) / 100).toBe(90);
    expect(new Set(weights)).toEqual(new Set([3.47, 3.46]));
  });
});

describe('等级', () => {
  it.each([
    [100, '优'], [90, '优'], [89.99, '良'], [80, '良'], [79.99, '中'], [60, '中'], [59.99, '差'], [0, '差'],
  ] as const)('%d → %s, in the report and in the sheet’s formula', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
    const { value } = computeSheets([sheet('s', [[score, gradeFormula('A1')]])]);
    expect(value('s', 'B1')).toBe(grade);
  });
});
