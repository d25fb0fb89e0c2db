/**
 * The mid-year monitor (绩效运行监控) at month 6, computed by HyperFormula: the lights at exactly 60 and 80, the
 * summary's COUNTIF counts, the department's progress linked to the 合计 row; the drop-downs; a re-run refreshes the
 * sheet in place (keeping the user's answers); an amount changed in the budget sheet changes the monitor.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, withDefaults, type CellValue, type SheetSnapshot } from '../../../src/core';
import { findIndicatorTables } from '../../../src/core/indicators';
import { SheetGrid } from '../../../src/core/grid';
import { planMonitor, LIKELIHOOD_WORDS, MONITOR_SHEET, MONITOR_SHEET_FALLBACK } from '../../../src/core/monitor';
import { applyPlans, edit, type Workbook } from '../../helpers/computeSheets';
import { sheet } from '../../helpers/snapshot';

const JUNE = withDefaults({ asOfMonth: 6 });

/** Five projects of 100 (200) each: 29.99 → 59.98 red, 30 → 60 yellow, 39.99 → 79.98 yellow, 40 → 80 green, 150 of 200 → 150 green. */
function budget(): SheetSnapshot {
  const rows: CellValue[][] = [
    ['2022年项目支出执行情况'],
    ['单位：万元'],
    ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出'],
    ['1', '甲项目', 100, 100, 29.99],
    ['2', '乙项目', 100, 100, 30],
    ['3', '丙项目', 100, 100, 39.99],
    ['4', '丁项目', 100, 100, 40],
    ['5', '戊项目', 200, 200, 150],
    [null, '合计', 600, 600, 289.98],
  ];
  return sheet('项目表', rows);
}

function indicators(): SheetSnapshot {
  return sheet('绩效指标', [
    ['2022年绩效目标'],
    ['指标', '年度指标值', '实际完成值'],
    ['新增就业人数', '不少于 1200 人', '600 人'],
    ['投诉数', '不超过 10 次', '4 次'],
    ['服务满意度', '≥95%', '96%'],
    ['培训人次', '2000 人次', null],
    ['政策落实', '落实', null],
  ]);
}

const M = MONITOR_SHEET;

function build(sheets: SheetSnapshot[], settings = JUNE) {
  const { report, plan } = planMonitor(sheets, settings);
  return { report, plan, wb: applyPlans(sheets, [plan]) };
}

describe('monitor at month 6', () => {
  const { report, plan, wb } = build([budget(), indicators()]);
  const v = (a: string) => wb.value(M, a);

  it('lays out one row per project linked to the budget sheet', () => {
    expect(plan).toMatchObject({ sheet: M, createSheet: true });
    expect(plan.clear).toBeUndefined();
    expect([15, 16, 17, 18, 19].map((r) => v(`B${r}`))).toEqual(['甲项目', '乙项目', '丙项目', '丁项目', '戊项目']);
    const monitor = wb.sheets.find((s) => s.name === M)!;
    expect(monitor.formulas[14]!.slice(3, 5)).toEqual(['=IFERROR(\'项目表\'!D4,"--")', '=IFERROR(\'项目表\'!E4,"--")']);
    expect(v('J15')).toBe('项目表!B4');
  });

  it('computes 序时进度, progress ratios and lights, boundaries at exactly 60 and 80', () => {
    expect(v('B3')).toBe(0.5);
    expect([15, 16, 17, 18, 19].map((r) => v(`H${r}`))).toEqual([59.98, 60, 79.98, 80, 150]);
    expect([15, 16, 17, 18, 19].map((r) => v(`I${r}`))).toEqual(['红灯', '黄灯', '黄灯', '绿灯', '绿灯']);
    expect(report.projects.map((p) => [p.name, p.progress, p.light])).toEqual([
      ['甲项目', 59.98, 'red'], ['乙项目', 60, 'yellow'], ['丙项目', 79.98, 'yellow'], ['丁项目', 80, 'green'], ['戊项目', 150, 'green'],
    ]);
    expect(report.projects[1]).toMatchObject({ sheet: '项目表', row: 5, adjusted: 100, actual: 30, executionRate: 0.3, outputRow: 16 });
  });

  it('counts the lights and shows the department\'s progress from its 合计 row', () => {
    expect([v('B4'), v('B5'), v('B6')]).toEqual([1, 2, 2]);
    expect(report.summary).toEqual({ red: 1, yellow: 2, green: 2, none: 0 });
    expect([v('B7'), v('B8')]).toEqual([600, 289.98]);
    expect(v('B9') as number).toBeCloseTo(289.98 / 600, 10);
    expect(v('B10')).toBe(96.66);
    expect(v('B11')).toBe('绿灯');
    expect(report.overall).toMatchObject({ adjusted: 600, actual: 289.98, progress: 96.66, light: 'green', linkedTo: { sheet: '项目表', row: 9, adjusted: ["'项目表'!D9"], actual: "'项目表'!E9" } });
  });

  it('colours the lights by rule', () => {
    expect(plan.conditionalFormats.map((r) => [r.ranges, r.formula])).toEqual([
      [['I15:I19'], '=I15="红灯"'], [['I15:I19'], '=I15="黄灯"'], [['I15:I19'], '=I15="绿灯"'],
      [['B11'], '=B11="红灯"'], [['B11'], '=B11="黄灯"'], [['B11'], '=B11="绿灯"'],
    ]);
  });

  it('projects each indicator to the year end and measures the deviation', () => {
    const rows = report.indicators.map((i) => i.outputRow);
    expect(rows).toEqual([23, 24, 25, 26, 27]);
    expect(v('F23')).toBe(1); // 600 人 in half a year → 1200 of 1200
    expect(v('G23')).toBe(0);
    expect(v('F24')).toBe(1); // 投诉数: 8 projected, not over 10
    expect(v('F25') as number).toBeCloseTo(96 / 95, 10); // a percentage is not scaled by the month
    expect(v('F26')).toBe(''); // nothing yet: the user types it
    expect(v('D27')).toBe('落实');
    expect(report.indicators.map((i) => [i.name, i.target, i.current, i.projected])).toEqual([
      ['新增就业人数', 1200, 600, 1],
      ['投诉数', 10, 4, 1],
      ['服务满意度', 95, 96, 96 / 95],
      ['培训人次', 2000, null, null],
      ['政策落实', '落实', null, null],
    ]);
  });

  it('offers the drop-downs 完成可能性 and 偏差原因 with the exact words', () => {
    expect(plan.validations).toEqual([
      { ranges: ['H23:H27'], items: ['确定能', '有可能', '完全不可能'] },
      { ranges: ['I23:I27'], items: ['人员原因', '制度原因', '经费原因', '其他原因'] },
    ]);
    expect([...LIKELIHOOD_WORDS]).toEqual(['确定能', '有可能', '完全不可能']);
    expect(wb.extras.get(M)!.validations).toEqual(plan.validations);
  });

  it('is not read as a budget or indicator table by the other engines', () => {
    const monitor = wb.sheets.find((s) => s.name === M)!;
    expect(analyzeWorkbook([monitor], withDefaults()).report.tables).toEqual([]);
    expect(findIndicatorTables(new SheetGrid(monitor))).toEqual([]);
  });
});

describe('monitor follows the budget sheet and refreshes in place', () => {
  const first = build([budget(), indicators()]);

  it('changes when an amount changes in the budget sheet', () => {
    const changed = edit(first.wb, '项目表', 'E4', 45); // 甲项目 45 of 100 → 90
    expect(changed.value(M, 'H15')).toBe(90);
    expect(changed.value(M, 'I15')).toBe('绿灯');
    expect([changed.value(M, 'B4'), changed.value(M, 'B6')]).toEqual([0, 3]);
  });

  it('a second run clears and rewrites the same sheet, keeping the user\'s answers', () => {
    let wb: Workbook = edit(first.wb, M, 'E26', 500); // 培训人次: the user types 500
    wb = edit(wb, M, 'H23', '有可能');
    wb = edit(wb, M, 'I26', '经费原因');
    const second = planMonitor(wb.sheets, JUNE);
    expect(second.report.refreshed).toBe(true);
    expect(second.plan.clear).toEqual([{ top: 1, left: 1, bottom: 27, right: 10 }]);
    const again = applyPlans(wb.sheets, [second.plan]);
    expect(again.sheets.map((s) => s.name)).toEqual(['项目表', '绩效指标', M]);
    expect(again.sheets.find((s) => s.name === M)!.conditionalFormats).toHaveLength(6);
    expect([again.value(M, 'E26'), again.value(M, 'H23'), again.value(M, 'I26')]).toEqual([500, '有可能', '经费原因']);
    expect(again.value(M, 'F26')).toBe(0.5); // 500 in half a year → 1000 of 2000
    expect(second.report.indicators[3]).toMatchObject({ current: 500, currentFrom: 'user', projected: 0.5, deviation: -0.5, reason: '经费原因' });
  });

  it('a later month moves the lights', () => {
    const sept = planMonitor(first.wb.sheets, withDefaults({ asOfMonth: 9 }));
    const wb = applyPlans(first.wb.sheets, [sept.plan]);
    expect(wb.value(M, 'B2')).toBe(9);
    expect(wb.value(M, 'H19')).toBe(100); // 75 % at 9/12
    expect(sept.report.summary).toEqual({ red: 4, yellow: 0, green: 1, none: 0 });
  });
});

describe('monitor: other workbooks', () => {
  it('without a 合计 row adds up the projects for the department', () => {
    const s = budget();
    s.values = s.values.slice(0, 8);
    s.formulas = s.formulas.slice(0, 8);
    const { report, wb } = build([s]);
    expect(wb.sheets.find((x) => x.name === M)!.formulas[6]![1]).toBe('=SUM(D15:D19)');
    expect(wb.value(M, 'B7')).toBe(600);
    expect(report.overall.linkedTo).toBeNull();
    expect(report.overall.adjusted).toBe(600);
  });

  it('reads a change column (调整数 = delta) as 年初 + 调整', () => {
    const s = sheet('表', [
      ['序号', '项目名称', '年初预算数', '调整数', '实际支出'],
      ['1', '甲', 100, -20, 40],
      ['2', '乙', 200, 10, 100],
    ]);
    const { report, wb } = build([s], withDefaults({ asOfMonth: 6, adjustedMeans: 'delta' }));
    expect(wb.value(M, 'D15')).toBe(80);
    expect(wb.value(M, 'H15')).toBe(100);
    expect(report.projects[0]!.cells.adjusted).toEqual(["'表'!C2", "'表'!D2"]);
  });

  it('leaves a sheet named 绩效运行监控 that is not ours alone', () => {
    const mine = sheet(M, [['我的监控笔记'], ['不要动']]);
    const { report, plan, wb } = build([budget(), mine]);
    expect(report.sheet).toBe(MONITOR_SHEET_FALLBACK);
    expect(plan.sheet).toBe(MONITOR_SHEET_FALLBACK);
    expect(wb.sheets.find((s) => s.name === M)!.values).toEqual(mine.values);
  });

  it('follows next year\'s sheet once it is in the workbook', () => {
    const thisYear = sheet('2021年项目表', [['2021年项目支出'], ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出'], ['1', '旧项目', 10, 10, 10]]);
    const nextYear = sheet('2022年项目表', [['2022年项目支出'], ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出'], ['1', '新项目', 10, 10, 3]]);
    const { report } = build([thisYear, nextYear]);
    expect(report.superseded).toEqual(['2021年项目表']);
    expect(report.projects.map((p) => p.name)).toEqual(['新项目']);
  });

  it('keeps reading this year while next year\'s sheet is an empty template (just made by next-year)', () => {
    const thisYear = sheet('2021年项目表', [['2021年项目支出'], ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出'], ['1', '旧项目', 10, 10, 10]]);
    const template = sheet('2022年项目表', [['2022年项目支出'], ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出'], ['1', '旧项目', null, null, null]]);
    const { report } = build([thisYear, template]);
    expect(report.superseded).toEqual([]);
    expect(report.projects.map((p) => [p.sheet, p.name])).toEqual([['2021年项目表', '旧项目']]);
  });

  it('needs the month', () => {
    expect(() => planMonitor([budget()], withDefaults())).toThrow(/as-of month/);
  });

  it('says so when there is nothing to monitor, and still counts', () => {
    const { report, plan, wb } = build([sheet('空', [['无表']])]);
    expect(report.projects).toEqual([]);
    expect(plan.validations).toBeUndefined();
    expect(wb.value(M, 'B15')).toMatch(/未找到预算执行表/);
    expect(wb.value(M, 'B4')).toBe(0);
  });
});
