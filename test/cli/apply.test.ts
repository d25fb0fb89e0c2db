/**
 * The command line end to end, in-process, on the seed 000 project tables. These need the engine
 * (src/core/budget/analyze.ts); formulas in the output are computed by HyperFormula and compared with the
 * seed's amounts and printed rates.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetReport } from '../../src/core';
import { readSnapshot } from '../helpers/exceljsSnapshot';
import { SEED000_LOW_EXECUTION, SEED_BUDGET_DEVIATIONS } from '../fixtures/seedBudget';
import { computeWorkbook } from '../helpers/computeWithHyperFormula';
import { buildNoTableWorkbook, buildProjectWorkbook, type LaidOutRow, PROJECT_SHEET } from './budgetWorkbook';
import { ERROR_LINE, runCli } from './runMain';

let dir: string;
let input: string;
let laidOut: LaidOutRow[];
const f = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-apply-'));
  input = f('projects.xlsx');
  const built = buildProjectWorkbook();
  laidOut = built.rows;
  await built.workbook.xlsx.writeFile(input);
  await buildNoTableWorkbook().xlsx.writeFile(f('minutes.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A computed rate as the report prints it: "57.99%". */
const asPrinted = (v: unknown) => `${((v as number) * 100).toFixed(2)}%`;

/**
 * The printed rate, except where the seed disagrees with its own amounts (SEED_BUDGET_DEVIATIONS): there
 * the formula must give what the amounts give.
 */
function expectedPrinted(row: LaidOutRow, field: 'executionRate' | 'adjustmentRate'): string {
  const deviation = SEED_BUDGET_DEVIATIONS.find((d) => d.tableId === row.table && d.name === row.name && d.field === field);
  if (deviation) return deviation.computed;
  const printed = field === 'executionRate' ? row.printedExecution : row.printedAdjustment;
  return asPrinted(printed);
}

function parseJson(stdout: string): BudgetReport {
  // Exactly one JSON document: JSON.parse fails on anything before or after it.
  return JSON.parse(stdout) as BudgetReport;
}

describe('inspect', () => {
  it('--json prints one report and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    const run = await runCli(['inspect', input, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = parseJson(run.stdout);
    expect(report.tables).toHaveLength(4);
    for (const t of report.tables) {
      expect(t.sheet).toBe(PROJECT_SHEET);
      expect(t.columns).toMatchObject({ initial: 'C', adjusted: 'D', actual: 'E' });
      expect(t.adjustedMeans).toBe('total');
    }
    expect(report.tables[1].headerRows).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('flags the five seed projects below 90%', async () => {
    const report = parseJson((await runCli(['inspect', input, '--json'])).stdout);
    const low = report.flags.filter((x) => x.rule === 'low-execution').map((x) => x.name);
    expect(new Set(low)).toEqual(new Set(SEED000_LOW_EXECUTION));
    for (const flag of report.flags) expect(flag).toMatchObject({ sheet: PROJECT_SHEET, cell: expect.stringMatching(/^[A-Z]+\d+$/) });
  });

  it('prints a readable Chinese summary with rates as percentages', async () => {
    const run = await runCli(['inspect', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('国有企业退休人员社会化管理（中央）财政补助资金');
    expect(run.stdout).toContain('57.99%');
    expect(run.stdout).toContain('执行率偏低');
    expect(run.stdout).toContain('列映射');
  });

  it('--sheet limits the analysis to one sheet', async () => {
    const report = parseJson((await runCli(['inspect', input, '--json', '--sheet', PROJECT_SHEET])).stdout);
    expect(report.sheets.map((s) => s.name)).toEqual([PROJECT_SHEET]);
  });
});

describe('apply', () => {
  let out: string;
  let report: BudgetReport;
  let inputBytes: Buffer;
  let inputMtime: number;

  beforeAll(async () => {
    out = f('projects.checked.xlsx');
    inputBytes = readFileSync(input);
    inputMtime = statSync(input).mtimeMs;
    const run = await runCli(['apply', input, '-o', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    report = parseJson(run.stdout);
  });

  it('never touches the input file', () => {
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(inputMtime);
  });

  it('writes formulas that compute the seed rates (checked by HyperFormula)', async () => {
    const value = await computeWorkbook(out);
    for (const seedRow of laidOut) {
      const table = report.tables.find((t) => t.firstRow <= seedRow.row && seedRow.row <= t.lastRow)!;
      const exec = value(PROJECT_SHEET, `${table.columns.executionRate}${seedRow.row}`);
      const adj = value(PROJECT_SHEET, `${table.columns.adjustmentRate}${seedRow.row}`);
      const where = `${seedRow.name} (row ${seedRow.row})`;
      if (seedRow.adjusted && seedRow.actual !== null) {
        expect(exec, where).toBeCloseTo(seedRow.actual / seedRow.adjusted, 9);
        expect(asPrinted(exec), where).toBe(expectedPrinted(seedRow, 'executionRate'));
      }
      if (seedRow.initial && seedRow.adjusted !== null) {
        expect(adj, where).toBeCloseTo((seedRow.adjusted - seedRow.initial) / seedRow.initial, 9);
        expect(asPrinted(adj), where).toBe(expectedPrinted(seedRow, 'adjustmentRate'));
      }
    }
  });

  it('writes rate formulas formatted as percentages, with flag rules and notes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const snapshot = readSnapshot(wb.getWorksheet(PROJECT_SHEET)!);
    const low = report.flags.find((x) => x.name === '国有企业退休人员社会化管理（中央）财政补助资金')!;
    const cell = wb.getWorksheet(PROJECT_SHEET)!.getCell(low.cell);
    expect(cell.formula).toBeTruthy();
    expect(cell.numFmt).toBe('0.00%');
    expect(snapshot.conditionalFormats!.length).toBeGreaterThan(0);
    expect(snapshot.notes!.some((n) => `${String.fromCharCode(64 + n.col)}${n.row}` === low.cell)).toBe(true);
  });

  it('running again on its own output changes nothing', async () => {
    const again = f('projects.checked.twice.xlsx');
    const run = await runCli(['apply', out, '-o', again, '--json']);
    expect(run.code).toBe(0);
    const second = parseJson(run.stdout);
    expect(second.tables.map((t) => t.formulasWritten)).toEqual(second.tables.map(() => 0));
    const read = async (p: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(p);
      return wb.worksheets.map((ws) => readSnapshot(ws));
    };
    const [a, b] = [await read(out), await read(again)];
    for (let i = 0; i < a.length; i++) {
      expect(b[i].formulas).toEqual(a[i].formulas);
      expect(b[i].values).toEqual(a[i].values);
      expect(b[i].conditionalFormats).toEqual(a[i].conditionalFormats);
      expect(b[i].notes).toEqual(a[i].notes);
      expect([...b[i].merges].sort((x, y) => x.top - y.top || x.left - y.left)).toEqual([...a[i].merges].sort((x, y) => x.top - y.top || x.left - y.left));
    }
  });

  it('prints a readable summary with the output path', async () => {
    const out2 = f('projects.text.xlsx');
    const run = await runCli(['apply', input, '-o', out2, '--threshold', '85%']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`输出 Output：${out2}`);
    expect(run.stdout).toContain('45.89%');
    expect(run.stdout).not.toContain('89.27%'); // above an 85% threshold
  });

  it('shows progress on stderr only on a terminal, never on stdout', async () => {
    const run = await runCli(['apply', input, '-o', f('progress.xlsx'), '--json'], { isTTY: true });
    expect(run.code).toBe(0);
    parseJson(run.stdout);
    expect(run.stderr).toMatch(/读取 reading/);
    expect(run.stderr).toMatch(/保存 writing/);
    expect(run.stderr).toContain(PROJECT_SHEET);
    // One status line, rewritten in place and wiped at the end: nothing is left on the screen.
    expect(run.stderr).not.toContain('\n');
    expect(run.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('in a terminal, an error still leaves exactly one line on screen', async () => {
    const run = await runCli(['apply', f('minutes.xlsx'), '-o', f('x.xlsx')], { isTTY: true });
    expect(run.code).toBe(1);
    const visible = run.stderr.split('\r\x1b[2K').pop()!;
    expect(visible.trimEnd().split('\n')).toHaveLength(1);
    expect(visible.trimEnd()).toMatch(ERROR_LINE);
  });
});

describe('input problems found by the engine', () => {
  it('a workbook without a budget table: exit 1, one line, no output file', async () => {
    const out = f('minutes.checked.xlsx');
    const run = await runCli(['apply', f('minutes.xlsx'), '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    expect(run.errLines[0]).toContain('没有找到预算执行表');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a --sheet that does not exist: exit 1, names the sheets there are', async () => {
    const out = f('nosheet.xlsx');
    const run = await runCli(['apply', input, '-o', out, '--sheet', 'Sheet9']);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    expect(run.errLines[0]).toContain(PROJECT_SHEET);
    expect(existsSync(out)).toBe(false);
  });

  it('a --sheet without a table: exit 1', async () => {
    const run = await runCli(['inspect', input, '--sheet', '说明']);
    expect(run.code).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('说明');
  });
});
