/**
 * The cached result of every formula cell we write is what a spreadsheet computes: each command (apply, indicators,
 * next-year, monitor) on each bundled sample, seed 000's project tables and the standard forms built from the seeds;
 * every formula cell of every output,
 * as a viewer that does not recalculate shows it, against LibreOffice recomputing the file on load (one soffice
 * call for all outputs) and HyperFormula computing it in-process.
 *
 * Without soffice the LibreOffice half is skipped (the skipped test's name says why); under CI=true that fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSamplesDir } from '../../src/cli/commands/demo';
import { buildProjectWorkbook } from '../cli/budgetWorkbook';
import { runCli } from '../cli/runMain';
import { formBytes } from '../core/forms/formHarness';
import { departmentForm, nationalProjectForm, provincialProjectForm } from '../fixtures/forms';
import { CliFiles } from '../cli/workbookFiles';
import { partsOf } from '../fidelity/corpus';
import { inventory } from '../fidelity/inventory';
import { type ComputedValue, computeWorkbook } from '../helpers/computeWithHyperFormula';
import { cachedValues, formulaCells } from './cachedValues';
import { findSoffice, recalculateWithLibreOffice } from './soffice';

const soffice = findSoffice();
const ci = process.env.CI === 'true';

const COMMANDS: [name: string, options: string[]][] = [
  ['apply', []],
  ['indicators', []],
  ['next-year', []],
  ['monitor', ['--as-of-month', '6']],
];

interface Cell {
  output: string;
  sheet: string;
  address: string;
  formula: string;
  ours: ComputedValue;
  hf: ComputedValue;
  lo?: ComputedValue;
}

/** What a cell shows: an empty result and "" alike; numbers to 9 significant digits (HyperFormula rounds to 10 decimals). */
function shown(v: ComputedValue | undefined): ComputedValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number(v.toPrecision(9));
  return v;
}

const describeCell = (c: Cell) => `${c.output} ${c.sheet}!${c.address} =${c.formula}: ours ${JSON.stringify(c.ours)}, LibreOffice ${JSON.stringify(c.lo)}, HyperFormula ${JSON.stringify(c.hf)}`;

describe('cached results of the formulas we write', () => {
  let files: CliFiles;
  let loDir: string;
  const cells: Cell[] = [];
  const outputs: string[] = [];
  const ran = new Map<string, number>();
  /** Formula cells written without a cached result (`<v>`), as "output part address". */
  const withoutResult: string[] = [];

  beforeAll(async () => {
    files = new CliFiles('cached-results-');
    loDir = mkdtempSync(join(tmpdir(), 'cached-results-lo-'));
    const inputs = readdirSync(defaultSamplesDir()).filter((f) => f.endsWith('.xlsx')).map((f) => files.sample(f));
    const projects = files.path('seed000-projects.xlsx');
    await buildProjectWorkbook().workbook.xlsx.writeFile(projects);
    inputs.push(projects);
    // The standard forms of seeds 000–003: national, a provincial variant with a two-row header, the department form.
    const forms = { national: nationalProjectForm(), provincial: provincialProjectForm({ header: 'two-row', leftLabel: true, unitRow: false, signs: {} }), department: departmentForm() };
    for (const [name, form] of Object.entries(forms)) {
      const path = files.path(`form-${name}.xlsx`);
      writeFileSync(path, await formBytes(form));
      inputs.push(path);
    }
    const out = files.path('out');
    mkdirSync(out);
    for (const input of inputs) {
      for (const [command, options] of COMMANDS) {
        const output = join(out, `${command}-${input.slice(input.lastIndexOf('/') + 1)}`);
        const run = await runCli([command, input, '-o', output, ...options]);
        // A command with nothing to do on a file (monitor without a budget table …) says so and writes nothing.
        if (run.code !== 0) continue;
        ran.set(command, (ran.get(command) ?? 0) + 1);
        outputs.push(output);
      }
    }
    for (const output of outputs) {
      for (const [part, data] of await partsOf(readFileSync(output))) {
        if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
        for (const [address, c] of inventory(data.toString('utf8')).cells) if (/<(\w+:)?f[\s>/]/.test(c.xml) && !/<(\w+:)?v[\s>/]/.test(c.xml)) withoutResult.push(`${output} ${part} ${address}`);
      }
      const { value, workbook } = await cachedValues(output);
      const hf = await computeWorkbook(workbook);
      const name = output.slice(output.lastIndexOf('/') + 1);
      for (const c of formulaCells(workbook)) cells.push({ output: name, sheet: c.sheet, address: c.address, formula: c.formula, ours: value(c.sheet, c.address), hf: hf(c.sheet, c.address) });
    }
    if (soffice) {
      const converted = await recalculateWithLibreOffice(soffice, outputs, loDir);
      for (const [i, output] of outputs.entries()) {
        const lo = (await cachedValues(converted[i]!)).value;
        const name = output.slice(output.lastIndexOf('/') + 1);
        for (const c of cells) if (c.output === name) c.lo = lo(c.sheet, c.address);
      }
    }
  }, 300_000);

  afterAll(() => {
    files?.remove();
    if (loDir) rmSync(loDir, { recursive: true, force: true });
  });

  it('every command ran on the fixtures and wrote formulas', () => {
    for (const [command] of COMMANDS) expect(ran.get(command) ?? 0, command).toBeGreaterThan(0);
    expect(cells.length).toBeGreaterThan(500);
  });

  it('every formula cell carries a cached result (an empty text result too: <v></v>)', () => {
    expect(withoutResult).toEqual([]);
  });

  it('every cached result is what HyperFormula computes', () => {
    expect(cells.filter((c) => shown(c.ours) !== shown(c.hf)).map(describeCell)).toEqual([]);
  });

  if (soffice === null) {
    if (ci) it('soffice must be installed under CI=true', () => expect.fail('soffice not found on PATH: install libreoffice-calc-nogui'));
    else it.skip('soffice not found on PATH: LibreOffice comparison skipped (apt-get install libreoffice-calc-nogui)', () => undefined);
  } else {
    it('every cached result is what LibreOffice computes, recalculating on load', () => {
      expect(cells.filter((c) => shown(c.ours) !== shown(c.lo)).map(describeCell)).toEqual([]);
    });
  }
});

