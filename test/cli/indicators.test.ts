/**
 * `budget-exec indicators` end to end, in-process: the JSON contract of issue 4, the built sheet's formulas
 * computed by HyperFormula (seed 002: 扶持成功创业人数 200.39 %, 帮扶城镇失业人员再就业人数 115.13 %; seed 000: the
 * 预算执行率 row linked to 表1-2's 合计 rate formula, 98.15 %), the input untouched, a re-run refreshing in place.
 */
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLetter } from '../../src/core';
import { type IndicatorEntry, type IndicatorReport, OWN_COLUMNS } from '../../src/core/indicators';
import { computeWorkbook } from '../helpers/computeWithHyperFormula';
import { buildNoTableWorkbook } from './budgetWorkbook';
import { ERROR_LINE, runCli } from './runMain';
import { bytes, CliFiles, GUANGZHOU, LIWAN, readBook, snapshots } from './workbookFiles';

const files = new CliFiles('cli-indicators-');
afterAll(() => files.remove());

const col = (key: keyof typeof OWN_COLUMNS) => columnLetter(OWN_COLUMNS[key].col);
const byName = (r: IndicatorReport, name: string) => r.indicators.find((e) => e.name === name)!;
const pct = (x: unknown) => ((x as number) * 100).toFixed(2);

async function indicators(input: string, output: string, ...extra: string[]): Promise<IndicatorReport> {
  const run = await runCli(['indicators', input, '-o', output, '--json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as IndicatorReport; // exactly one JSON document, or this throws
}

describe('indicators on seed 002 (广州 2022, free-text actuals)', () => {
  let input: string;
  let out: string;
  let report: IndicatorReport;
  let before: Buffer;

  beforeAll(async () => {
    input = files.sample(GUANGZHOU);
    out = files.path('gz.out.xlsx');
    before = bytes(input);
    report = await indicators(input, out);
  });

  it('prints the report of the contract: indicators, flags, total', () => {
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['indicators', 'flags', 'total']));
    expect(report.total).toMatchObject({ score: expect.any(Number), grade: expect.stringMatching(/^[优良中差]$/) });
    expect(report.indicators.length).toBeGreaterThan(20);
    for (const e of report.indicators) {
      for (const key of ['sheet', 'row', 'name', 'level1', 'level2', 'target', 'actual', 'completion', 'status', 'weight', 'score']) expect(e, e.name).toHaveProperty(key);
      for (const key of ['text', 'value', 'unit', 'direction', 'parts']) expect(e.target).toHaveProperty(key);
      for (const key of ['text', 'value', 'unit', 'parts']) expect(e.actual).toHaveProperty(key);
      expect(['achieved', 'short', 'over', 'qualitative', 'unparsed']).toContain(e.status);
    }
    for (const f of report.flags) expect(f).toMatchObject({ sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+\d+$/), rule: expect.any(String), message: expect.any(String) });
  });

  it('the built sheet computes the printed completions (HyperFormula)', async () => {
    const value = await computeWorkbook(out);
    const at = (e: IndicatorEntry, key: keyof typeof OWN_COLUMNS) => value(report.sheet, `${col(key)}${e.outputRow}`);
    const startups = byName(report, '扶持成功创业人数');
    const reemployed = byName(report, '帮扶城镇失业人员再就业人数');
    expect(pct(at(startups, 'completion'))).toBe('200.39');
    expect(pct(at(reemployed, 'completion'))).toBe('115.13');
    expect([at(startups, 'status'), at(reemployed, 'status')]).toEqual(['超额', '已完成']);
    expect(startups.completion).toBeCloseTo(at(startups, 'completion') as number, 9);
    // Over 150 % earns its weight and no more.
    expect(at(startups, 'score')).toBeCloseTo(startups.weight!, 9);
    // Every score the report gives is what the sheet computes.
    for (const e of report.indicators) if (e.score !== null) expect(at(e, 'score') as number, e.name).toBeCloseTo(e.score, 6);
  });

  it('builds its own sheet beside the user\'s 绩效指标完成情况 and never touches the input', async () => {
    expect(report.sheet).toBe('绩效指标完成情况（自评）');
    expect([...(await snapshots(out)).keys()]).toEqual(['绩效指标完成情况', '绩效指标完成情况（自评）']);
    expect(bytes(input).equals(before)).toBe(true);
  });

  it('a re-run on its own output refreshes the sheet instead of adding one', async () => {
    const again = files.path('gz.again.xlsx');
    const second = await indicators(out, again);
    expect(second.refreshed).toBe(true);
    expect(second.sheet).toBe(report.sheet);
    const [a, b] = [await snapshots(out), await snapshots(again)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(b.get(report.sheet)!.formulas).toEqual(a.get(report.sheet)!.formulas);
    expect(b.get(report.sheet)!.conditionalFormats).toEqual(a.get(report.sheet)!.conditionalFormats);
    expect(second.total).toEqual(report.total);
  });

  it('puts the 偏差原因 drop-down on the sheet and freezes its header', async () => {
    const ws = (await readBook(out)).getWorksheet(report.sheet)!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae?: string[] } | undefined> } }).dataValidations.model;
    const e = byName(report, '扶持成功创业人数');
    expect(dv[`${col('reason')}${e.outputRow}`]?.formulae?.[0]).toBe('"人员原因,制度原因,经费原因,其他原因"');
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });
  });

  it('shows progress on a terminal\'s stderr only, wiped at the end', async () => {
    const run = await runCli(['indicators', input, '-o', files.path('gz.tty.xlsx'), '--json'], { isTTY: true });
    expect(run.code).toBe(0);
    JSON.parse(run.stdout);
    expect(run.stderr).toMatch(/读取 reading/);
    expect(run.stderr).not.toContain('\n');
    expect(run.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('prints a readable Chinese summary', async () => {
    const run = await runCli(['indicators', input, '-o', files.path('gz.text.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('200.39%');
    expect(run.stdout).toContain('扶持成功创业人数');
    expect(run.stdout).toMatch(/自评总分 Total score：[\d.]+ \/ 100，等级 grade：[优良中差]/);
    expect(run.stdout).toContain(`输出工作表 Output sheet：${report.sheet}`);
  });
});

describe('indicators on seed 000 (荔湾 2021): 预算执行率 linked to the budget table', () => {
  let out: string;
  let report: IndicatorReport;

  beforeAll(async () => {
    // The sample's 表1-2 has its rates typed in; emptied here, so the budget plan writes its formulas first.
    const wb = await readBook(files.sample(LIWAN));
    const ws = wb.getWorksheet('表1-2')!;
    for (let r = 5; r <= 11; r++) for (const c of ['F', 'G']) ws.getCell(`${c}${r}`).value = null;
    const input = files.path('liwan.blank-rates.xlsx');
    await wb.xlsx.writeFile(input);
    out = files.path('liwan.out.xlsx');
    report = await indicators(input, out);
  });

  it('writes 表1-2\'s rate formulas first and links 预算执行率 to its 合计: 98.15 %', async () => {
    const exec = report.indicators.find((e) => e.kind === 'execution')!;
    expect(exec.linkedCell).toBe("'表1-2'!F11");
    const book = await snapshots(out);
    expect(book.get('表1-2')!.formulas[10]![5]).toMatch(/^=IFERROR\(/);
    const value = await computeWorkbook(out);
    expect(pct(value('表1-2', 'F11'))).toBe('98.15');
    expect(pct(value(report.sheet, `${col('completion')}${exec.outputRow}`))).toBe('98.15');
    expect(value(report.sheet, `${col('score')}${exec.outputRow}`)).toBeCloseTo(9.815, 3);
    expect(exec.completion).toBeCloseTo(0.9815, 4);
  });

  it('reads all 38 indicators and puts the sheet after the indicator sheet', async () => {
    expect(report.indicators.filter((e) => e.kind === 'indicator')).toHaveLength(38);
    expect([...(await snapshots(out)).keys()]).toEqual(['表1-2', '项目支出', '绩效指标', '绩效指标完成情况']);
  });

  it('--sheet reads indicator tables from that sheet only, and still links 预算执行率', async () => {
    const only = await indicators(out, files.path('liwan.sheet.xlsx'), '--sheet', '绩效指标');
    expect(new Set(only.tables.map((t) => t.sheet))).toEqual(new Set(['绩效指标']));
    expect(only.refreshed).toBe(true);
    expect(only.indicators.find((e) => e.kind === 'execution')!.linkedCell).toBe("'表1-2'!F11");
  });
});

describe('indicators on a workbook with budget tables only', () => {
  it('builds the sheet with the linked 预算执行率 row and says indicators are missing (not an error)', async () => {
    const { buildProjectWorkbook } = await import('./budgetWorkbook');
    const input = files.path('projects.xlsx');
    await buildProjectWorkbook().workbook.xlsx.writeFile(input);
    const report = await indicators(input, files.path('projects.out.xlsx'));
    expect(report.indicators.map((e) => e.kind)).toEqual(['execution']);
    expect(report.indicators[0]!.linkedCell).toMatch(/^'项目支出'!/);
    expect(report.flags.map((f) => f.rule)).toContain('no-indicators');
    const text = await runCli(['indicators', input, '-o', files.path('projects.text.xlsx')]);
    expect(text.stdout).toContain('未找到绩效指标表');
  });
});

describe('indicators: bad inputs end with one line and no file', () => {
  it('a --sheet without an indicator table', async () => {
    const input = files.sample(LIWAN);
    const out = files.path('x1.xlsx');
    const run = await runCli(['indicators', input, '-o', out, '--sheet', '项目支出']);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    expect(run.errLines[0]).toContain('项目支出');
    expect(existsSync(out)).toBe(false);
  });

  it('a workbook with neither indicator nor budget tables', async () => {
    const input = files.path('minutes.xlsx');
    await buildNoTableWorkbook().xlsx.writeFile(input);
    const run = await runCli(['indicators', input, '-o', files.path('x2.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    expect(run.errLines[0]).toContain('绩效指标表');
    expect(run.stdout).toBe('');
    expect(readdirSync(files.dir).filter((n) => n.endsWith('.tmp') || n === 'x2.xlsx')).toEqual([]);
  });

  it('without -o', async () => {
    const run = await runCli(['indicators', files.sample(GUANGZHOU)]);
    expect(run.code).toBe(2);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('-o <out.xlsx>');
  });
});
