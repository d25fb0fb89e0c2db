/**
 * Issue 8 on the command line: `apply` and `indicators` on standard forms (.xlsx as a user keeps them), `--scheme`,
 * and the report's `forms` field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetReport } from '../../src/core';
import type { IndicatorReport } from '../../src/core/indicators';
import { departmentForm, nationalProjectForm, PROJECT_EXPECTED } from '../fixtures/forms';
import { formWorkbook } from '../core/forms/formHarness';
import { ERROR_LINE, runCli } from './runMain';
import { CliFiles } from './workbookFiles';

const files = new CliFiles('cli-forms-');
afterAll(() => files.remove());

beforeAll(async () => {
  await formWorkbook(nationalProjectForm()).xlsx.writeFile(files.path('national.xlsx'));
  await formWorkbook(departmentForm()).xlsx.writeFile(files.path('department.xlsx'));
});

async function json<T>(args: string[]): Promise<T> {
  const run = await runCli([...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('apply on a form', () => {
  it('reports the form, its scheme and what it filled; keeps the contract fields', async () => {
    const report = await json<BudgetReport>(['apply', files.path('national.xlsx'), '-o', files.path('national.out.xlsx')]);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['tables', 'flags', 'forms']));
    const [form] = report.forms!;
    expect(form).toMatchObject({ kind: 'national-project', scheme: { id: 'national-project', official: true } });
    expect(form.budget).toMatchObject({ totalRow: 6, rateCell: 'G6', scoreCell: 'H6', weight: 10 });
    expect(form.indicators).toMatchObject({ formulas: 7, totalCell: 'H20' });
    expect(report.tables[0].columns.adjustmentRate).toBeNull();
    expect(report.sheets[0].form).toBe('national-project');
  });

  it('prints the form in the summary', async () => {
    const run = await runCli(['apply', files.path('national.xlsx'), '-o', files.path('national.out2.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('自评表 Form：项目支出绩效自评表（财预〔2020〕10号）');
    expect(run.stdout).toContain('未加宽 Not widened');
  });

  it('takes --scheme, by id or short name', async () => {
    const report = await json<BudgetReport>(['apply', files.path('department.xlsx'), '-o', files.path('dept.out.xlsx'), '--scheme', 'national']);
    expect(report.forms![0].scheme.id).toBe('national-project');
  });

  it('refuses an unknown scheme with one bilingual line', async () => {
    const run = await runCli(['apply', files.path('national.xlsx'), '-o', files.path('x.xlsx'), '--scheme', 'hubei']);
    expect(run.code).not.toBe(0);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(ERROR_LINE);
    expect(run.errLines[0]).toContain('--scheme');
  });
});

describe('indicators on a form', () => {
  it('scores the national form 98.7 (优)', async () => {
    const report = await json<IndicatorReport>(['indicators', files.path('national.xlsx'), '-o', files.path('national.ind.xlsx')]);
    expect(report.total.score).toBeCloseTo(PROJECT_EXPECTED.total, 9);
    expect(report.total.grade).toBe('优');
    expect(report.form?.kind).toBe('national-project');
  });

  it('scores the department form 99.66 with --scheme department', async () => {
    const report = await json<IndicatorReport>(['indicators', files.path('department.xlsx'), '-o', files.path('dept.ind.xlsx'), '--scheme', 'department']);
    expect(Number(report.total.score.toFixed(2))).toBe(99.66);
  });
});
