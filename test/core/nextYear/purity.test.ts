/**
 * next year's template and the monitor run in the add-in (browser), the command line (Node) and tests alike, so
 * they import nothing but the core's own modules: no Node, DOM or Office.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../src/core');
const files = ['nextYear', 'monitor'].flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`));

describe('src/core/nextYear and src/core/monitor are pure TypeScript', () => {
  it.each(files)('%s imports only relative modules and uses no host globals', (file) => {
    const source = readFileSync(join(root, file), 'utf8');
    for (const m of source.matchAll(/from\s+'([^']+)'/g)) expect(m[1]).toMatch(/^\.\.?\//);
    expect(source).not.toMatch(/\b(?:Office|Excel|document|window|process|require)\b\s*[.(]/);
  });

  it.each(files)('%s stays under 300 lines', (file) => {
    expect(readFileSync(join(root, file), 'utf8').split('\n').length).toBeLessThan(300);
  });
});
