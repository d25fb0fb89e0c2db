/**
 * `budget-exec monitor` end to end, in-process, on the 荔湾 2021 sample with two projects made slow (seed 000's
 * amounts otherwise): at month 6 (序时进度 50 %) a project at 25 % execution is red (progress 50), one at 35 %
 * yellow (70), the rest green; the lights, their counts and the department's 98.15 % are computed by HyperFormula
 * from the sheet's formulas. The drop-downs are there, the input is untouched, a re-run refreshes in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAddress } from '../../src/core';
import { FUNDING_COLUMNS, INDICATOR_COLUMNS, type MonitorReport, SUMMARY_ROWS } from '../../src/core/monitor';
// Not (yet) exported by the monitor's index: the column of the summary's values.
import { SUMMARY_VALUE_COL } from '../../src/core/monitor/layout';
import { computeWorkbook } from '../helpers/computeWithHyperFormula';
import { ERROR_LINE, runCli } from './runMain';
import { bytes, CliFiles, LIWAN, readBook, snapshots } from './workbookFiles';

const files = new CliFiles('cli-monitor-');
afterAll(() => files.remove());

const RED = '吸纳建档立卡贫困劳动力补贴'; // 项目支出 row 4: 21 / 21 / 21
const YELLOW = '2021 年中央就业补助资金（第二批）'; // row 6: 292 / 292 / 292

async function monitor(...args: string[]): Promise<MonitorReport> {
  const run = await runCli(['monitor', ...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as MonitorReport;
}

let input: string;
let out: string;
let report: MonitorReport;
let before: Buffer;

beforeAll(async () => {
  const wb = await readBook(files.sample(LIWAN));
  const ws = wb.getWorksheet('项目支出')!;
  expect([ws.getCell('B4').value, ws.getCell('B6').value]).toEqual([RED, YELLOW]);
  ws.getCell('E4').value = 21 * 0.25;
  ws.getCell('E6').value = 292 * 0.35;
  input = files.path('liwan.slow.xlsx');
  await wb.xlsx.writeFile(input);
  before = bytes(input);
  out = files.path('liwan.monitor.xlsx');
  report = await monitor(input, '-o', out, '--as-of-month', '6');
});

describe('monitor --as-of-month 6', () => {
  it('reports projects with lights, the summary and the department', () => {
    expect(report).toMatchObject({ sheet: '绩效运行监控', asOfMonth: 6, schedule: 0.5, refreshed: false });
    const light = (name: string) => report.projects.find((p) => p.name === name)!.light;
    expect([light(RED), light(YELLOW)]).toEqual(['red', 'yellow']);
    expect(report.summary).toMatchObject({ red: 1, yellow: 1 });
    expect(report.summary.green).toBeGreaterThan(30);
    expect(report.overall.executionRate!.toFixed(4)).toBe('0.9815');
    expect(report.overall).toMatchObject({ progress: 196.31, light: 'green' });
  });

  it('the sheet\'s formulas give the same lights and counts (HyperFormula)', async () => {
    const value = await computeWorkbook(out);
    const at = (row: number, col: number) => value(report.sheet, cellAddress(row, col));
    const WORD = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;
    for (const p of report.projects) {
      if (p.light) expect(at(p.outputRow, FUNDING_COLUMNS.light.col), p.name).toBe(WORD[p.light]);
      if (p.progress !== null) expect(at(p.outputRow, FUNDING_COLUMNS.progress.col) as number, p.name).toBeCloseTo(p.progress, 2);
    }
    const red = report.projects.find((p) => p.name === RED)!;
    expect(at(red.outputRow, FUNDING_COLUMNS.rate.col)).toBeCloseTo(0.25, 9);
    expect(at(red.outputRow, FUNDING_COLUMNS.progress.col)).toBeCloseTo(50, 9);
    const summary = (key: keyof typeof SUMMARY_ROWS) => at(SUMMARY_ROWS[key].row, SUMMARY_VALUE_COL);
    expect([summary('red'), summary('yellow'), summary('green')]).toEqual([report.summary.red, report.summary.yellow, report.summary.green]);
    expect(summary('schedule')).toBeCloseTo(0.5, 9);
    expect((summary('rate') as number).toFixed(4)).toBe('0.9815');
    expect(summary('light')).toBe('绿灯');
  });

  it('has the 完成可能性 and 偏差原因 drop-downs on every indicator row', async () => {
    const ws = (await readBook(out)).getWorksheet(report.sheet)!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae?: string[] } | undefined> } }).dataValidations.model;
    expect(report.indicators.length).toBeGreaterThan(0);
    for (const i of report.indicators) {
      expect(dv[cellAddress(i.outputRow, INDICATOR_COLUMNS.likelihood.col)]?.formulae?.[0]).toBe('"确定能,有可能,完全不可能"');
      expect(dv[cellAddress(i.outputRow, INDICATOR_COLUMNS.reason.col)]?.formulae?.[0]).toBe('"人员原因,制度原因,经费原因,其他原因"');
    }
  });

  it('adds only its own sheet; the input file and the budget sheets are unchanged', async () => {
    const [a, b] = [await snapshots(input), await snapshots(out)];
    expect([...b.keys()]).toEqual([...a.keys(), '绩效运行监控']);
    for (const [name, sheet] of a) expect(b.get(name), name).toEqual(sheet);
    expect(bytes(input).equals(before)).toBe(true);
  });

  it('a re-run (month 9) refreshes the sheet in place: no second sheet, no piled-up rules', async () => {
    const again = files.path('liwan.monitor.9.xlsx');
    const second = await monitor(out, '-o', again, '--as-of-month', '9');
    expect(second).toMatchObject({ refreshed: true, sheet: report.sheet, asOfMonth: 9 });
    const [a, b] = [await snapshots(out), await snapshots(again)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(b.get(report.sheet)!.conditionalFormats).toEqual(a.get(report.sheet)!.conditionalFormats);
    const value = await computeWorkbook(again);
    expect(value(report.sheet, cellAddress(SUMMARY_ROWS.schedule.row, SUMMARY_VALUE_COL))).toBeCloseTo(0.75, 9);
    // At month 9 the project at 35 % is red too (progress 46.67).
    const yellow = second.projects.find((p) => p.name === YELLOW)!;
    expect(value(report.sheet, cellAddress(yellow.outputRow, FUNDING_COLUMNS.light.col))).toBe('红灯');
  });

  it('prints a readable summary', async () => {
    const run = await runCli(['monitor', input, '-o', files.path('text.xlsx'), '--as-of-month', '6']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('序时进度 schedule 50.00%');
    expect(run.stdout).toContain('红灯 red 1，黄灯 yellow 1');
    expect(run.stdout).toContain(RED);
  });
});

describe('monitor: bad inputs end with one line', () => {
  it.each([
    ['missing --as-of-month', [] as string[], ['--as-of-month', '1–12']],
    ['month 13', ['--as-of-month', '13'], ['--as-of-month', '13']],
    ['month six', ['--as-of-month', 'six'], ['--as-of-month']],
  ])('%s', async (_name, extra, mentions) => {
    const run = await runCli(['monitor', input, '-o', files.path('bad.xlsx'), ...extra]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    for (const m of mentions) expect(run.errLines[0]).toContain(m);
  });
});
