/**
 * Workbooks that are not in the corpus (issue 9, item 7): the budget sample written the way other programs write
 * it (variants.ts; the LibreOffice one made by soffice itself), each run through apply → next-year → indicators →
 * monitor in-process, each step on the previous output. A variant either works — every part outside the plan
 * byte for byte the same and stored the same, our cached rates right, and the last output opened and
 * recomputed by LibreOffice (one soffice call for all) to the same rates — or is refused with one line in Chinese
 * and English, a non-zero exit and no stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbookPackage } from '../../src/xlsx/package';
import { ERROR_LINE, runCli } from '../cli/runMain';
import { PROJECTS } from '../fidelity/corpus';
import { cachedValues } from '../libreoffice/cachedValues';
import { findSoffice, recalculateWithLibreOffice } from '../libreoffice/soffice';
import { HEADER_ROW, SHEET } from './budgetPackage';
import { excelProblems } from '../fidelity/excelRules';
import { inventory } from '../fidelity/inventory';
import { COMMANDS, type Command, runCommandChain, type Step, storedBytes } from '../helpers/commandChain';
import { allowedParts, controlShapeProblems, entriesOf } from './partsAllowed';
import { VARIANTS } from './variants';
import { zipSample } from './zipWrite';

const soffice = findSoffice();
interface Case {
  name: string;
  expect: 'ok' | 'refused';
  sheet: string;
  /** The budget sheet's part as the input zip names it. */
  part: string;
  inputPath: string;
  steps: Step[];
  /** Each command's run on a refused input. */
  refusals: { command: Command; code: number; stderr: string; errLines: string[] }[];
  failure: string | null;
  recomputed: string | null;
}

const cases: Case[] = [];
let dir: string;

async function runChain(c: Case): Promise<void> {
  if (c.expect === 'ok') {
    ({ steps: c.steps, failure: c.failure } = await runCommandChain(c.inputPath, join(dir, c.name)));
    return;
  }
  // A refused input: each command on its own, each must refuse it.
  for (const [command, ...options] of COMMANDS) {
    const run = await runCli([command, c.inputPath, '-o', join(dir, `${c.name}-${command}.xlsx`), ...options]);
    c.refusals.push({ command, code: run.code, stderr: run.stderr, errLines: run.errLines });
  }
}

describe('robustness: workbooks written the way other programs write them', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'robust-'));
    for (const v of VARIANTS) {
      const sample = v.make();
      const macro = [...sample.parts.keys()].some((n) => n.includes('macrosheets/'));
      const inputPath = join(dir, `in-${v.name}${macro ? '.xlsm' : '.xlsx'}`);
      writeFileSync(inputPath, await zipSample(sample));
      cases.push({ name: v.name, expect: v.expect, sheet: sample.sheet, part: sample.part, inputPath, steps: [], refusals: [], failure: null, recomputed: null });
    }
    if (soffice) {
      // LibreOffice's own writing of the sample (its part names, styles, shared strings, no calcChain…).
      const loIn = join(dir, 'lo-in');
      mkdirSync(loIn);
      const [written] = await recalculateWithLibreOffice(soffice, [cases[0].inputPath], loIn);
      const inputPath = join(dir, 'in-libreoffice.xlsx');
      writeFileSync(inputPath, readFileSync(written));
      cases.push({ name: 'libreoffice', expect: 'ok', sheet: SHEET, part: 'xl/worksheets/sheet1.xml', inputPath, steps: [], refusals: [], failure: null, recomputed: null });
    }
    for (const c of cases) await runChain(c);
    const done = cases.filter((c) => c.expect === 'ok' && c.steps.length === COMMANDS.length);
    if (soffice && done.length > 0) {
      const loDir = join(dir, 'lo');
      mkdirSync(loDir);
      const converted = await recalculateWithLibreOffice(soffice, done.map((c) => c.steps[COMMANDS.length - 1].outputPath), loDir);
      done.forEach((c, i) => {
        const path = converted[i].replace(/\.xlsm$/, '.xlsx');
        try {
          readFileSync(path);
          c.recomputed = path;
        } catch {
          c.recomputed = null;
        }
      });
    }
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const names = [...VARIANTS.map((v) => [v.name, v.expect, v.from] as const), ...(soffice ? [['libreoffice', 'ok', 'LibreOffice Calc (soffice --convert-to xlsx)'] as const] : [])];
  const ok = names.filter(([, e]) => e === 'ok');
  const refused = names.filter(([, e]) => e === 'refused');
  const byName = (name: string) => cases.find((c) => c.name === name)!;

  it.each(ok)('%s: every command succeeds (%s: %s)', (name) => {
    expect(byName(name).failure).toBeNull();
  });

  it.each(ok)('%s: each step leaves every part outside its plan byte for byte, stored the same', async (name) => {
    const c = byName(name);
    expect(c.failure).toBeNull();
    const users = new Set((await entriesOf(c.steps[0].input)).keys());
    for (const step of c.steps) {
      const [before, after] = [await entriesOf(step.input), await entriesOf(step.output)];
      const [rawBefore, rawAfter] = [await storedBytes(step.input), await storedBytes(step.output)];
      const host = step.command === 'apply' || step.command === 'indicators' ? c.part : null;
      const allowed = allowedParts(host, step.command !== 'apply', before, after);
      for (const [part, data] of before) {
        if (/calcChain\.xml$/i.test(part) && !after.has(part)) continue; // dropped on purpose: Excel rebuilds it
        expect(after.has(part), `${step.command} lost ${part}`).toBe(true);
        // Parts an earlier step made are the tool's own and a later plan may change them, except that next year's
        // sheets, fresh from next-year with no spending, are left alone by indicators (no 0 % flags on a template).
        if (allowed.has(part.toLowerCase()) || (!users.has(part) && step.command !== 'indicators')) continue;
        expect(after.get(part)!.equals(data), `${step.command} changed ${part}`).toBe(true);
        expect(Buffer.from(rawAfter.get(part)!).equals(Buffer.from(rawBefore.get(part)!)), `${step.command} recompressed ${part}`).toBe(true);
      }
    }
    // apply adds notes to the budget sheet: its rels part is named after the sheet part as stored (a reader that
    // looks names up exactly, as LibreOffice does, finds it), whatever case the relationships used.
    const apply = await entriesOf(c.steps[0].output);
    expect([...apply.keys()], 'the sheet\'s rels part').toContain(c.part.replace(/([^/]*)$/, '_rels/$1.rels'));
  });

  it.each(ok)('%s: apply keeps every element of the sheet it changes that its plan does not edit', async (name) => {
    const c = byName(name);
    expect(c.failure).toBeNull();
    const sheetText = async (zip: Buffer) => {
      const b = (await entriesOf(zip)).get(c.part)!;
      return b[0] === 0xff && b[1] === 0xfe ? b.toString('utf16le').slice(1) : b.toString('utf8');
    };
    const [before, after] = [inventory(await sheetText(c.steps[0].input)), inventory(await sheetText(c.steps[0].output))];
    const edited = new Set(['dimension', 'cols', 'sheetViews', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'legacyDrawing']);
    for (const [element, texts] of before.elements) {
      if (edited.has(element)) expect(after.elements.has(element), element).toBe(true);
      else expect(after.elements.get(element), element).toEqual(texts);
    }
  });

  const expectRates = (value: (address: string) => unknown) =>
    PROJECTS.forEach(([name, initial, adjusted, actual], i) => {
      const row = HEADER_ROW + 1 + i;
      expect(value(`B${row}`), `B${row}`).toBe(name);
      expect([value(`C${row}`), value(`D${row}`), value(`E${row}`)], `C${row}:E${row}`).toEqual([initial, adjusted, actual]);
      const exec = value(`F${row}`);
      if (adjusted === 0) expect(exec, `F${row}`).toBe('--');
      else expect(exec as number, `F${row}`).toBeCloseTo(actual / adjusted, 9);
      expect(value(`G${row}`) as number, `G${row}`).toBeCloseTo((adjusted - initial) / initial, 9);
    });

  it.each(ok)('%s: the rates are cached in the output, and LibreOffice opens it and computes the same', async (name) => {
    const c = byName(name);
    expect(c.failure).toBeNull();
    const book = await WorkbookPackage.open(c.steps[COMMANDS.length - 1].output);
    const [snapshot] = await book.readSnapshots(c.sheet);
    expectRates((a) => {
      const m = /^([A-Z])(\d+)$/.exec(a)!;
      return snapshot.values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
    });
    if (!soffice) return;
    expect(c.recomputed, 'LibreOffice could not load the output').not.toBeNull();
    if (VARIANTS.find((v) => v.name === name)?.libreOfficeBlind) return;
    const lo = await cachedValues(c.recomputed!);
    expectRates((a) => lo.value(c.sheet, a));
  });

  it.each(ok)('%s: no command adds anything Excel would repair (schema order, counts, indexes, content types, relationships, sheet names)', async (name) => {
    const c = byName(name);
    expect(c.failure).toBeNull();
    // What the input already had (cells out of order…) may come again in next year's copy of the sheet: compared without the part's name.
    const what = (problem: string) => problem.slice(problem.indexOf(': ') + 2);
    const known = new Set(excelProblems(await entriesOf(c.steps[0].input)).map(what));
    for (const step of c.steps) {
      const parts = await entriesOf(step.output);
      expect([...excelProblems(parts).filter((p) => !known.has(what(p))), ...controlShapeProblems(parts)], step.command).toEqual([]);
    }
  });

  it.each(refused)('%s: every command refuses it with one line in Chinese and English (%s: %s)', (name) => {
    const c = byName(name);
    expect(c.refusals).toHaveLength(COMMANDS.length);
    for (const r of c.refusals) {
      expect(r.code, r.command).not.toBe(0);
      expect(r.errLines, r.stderr).toHaveLength(1);
      expect(r.errLines[0]).toMatch(ERROR_LINE);
      expect(r.errLines[0], 'a message with a hole in it').not.toMatch(/undefined|null|NaN|\[object/);
      expect(r.errLines[0]).toMatch(VARIANTS.find((v) => v.name === name)!.says!);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('every XML part the commands wrote is well-formed (xmllint)', async () => {
    const xmlDir = join(dir, 'xml');
    mkdirSync(xmlDir);
    const written: string[] = [];
    for (const c of cases.filter((x) => x.steps.length === COMMANDS.length)) {
      const [first, final] = [await entriesOf(c.steps[0].input), await entriesOf(c.steps[COMMANDS.length - 1].output)];
      for (const [name, data] of final) {
        if (!/\.(xml|rels|vml)$/.test(name) || first.get(name)?.equals(data)) continue;
        const path = join(xmlDir, `${written.length}-${c.name}-${name.replace(/[/[\]]/g, '_')}`);
        writeFileSync(path, data);
        written.push(path);
      }
    }
    expect(written.length).toBeGreaterThan(cases.length * 3);
    const lint = await promisify(execFile)('xmllint', ['--noout', ...written]).catch((e: { stderr: string }) => ({ stderr: e.stderr }));
    expect(lint.stderr).toBe('');
  });
});
