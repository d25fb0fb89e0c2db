/**
 * `budget-exec next-year` end to end, in-process, on the 荔湾 2021 sample (seed 000): next year's sheets beside
 * this year's, the JSON contract, the new 表1-2 filled by the test as a user would and computed by HyperFormula
 * (合计 by SUM: 30,561.77 / 73,920.34 / 72,555.63; 98.15 %), the input sheets unchanged, a re-run adding nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NextYearReport } from '../../src/core/nextYear';
import { SEED000_TABLE_1_2 } from '../fixtures/seedBudget';
import { computeWorkbook } from '../helpers/computeWithHyperFormula';
import { ERROR_LINE, runCli } from './runMain';
import { bytes, CliFiles, LIWAN, readBook, snapshots } from './workbookFiles';

const files = new CliFiles('cli-next-year-');
afterAll(() => files.remove());

const NEW_12 = '表1-2（2022年）';

async function nextYear(...args: string[]): Promise<NextYearReport> {
  const run = await runCli(['next-year', ...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as NextYearReport;
}

let input: string;
let out: string;
let report: NextYearReport;
let before: Buffer;

beforeAll(async () => {
  input = files.sample(LIWAN);
  before = bytes(input);
  out = files.path('liwan.next.xlsx');
  // --year: without it the engine takes 2023 for 表1-2 from its sign-off line "填报日期：2022年5月16日".
  report = await nextYear(input, '-o', out, '--year', '2022');
});

describe('next-year', () => {
  it('prints {"sheets":[{"from","to","tables","rowsKept","cellsCleared"}]}', () => {
    expect(report.sheets.map((s) => [s.from, s.to])).toEqual([
      ['表1-2', NEW_12],
      ['项目支出', '项目支出（2022年）'],
      ['绩效指标', '绩效指标（2022年）'],
    ]);
    for (const s of report.sheets) for (const key of ['from', 'to', 'tables', 'rowsKept', 'cellsCleared']) expect(s).toHaveProperty(key);
    expect(report.sheets[0]).toMatchObject({ tables: 1, rowsKept: 7, cellsCleared: 12 });
  });

  it('adds each new sheet right after its source and leaves the input sheets as they were', async () => {
    const [a, b] = [await snapshots(input), await snapshots(out)];
    expect([...b.keys()]).toEqual(['表1-2', NEW_12, '项目支出', '项目支出（2022年）', '绩效指标', '绩效指标（2022年）']);
    for (const [name, sheet] of a) expect(b.get(name), name).toEqual(sheet);
    expect(bytes(input).equals(before)).toBe(true);
  });

  it('carries the layout: merges, widths, frozen panes', async () => {
    const wb = await readBook(out);
    const [src, dst] = [wb.getWorksheet('表1-2')!, wb.getWorksheet(NEW_12)!];
    const book = await snapshots(out);
    expect(book.get(NEW_12)!.merges).toEqual(book.get('表1-2')!.merges);
    for (let c = 1; c <= 7; c++) expect(dst.getColumn(c).width, `column ${c}`).toBe(src.getColumn(c).width);
    expect(dst.views[0]).toMatchObject({ state: 'frozen', ySplit: (src.views[0] as { ySplit?: number }).ySplit });
  });

  it('filled with the amounts by the test, 合计 adds up by SUM and rates 98.15 % (HyperFormula)', async () => {
    const wb = await readBook(out);
    const ws = wb.getWorksheet(NEW_12)!;
    expect(ws.getCell('D11').formula).toMatch(/^SUM\(/);
    // Items on rows 5, 6, 8, 9 of the sample, typed as numbers (SUM, in Excel as here, skips an amount typed as text).
    const items = SEED000_TABLE_1_2.rows.filter((r) => r.kind === 'item');
    [5, 6, 8, 9].forEach((row, i) => {
      const r = items[i]!;
      expect(ws.getCell(`C${row}`).value, `C${row} emptied`).toBeNull();
      ws.getCell(`C${row}`).value = r.initial;
      ws.getCell(`D${row}`).value = r.adjusted;
      ws.getCell(`E${row}`).value = r.actual;
    });
    const filled = files.path('liwan.next.filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const value = await computeWorkbook(filled);
    const v = (a: string) => value(NEW_12, a) as number;
    expect([v('C11'), v('D11'), v('E11')].map((x) => x.toFixed(2))).toEqual(['30561.77', '73920.34', '72555.63']);
    expect(v('F11').toFixed(4)).toBe('0.9815');
    expect(v('G11').toFixed(4)).toBe('1.4187');
    expect(v('F7').toFixed(4)).toBe('0.9843');
    expect(value(NEW_12, 'F8')).toBe('--');
  });

  it('a re-run on its own output adds no second set of sheets', async () => {
    const again = files.path('liwan.next.again.xlsx');
    const second = await nextYear(out, '-o', again, '--year', '2022');
    expect(second.sheets.every((s) => s.existing === true)).toBe(true);
    expect([...(await snapshots(again)).keys()]).toEqual([...(await snapshots(out)).keys()]);
  });

  it('--carry-actuals adds this year\'s actuals as a reference column', async () => {
    const carried = await nextYear(input, '-o', files.path('liwan.carry.xlsx'), '--year', '2022', '--carry-actuals');
    expect(carried.sheets[0]!).toMatchObject({ carriedActuals: [expect.stringMatching(/^[A-Z]+$/)] });
    const column = carried.sheets[0]!.carriedActuals[0]!;
    const value = await computeWorkbook(files.path('liwan.carry.xlsx'));
    expect(value(NEW_12, `${column}11`)).toBeCloseTo(72555.63, 2);
  });

  it('prints a readable summary of the sheets made', async () => {
    const run = await runCli(['next-year', input, '-o', files.path('liwan.text.xlsx'), '--year', '2022']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`表1-2 → ${NEW_12}`);
    expect(run.stdout).toContain('原工作表未作任何改动');
  });
});

describe('next-year: bad inputs end with one line', () => {
  it.each([['abc'], ['22'], ['2022.5']])('--year %s', async (year) => {
    const target = files.path(`bad-${year}.xlsx`);
    const run = await runCli(['next-year', input, '-o', target, '--year', year]);
    expect(run.code).toBe(2);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    expect(run.errLines[0]).toContain('--year');
    expect(run.stdout).toBe('');
  });

  it('a workbook without tables', async () => {
    const { buildNoTableWorkbook } = await import('./budgetWorkbook');
    const minutes = files.path('minutes.xlsx');
    await buildNoTableWorkbook().xlsx.writeFile(minutes);
    const run = await runCli(['next-year', minutes, '-o', files.path('minutes.next.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('下一年度');
  });
});
