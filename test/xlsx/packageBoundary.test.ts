/**
 * src/xlsx/package runs in a browser too (the 网页版 loads it in a Web Worker): it takes and returns bytes and
 * imports no Node module; the file system stays in src/xlsx's other files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = resolve(__dirname, '../../src/xlsx/package');
// The formula libraries compute cached results here and the 网页版's grid in its worker: both run in browsers.
const BROWSER_SAFE = new Set(['@zip.js/zip.js', 'htmlparser2', 'fast-formula-parser', '@formulajs/formulajs']);

describe('src/xlsx/package', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.ts')))('%s imports only the engine, itself and browser-safe libraries', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (spec.startsWith('./') || spec.startsWith('../../core')) continue;
      expect(BROWSER_SAFE.has(spec), `${file} imports ${spec}`).toBe(true);
    }
    expect(source).not.toMatch(/\b(?:process|Buffer|require)\b\s*[.(]/);
  });
});
