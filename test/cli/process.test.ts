/**
 * The command line as a separate process: real exit codes, real streams (stderr is a pipe here, so no
 * progress lines), process.argv handling.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectWorkbook } from './budgetWorkbook';
import { ERROR_LINE } from './runMain';

const root = resolve(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const runner = join(__dirname, 'runCliProcess.ts');

function cli(args: string[]) {
  const r = spawnSync(tsx, [runner, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, BUDGET_EXEC_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-process-'));
  await buildProjectWorkbook().workbook.xlsx.writeFile(join(dir, 'projects.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('as a process', () => {
  it('a missing file: exit 1 and one line on stderr', () => {
    const r = cli(['inspect', join(dir, 'a.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(ERROR_LINE);
  });

  it('a usage error: exit 2', () => {
    const r = cli(['apply', join(dir, 'projects.xlsx'), '-o', join(dir, 'o.xlsx'), '--threshold', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--json through a pipe: one JSON document on stdout, nothing on stderr (engine needed)', () => {
    const r = cli(['inspect', join(dir, 'projects.xlsx'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tables.length).toBeGreaterThan(0);
  });

  it('a reader that goes away (| head) ends nothing badly: no EPIPE trace, exit 0 (engine and samples needed)', async () => {
    // The demo writes to a folder under the temp dir; pointing TMPDIR into ours lets afterAll remove it.
    const child = spawn(tsx, [runner, 'demo'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: dir } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
