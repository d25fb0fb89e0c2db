/**
 * Fidelity over real workbooks made by other tools (../shared/xlsx-corpus): a budget table is added to the first
 * worksheet at zip level, then apply → next-year → indicators → monitor run one after the other (each on the
 * previous output), through the command line. Each step must change only what its plan changes: every other
 * part byte for byte the same (uncompressed and as stored), the changed sheet keeping every element and every
 * original cell's text; the last output is opened and recomputed by LibreOffice (one soffice call for all).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandChain, type Step, storedBytes } from '../helpers/commandChain';
import { cachedValues, formulaCells } from '../libreoffice/cachedValues';
import { findSoffice, recalculateWithLibreOffice } from '../libreoffice/soffice';
import { corpusFiles, partsOf, PROJECTS, type TableAt, withBudgetTable } from './corpus';
import { excelProblems } from './excelRules';
import { inventory } from './inventory';

const files = corpusFiles();
const soffice = findSoffice();
interface Run {
  at: TableAt;
  steps: Step[];
  /** The last output as LibreOffice saved it after recomputing, or null when it could not load it. */
  recomputed: string | null;
}

const WORKBOOK_LEVEL = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

/** The host sheet's part, its rels, and its notes' parts (comments, VML) in either version. */
function hostParts(at: TableAt, ...versions: Map<string, Buffer>[]): Set<string> {
  const out = new Set([at.part, relsOf(at.part)]);
  for (const parts of versions) {
    const rels = parts.get(relsOf(at.part))?.toString('utf8') ?? '';
    for (const m of rels.matchAll(/<Relationship\b[^>]*Type="[^"]*\/(comments|vmlDrawing)"[^>]*Target="([^"]+)"/g)) out.add(`xl/${m[2].replace(/^\.\.\//, '')}`);
    for (const m of rels.matchAll(/<Relationship\b[^>]*Target="([^"]+)"[^>]*Type="[^"]*\/(comments|vmlDrawing)"/g)) out.add(`xl/${m[1].replace(/^\.\.\//, '')}`);
  }
  return out;
}

const worksheetsOf = (parts: Map<string, Buffer>) => [...parts.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));

/** Parts each command may change besides the workbook-level ones (new parts are always allowed). */
function mayChange(step: Step, at: TableAt, before: Map<string, Buffer>, after: Map<string, Buffer>): Set<string> {
  const host = step.command === 'apply' || step.command === 'indicators' ? hostParts(at, before, after) : new Set<string>();
  // A step that adds sheets lists them in docProps/app.xml (checked on its own below).
  const added = worksheetsOf(after).length > worksheetsOf(before).length ? ['docProps/app.xml'] : [];
  return new Set([...WORKBOOK_LEVEL, ...host, ...added]);
}

/** TitlesOfParts' names, in order. */
const titlesOf = (app: string) => [...(/<TitlesOfParts>(.*)<\/TitlesOfParts>/s.exec(app)?.[1] ?? '').matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);

const runs = new Map<string, Run>();
let dir: string;

describe.skipIf(files.length === 0)('fidelity: real workbooks keep everything the plan does not change', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fidelity-'));
    const last: string[] = [];
    for (const file of files) {
      const { bytes, at } = await withBudgetTable(file);
      const input = join(dir, `in-${file}`);
      writeFileSync(input, bytes);
      const { steps, failure } = await runCommandChain(input, join(dir, file.replace(/\.xls[xm]$/, '')));
      if (failure) throw new Error(`${file}: ${failure}`);
      last.push(steps[steps.length - 1].outputPath);
      runs.set(file, { at, steps, recomputed: null });
    }
    if (soffice) {
      const loDir = join(dir, 'lo');
      mkdirSync(loDir);
      const converted = await recalculateWithLibreOffice(soffice, last, loDir);
      files.forEach((file, i) => {
        const path = converted[i].replace(/\.xlsm$/, '.xlsx');
        try {
          readFileSync(path);
          runs.get(file)!.recomputed = path;
        } catch {
          runs.get(file)!.recomputed = null;
        }
      });
    }
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(files)('%s: each step leaves every part outside its plan byte for byte, stored the same', async (file) => {
    const { at, steps } = runs.get(file)!;
    for (const step of steps) {
      const [before, after] = [await partsOf(step.input), await partsOf(step.output)];
      const [rawBefore, rawAfter] = [await storedBytes(step.input), await storedBytes(step.output)];
      const allowed = mayChange(step, at, before, after);
      for (const [name, data] of before) {
        if (name === 'xl/calcChain.xml' && !after.has(name)) continue; // dropped on purpose: Excel rebuilds it
        expect(after.has(name), `${step.command} lost ${name}`).toBe(true);
        if (allowed.has(name)) continue;
        expect(after.get(name)!.equals(data), `${step.command} changed ${name}`).toBe(true);
        expect(Buffer.from(rawAfter.get(name)!).equals(Buffer.from(rawBefore.get(name)!)), `${step.command} recompressed ${name}`).toBe(true);
      }
    }
  });

  it.each(files)('%s: docProps/app.xml lists the sheets each step adds, and changes nothing else', async (file) => {
    const { steps } = runs.get(file)!;
    for (const step of steps) {
      const [before, after] = [await partsOf(step.input), await partsOf(step.output)];
      const [appBefore, appAfter] = [before.get('docProps/app.xml')!.toString('utf8'), after.get('docProps/app.xml')!.toString('utf8')];
      const added = worksheetsOf(after).length - worksheetsOf(before).length;
      const strip = (x: string) => x.replace(/<HeadingPairs>.*<\/TitlesOfParts>/s, '');
      expect(strip(appAfter), `${step.command}: outside the lists`).toBe(strip(appBefore));
      // Every corpus file's app.xml has the expected shape: each new sheet is listed, nothing is dropped.
      const [t0, t1] = [titlesOf(appBefore), titlesOf(appAfter)];
      expect(t1.length, step.command).toBe(t0.length + added);
      expect(t1.filter((t) => t0.includes(t)), step.command).toEqual(t0);
      if (step.command === 'next-year') for (const s of step.json.sheets as { to: string }[]) expect(t1, step.command).toContain(s.to.replace(/&/g, '&amp;'));
    }
  });

  it.each(files)('%s: apply keeps every element and every original cell of the sheet it changes', async (file) => {
    const { at, steps } = runs.get(file)!;
    const apply = steps[0];
    const [before, after] = [inventory((await partsOf(apply.input)).get(at.part)!.toString('utf8')), inventory((await partsOf(apply.output)).get(at.part)!.toString('utf8'))];
    const edited = new Set(['dimension', 'cols', 'sheetViews', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'legacyDrawing']);
    for (const [name, texts] of before.elements) {
      if (edited.has(name)) expect(after.elements.has(name), name).toBe(true);
      else expect(after.elements.get(name), name).toEqual(texts);
    }
    for (const [name, texts] of before.children) for (const t of texts) expect(after.children.get(name) ?? [], name).toContain(t);
    for (const [ref, c] of before.cells) if (c.row <= at.lastRowBefore) expect(after.cells.get(ref)?.xml, ref).toBe(c.xml);
    expect(after.elements.get('conditionalFormatting')?.length ?? 0).toBeGreaterThan(before.elements.get('conditionalFormatting')?.length ?? 0);
  });

  it.each(files)('%s: next-year copies the sheet with its elements and parts, or says what it left out', async (file) => {
    const { at, steps } = runs.get(file)!;
    const step = steps[1];
    const sheets = step.json.sheets as { from: string; to: string }[];
    expect(sheets.map((s) => s.from)).toContain(at.sheet);
    const [before, after] = [await partsOf(step.input), await partsOf(step.output)];
    const newSheets = [...after.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n) && !before.has(n));
    expect(newSheets).toHaveLength(1);
    const host = inventory(before.get(at.part)!.toString('utf8'));
    const copy = inventory(after.get(newSheets[0])!.toString('utf8'));
    const leftOut = (step.json.leftOut as string[] | undefined) ?? [];
    for (const name of host.elements.keys()) {
      if (name === 'tableParts') expect(leftOut.join(' ')).toMatch(/table/);
      else expect(copy.elements.has(name), `copy lacks ${name}`).toBe(true);
    }
    // Drawings (charts, pictures, shapes) are new parts of the copy's own, never the source's.
    const hostRels = before.get(relsOf(at.part))?.toString('utf8') ?? '';
    const copyRels = after.get(relsOf(newSheets[0]))?.toString('utf8') ?? '';
    if (/\/drawing"/.test(hostRels)) {
      const target = /Type="[^"]*\/drawing"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/drawing"/.exec(copyRels)!;
      const part = `xl/${(target[1] ?? target[2]).replace(/^\.\.\//, '')}`;
      expect(after.has(part) && !before.has(part), `copied drawing ${part}`).toBe(true);
    }
  });

  it.each(files)('%s: a macro-enabled workbook stays one; the output opens in LibreOffice, which computes the rates we cached', async (file) => {
    const { at, steps, recomputed } = runs.get(file)!;
    for (const step of steps) expect(step.outputPath.endsWith(file.endsWith('.xlsm') ? '.xlsm' : '.xlsx')).toBe(true);
    const check = (value: (sheet: string, address: string) => unknown) =>
      PROJECTS.forEach(([, initial, adjusted, actual], i) => {
        const row = at.headerRow + 1 + i;
        const exec = value(at.sheet, `F${row}`);
        if (adjusted === 0) expect(exec).toBe('--');
        else expect(exec as number).toBeCloseTo(actual / adjusted, 9);
        expect(value(at.sheet, `G${row}`) as number).toBeCloseTo((adjusted - initial) / initial, 9);
      });
    // Our own cached results, as a viewer that does not recalculate shows them…
    check((await cachedValues(steps[0].outputPath)).value);
    if (!soffice) return;
    // …and what LibreOffice computes from the formulas, recalculating everything on load.
    expect(recomputed, 'LibreOffice could not load the output').not.toBeNull();
    check((await cachedValues(recomputed!)).value);
  });

  it.skipIf(!soffice).each(files)('%s: every formula of the sheets indicators and monitor build carries the result LibreOffice computes', async (file) => {
    const { steps, recomputed } = runs.get(file)!;
    expect(recomputed, 'LibreOffice could not load the output').not.toBeNull();
    const last = steps[steps.length - 1];
    const [ours, lo, before] = [await cachedValues(last.outputPath), (await cachedValues(recomputed!)).value, await cachedValues(steps[1].outputPath)];
    const built = new Set(ours.workbook.worksheets.map((ws) => ws.name).filter((n) => !before.workbook.getWorksheet(n)));
    expect(built.size).toBe(2);
    const cells = formulaCells(ours.workbook).filter((c) => built.has(c.sheet));
    expect(cells.length).toBeGreaterThan(20);
    const shown = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? Number(v.toPrecision(9)) : v);
    for (const c of cells) expect(shown(ours.value(c.sheet, c.address)), `${c.sheet}!${c.address} =${c.formula}`).toBe(shown(lo(c.sheet, c.address)));
  });

  it('every XML part the commands wrote is well-formed (xmllint)', async () => {
    const xmlDir = join(dir, 'xml');
    mkdirSync(xmlDir);
    const written: string[] = [];
    for (const [file, { steps }] of runs) {
      const last = steps[steps.length - 1];
      const [first, final] = [await partsOf(steps[0].input), await partsOf(last.output)];
      for (const [name, data] of final) {
        if (!/\.(xml|rels|vml)$/.test(name) || first.get(name)?.equals(data)) continue;
        if (name.endsWith('.vml') && first.has(name)) continue; // Excel's own VML is not well-formed XML (bare <br>)
        const path = join(xmlDir, `${written.length}-${file}-${name.replace(/[/[\]]/g, '_')}`);
        writeFileSync(path, data);
        written.push(path);
      }
    }
    expect(written.length).toBeGreaterThan(files.length * 4);
    await promisify(execFile)('xmllint', ['--noout', ...written]);
  });

  it.each(files)('%s: no step adds a problem Excel would repair (ECMA-376 element order, counts, indexes; OPC rules)', async (file) => {
    const { steps } = runs.get(file)!;
    const known = new Set(excelProblems(await partsOf(steps[0].input)));
    for (const step of steps) {
      const added = excelProblems(await partsOf(step.output)).filter((p) => !known.has(p));
      expect(added, `${step.command} ${file}`).toEqual([]);
    }
  });
});
