/**
 * The layers of DESIGN.md, checked on the source: the engine (src/core) imports nothing but itself, so it runs
 * in the add-in, the command line and tests alike; imports run one way (cli → xlsx → core, taskpane → excel →
 * core, preview → taskpane/excel); no front end imports another. Files stay small.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0];

/** Which layers each layer may import (besides itself). Node and npm modules are checked separately for core. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  xlsx: ['core'],
  cli: ['core', 'xlsx'],
  excel: ['core'],
  taskpane: ['core', 'excel'],
  preview: ['core', 'excel', 'taskpane', 'xlsx'],
  // The 网页版: its worker runs the pane's action layer over the .xlsx front end's browser-safe files, and its
  // page shares the preview's grid, formula bar and sheet tabs (never the simulator, which carries HyperFormula).
  web: ['core', 'xlsx', 'taskpane', 'preview'],
};

const files = sourceFiles(SRC);

describe('architecture', () => {
  it.each(files.map((f) => [relative(SRC, f), f]))('%s imports only the layers below it', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const layer = layerOf(file);
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (spec.startsWith('.')) {
        const target = layerOf(resolve(dirname(file), spec));
        expect([layer, ...(ALLOWED[layer] ?? [])], `${spec}`).toContain(target);
      } else if (layer === 'core') {
        throw new Error(`src/core must not import packages or Node modules: ${spec}`);
      }
    }
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    if (layer === 'core') expect(code).not.toMatch(/\b(?:Office|Excel|document|window|process|require)\b\s*[.(]/);
  });

  // Inside the pane: one folder per part (budget/, indicators/, year/), shared pieces in shared/, the host port and
  // its bindings in host/. A part never imports another part, and only host/ may know src/excel (so a new host,
  // such as the 网页版, plugs in through the WorkbookFrontEnd port without touching the parts).
  const PANE = join(SRC, 'taskpane');
  const PARTS = ['budget', 'indicators', 'year'];
  const paneRoom = (file: string) => relative(PANE, file).split(/[\\/]/)[0];
  it.each(files.filter((f) => layerOf(f) === 'taskpane').map((f) => [relative(SRC, f), f]))('%s keeps to its room of the pane', (_name, file) => {
    const room = paneRoom(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*(?:\/\*[^*]*\*\/\s*)?'(\.[^']+)'/g)) {
      const target = resolve(dirname(file), spec);
      if (layerOf(target) === 'excel') expect(room, `${spec}: only src/taskpane/host binds src/excel`).toBe('host');
      if (layerOf(target) !== 'taskpane') continue;
      const targetRoom = paneRoom(target);
      if (PARTS.includes(room) && PARTS.includes(targetRoom)) expect(targetRoom, `${spec}: a part of the pane does not import another part`).toBe(room);
      if (room === 'shared') expect(PARTS, `${spec}: shared pieces do not depend on a part`).not.toContain(targetRoom);
    }
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s stays under 300 lines', (_name, file) => {
    expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThanOrEqual(300);
  });
});
