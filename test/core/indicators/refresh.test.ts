/**
 * The built sheet over time: what the engine cannot read is left for the user (never guessed), the user's
 * corrections drive the formulas at once, and a re-run refreshes the same sheet in place — keeping the user's
 * answers, touching no other sheet, and never reading its own sheet back as a user's table.
 */
import { describe, expect, it } from 'vitest';
import { columnLetter, withDefaults, type SheetSnapshot } from '../../../src/core';
import { analyzeIndicators, OWN_COLUMNS, type IndicatorEntry } from '../../../src/core/indicators';
import { SEED002_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { applyPlans, edit, type Workbook } from '../../helpers/computeSheets';
import { sheet } from '../../helpers/snapshot';
import { guangzhouIndicatorSheet } from './seedSheets';

const settings = withDefaults();
const at = (key: keyof typeof OWN_COLUMNS, row: number) => `${columnLetter(OWN_COLUMNS[key].col)}${row}`;
const OUT = '绩效指标完成情况';

const source = () =>
  sheet('绩效指标', [
    ['指标类型', '关键性指标', '预期值', '实际值'],
    ['产出指标', '帮扶就业人数', '不少于 100 人', '已完成，共帮扶 120 人，其中新增 80 人'],
    [null, '补贴城乡医保缴费人数', '17.42 万人', '16.19 万人'],
    [null, '案件审结率', '95%', '98.05%'],
    ['效益指标', '社保政策落实', '落实', '落实'],
  ], ['A2:A4']);

function first(snapshots: SheetSnapshot[] = [source()]) {
  const { report, plan } = analyzeIndicators(snapshots, settings);
  return { report, plan, wb: applyPlans(snapshots, [plan]) };
}

const byName = (entries: IndicatorEntry[], name: string) => entries.find((e) => e.name === name)!;

describe('a value the engine cannot read', () => {
  const { report, plan, wb } = first();
  const e = byName(report.indicators, '帮扶就业人数');

  it('is marked unparsed with the reason, not guessed', () => {
    expect(e.actual).toMatchObject({ kind: 'unparsed', value: null });
    expect(e.actual.reason).toMatch(/有多个可能的实际值（120人、80人）/);
    expect(e).toMatchObject({ status: 'unparsed', completion: null, score: null });
    expect(report.flags).toContainEqual(expect.objectContaining({ rule: 'unparsed', name: '帮扶就业人数', level: 'grey', cell: at('actual', e.outputRow) }));
  });

  it('shows 目标值 100, an empty 实际值, 完成率 "--", 状态 无法解析, and a note on the text saying why', () => {
    expect(['target', 'actual', 'completion', 'score', 'status'].map((k) => wb.value(OUT, at(k as keyof typeof OWN_COLUMNS, e.outputRow)))).toEqual([
      100, null, '--', '', '无法解析',
    ]);
    const note = plan.notes.find((n) => n.row === e.outputRow && n.col === OWN_COLUMNS.actualText.col)!;
    expect(note.text).toMatch(/^【预算执行助手】有多个可能的实际值.*请在“实际值”列填写数字（单位同目标值：人）/);
    expect(plan.conditionalFormats.find((r) => r.rule === 'indicator-unparsed')!.formula).toBe('=$N3="无法解析"');
  });

  it("the user's 实际值 changes 完成率, 得分 and 状态 after recompute, and a re-run keeps it", () => {
    const fixed = edit(wb, OUT, at('actual', e.outputRow), 120);
    expect(fixed.value(OUT, at('completion', e.outputRow))).toBe(1.2);
    expect(fixed.value(OUT, at('score', e.outputRow))).toBe(e.weight);
    expect(fixed.value(OUT, at('status', e.outputRow))).toBe('已完成');

    const again = analyzeIndicators(fixed.sheets, settings);
    const e2 = byName(again.report.indicators, '帮扶就业人数');
    expect(e2.actual).toMatchObject({ value: 120, unit: '人', corrected: true });
    expect(e2).toMatchObject({ status: 'achieved', completion: 1.2, score: e2.weight });
    const rebuilt = applyPlans(fixed.sheets, [again.plan]);
    expect(rebuilt.value(OUT, at('actual', e2.outputRow))).toBe(120);
    // The note explained a problem that is gone: it is removed.
    expect(again.plan.notes.some((n) => n.row === e2.outputRow)).toBe(false);
    expect(again.plan.removeNotes).toContainEqual(expect.objectContaining({ row: e.outputRow, col: OWN_COLUMNS.actualText.col }));
  });
});

describe("the user's corrections of parsed numbers", () => {
  it('a corrected 实际值 flows through 完成率 and 得分 (16.19 → 18 万人)', () => {
    const { report, wb } = first();
    const e = byName(report.indicators, '补贴城乡医保缴费人数');
    expect(wb.value(OUT, at('status', e.outputRow))).toBe('未完成');
    const fixed = edit(wb, OUT, at('actual', e.outputRow), 18);
    expect(fixed.value(OUT, at('completion', e.outputRow)) as number).toBeCloseTo(18 / 17.42, 9);
    expect([fixed.value(OUT, at('score', e.outputRow)), fixed.value(OUT, at('status', e.outputRow))]).toEqual([e.weight, '已完成']);
    const again = analyzeIndicators(fixed.sheets, settings).report;
    expect(byName(again.indicators, '补贴城乡医保缴费人数').actual).toMatchObject({ value: 180000, unit: '人', corrected: true });
  });

  it('a corrected 方向 changes the rule: 反向 makes 98.05% against 95% a shortfall', () => {
    const { report, wb } = first();
    const e = byName(report.indicators, '案件审结率');
    const fixed = edit(wb, OUT, at('direction', e.outputRow), '反向');
    expect(fixed.value(OUT, at('completion', e.outputRow)) as number).toBeCloseTo(95 / 98.05, 9);
    expect(fixed.value(OUT, at('status', e.outputRow))).toBe('未完成');
    expect(byName(analyzeIndicators(fixed.sheets, settings).report.indicators, '案件审结率').target.direction).toBe('lower');
  });

  it('a changed source text is read afresh: the old correction no longer applies', () => {
    const { report, wb } = first();
    const e = byName(report.indicators, '补贴城乡医保缴费人数');
    const corrected = edit(wb, OUT, at('actual', e.outputRow), 18);
    const newSource = edit(corrected, '绩效指标', 'D3', '17.5 万人');
    const again = byName(analyzeIndicators(newSource.sheets, settings).report.indicators, '补贴城乡医保缴费人数');
    expect(again.actual).toMatchObject({ value: 175000 });
    expect(again.actual.corrected).toBeUndefined();
  });

  it('keeps the 偏差原因 and a 分值 the user typed', () => {
    const { report, wb } = first();
    const e = byName(report.indicators, '补贴城乡医保缴费人数');
    let edited = edit(wb, OUT, at('reason', e.outputRow), '经费原因');
    edited = edit(edited, OUT, at('weight', e.outputRow), 20);
    const again = analyzeIndicators(edited.sheets, settings);
    const e2 = byName(again.report.indicators, '补贴城乡医保缴费人数');
    expect(e2).toMatchObject({ deviationReason: '经费原因', weight: 20, weightSource: 'sheet' });
    const rebuilt = applyPlans(edited.sheets, [again.plan]);
    expect([rebuilt.value(OUT, at('reason', e2.outputRow)), rebuilt.value(OUT, at('weight', e2.outputRow))]).toEqual(['经费原因', 20]);
  });
});

describe('re-running refreshes the sheet in place', () => {
  const once = first();
  const again = analyzeIndicators(once.wb.sheets, settings);
  const twice = applyPlans(once.wb.sheets, [again.plan]);

  it('does not read its own sheet as a table, and builds no second sheet', () => {
    expect(again.report.tables.map((t) => t.sheet)).toEqual(['绩效指标']);
    expect(again.report).toMatchObject({ sheet: OUT, refreshed: true });
    expect(twice.sheets.map((s) => s.name)).toEqual(['绩效指标', OUT]);
    expect(again.report.indicators.map((e) => e.name)).toEqual(once.report.indicators.map((e) => e.name));
  });

  it('clears the area it owned (title to 等级) and writes the same cells again', () => {
    const gradeRow = once.report.indicators.at(-1)!.outputRow + 3;
    expect(once.plan.clear).toBeUndefined();
    expect(again.plan.clear).toEqual([{ top: 1, left: 1, bottom: gradeRow, right: OWN_COLUMNS.source.col }]);
    expect(again.plan.writes.map((w) => w.inputs)).toEqual(once.plan.writes.map((w) => w.inputs));
    expect(twice.sheets.find((s) => s.name === OUT)!.values).toEqual(once.wb.sheets.find((s) => s.name === OUT)!.values);
  });

  it('touches nothing else: the source sheet is unchanged', () => {
    const src = (w: Workbook) => w.sheets.find((s) => s.name === '绩效指标')!;
    expect(src(twice)).toEqual(src(once.wb));
    expect(src(once.wb).values).toEqual(source().values);
    expect(again.plan.sheet).toBe(OUT);
  });

  it('a shorter source leaves no stale rows behind', () => {
    const shorter = edit(edit(edit(once.wb, '绩效指标', 'B5', null), '绩效指标', 'C5', null), '绩效指标', 'D5', null);
    const fewer = analyzeIndicators(shorter.sheets, settings);
    const rebuilt = applyPlans(shorter.sheets, [fewer.plan]);
    const out = rebuilt.sheets.find((s) => s.name === OUT)!;
    const gradeRow = fewer.report.indicators.at(-1)!.outputRow + 3;
    expect(rebuilt.value(OUT, `A${gradeRow}`)).toBe('等级');
    expect(out.values.slice(gradeRow).flat().every((v) => v === null)).toBe(true);
  });
});

describe('a sheet named 绩效指标完成情况 that holds the user’s own tables (the seed 002 sample)', () => {
  const gz = guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES);
  const once = first([gz.snapshot]);

  it('is read as input and left alone; the engine builds 绩效指标完成情况（自评） beside it', () => {
    expect(once.report.sheet).toBe('绩效指标完成情况（自评）');
    expect(once.plan).toMatchObject({ sheet: '绩效指标完成情况（自评）', createSheet: true, createAfter: OUT });
    expect(once.report.indicators.filter((e) => e.kind === 'indicator')).toHaveLength(26);
    const input = once.wb.sheets.find((s) => s.name === OUT)!;
    expect([input.values, input.formulas, input.merges]).toEqual([gz.snapshot.values, gz.snapshot.formulas, gz.snapshot.merges]);
  });

  it('a re-run refreshes the （自评） sheet and still reads the user’s sheet', () => {
    const again = analyzeIndicators(once.wb.sheets, settings);
    expect(again.report).toMatchObject({ sheet: '绩效指标完成情况（自评）', refreshed: true });
    expect(again.report.tables).toHaveLength(5);
    expect(applyPlans(once.wb.sheets, [again.plan]).sheets.map((s) => s.name)).toEqual([OUT, '绩效指标完成情况（自评）']);
  });
});

it('with the source tables gone, the rows of the built sheet itself are the indicators', () => {
  const { wb } = first();
  const onlyOwn = wb.sheets.filter((s) => s.name === OUT);
  const { report } = analyzeIndicators(onlyOwn, settings);
  expect(report.indicators.filter((e) => e.kind === 'indicator').map((e) => e.name)).toEqual(['帮扶就业人数', '补贴城乡医保缴费人数', '案件审结率', '社保政策落实']);
  expect(report.tables).toEqual([]);
});

it('a row the user adds by hand to the built sheet is scored and kept on a refresh', () => {
  const { report, wb } = first();
  // The user types a new indicator over the 分值合计 row; the rewrite puts the bottom rows back below it.
  const free = report.indicators.at(-1)!.outputRow + 1;
  let added = edit(wb, OUT, at('level3', free), '新增培训场次');
  added = edit(added, OUT, at('level1', free), '产出指标');
  added = edit(added, OUT, at('targetText', free), '10场');
  added = edit(added, OUT, at('actualText', free), '12场');
  const again = analyzeIndicators(added.sheets, settings);
  const e = byName(again.report.indicators, '新增培训场次');
  expect(e).toMatchObject({ sheet: OUT, completion: 1.2, status: 'achieved', level1: '产出指标' });
  const rebuilt = applyPlans(added.sheets, [again.plan]);
  expect(rebuilt.value(OUT, at('source', e.outputRow))).toBe(`${OUT} C${free}`);
  expect(byName(analyzeIndicators(rebuilt.sheets, settings).report.indicators, '新增培训场次').completion).toBe(1.2);
});

it('a workbook with no indicator table: the sheet holds 预算执行率 only, and the report says why', () => {
  const budgetOnly = sheet('预算', [['项目名称', '年初预算数', '调整后预算数', '实际支出'], ['人员经费', 100, 100, 90]]);
  const { report } = analyzeIndicators([budgetOnly], settings);
  expect(report.tables).toEqual([]);
  expect(report.indicators.map((e) => e.kind)).toEqual(['execution']);
  expect(report.flags.map((f) => f.rule)).toContain('no-indicators');
});
