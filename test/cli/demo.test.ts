/**
 * `budget-exec demo` on the bundled samples (assets/samples, built by scripts/build-samples.ts): needs the
 * engine and the samples. Results must go to a temp folder, never into assets/.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSamplesDir, runDemo } from '../../src/cli/commands/demo';
import { CliError } from '../../src/cli/messages';
import { runCli } from './runMain';

const samples = defaultSamplesDir();
const listing = () =>
  readdirSync(samples)
    .sort()
    .map((n) => `${n}:${statSync(join(samples, n)).mtimeMs}:${statSync(join(samples, n)).size}`);

const outputs: string[] = [];
afterAll(() => {
  for (const d of new Set(outputs.map((o) => dirname(o)))) rmSync(d, { recursive: true, force: true });
});

describe('demo', () => {
  it('summarises every sample and writes results to a temp folder only', async () => {
    const before = listing();
    const run = await runCli(['demo']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(listing()).toEqual(before);
    expect(run.stdout).toMatch(/示例 Sample 1\//);
    expect(run.stdout).toContain('列映射 Columns');
    expect(run.stdout).toContain('行分类 Rows by kind');
    expect(run.stdout).toMatch(/\d+\.\d{2}%/);
    // indicators on the two samples with indicator tables: total score and grade; next-year on 荔湾: sheet names.
    const totals = [...run.stdout.matchAll(/绩效自评 Indicators：(\d+) 项指标 indicators，自评总分 total ([\d.]+) \/ 100，等级 grade ([优良中差])/g)];
    // The two standard forms (issue 8): the department form (9 indicators, 99.66) and the national form (7, 98.70).
    expect(totals.map((m) => m[1])).toEqual(['9', '26', '38', '7']);
    expect(totals.map((m) => m[2])).toEqual(['99.66', expect.any(String), expect.any(String), '98.70']);
    expect(run.stdout).toContain('自评表 Form：项目支出绩效自评表（财预〔2020〕10号）');
    expect(run.stdout).toContain('自评表 Form：部门整体支出绩效自评表');
    expect(run.stdout).toMatch(/下一年度 Next year：表1-2 → 表1-2（\d{4}年），项目支出 → 项目支出（\d{4}年），绩效指标 → 绩效指标（2022年）/);
    const written = [...run.stdout.matchAll(/输出 Output：(.+)$/gm)].map((m) => m[1]);
    outputs.push(...written);
    expect(written.length).toBeGreaterThan(0);
    for (const o of written) {
      expect(existsSync(o)).toBe(true);
      expect(o.startsWith(tmpdir())).toBe(true);
    }
  });

  it('says what to do when there are no samples', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-samples-'));
    try {
      const err = await runDemo({ io: { stdout: () => undefined, stderr: () => undefined, isTTY: false } }, empty).catch((e) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).zh).toContain('npm run samples');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
