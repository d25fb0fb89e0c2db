/**
 * The indicator engine runs in the add-in (browser), the command line (Node) and tests alike, so it may import
 * nothing but its own modules and the core's type-only settings: no Node, DOM or Office.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../../src/core/indicators');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/core/indicators is pure TypeScript', () => {
  it.each(files)('%s imports only relative modules and uses no host globals', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec).toMatch(/^\.\.?\//);
    expect(source).not.toMatch(/\b(?:Office|Excel|document|window|process|require)\b\s*[.(]/);
  });

  it.each(files)('%s stays under 300 lines', (file) => {
    expect(readFileSync(join(dir, file), 'utf8').split('\n').length).toBeLessThan(300);
  });
});
