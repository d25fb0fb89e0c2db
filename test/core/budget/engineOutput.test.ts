/**
 * The engine's output is a contract while it is made faster and lighter: the report and the plans of every fixture
 * (the seeds' tables, the sample workbooks, bench tables of 1,000 and 10,000 rows, a messy variant, and second runs
 * over the first runs' output) must mean exactly what they meant before. Each case's JSON (keys sorted, so only
 * meaning counts, not the order in which an object was built) is compared with a digest recorded from the engine
 * before the speed work (engineOutput.golden.json).
 *
 * When a change of meaning is intended, record the new digests with
 *   UPDATE_ENGINE_GOLDEN=1 npx vitest run test/core/budget/engineOutput.test.ts
 * and say in the commit which outputs changed and why.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, withDefaults, type Settings, type SheetSnapshot } from '../../../src/core';
import { BENCH_SHEET, buildBenchWorkbook } from '../../../bench/buildTable';
import { SAMPLES } from '../../../scripts/build-samples';
import { newWorkbook } from '../../../scripts/samples/style';
import { SEED_BUDGET_TABLES } from '../../fixtures/seedBudget';
import { seedTablesSheet, table12 } from '../../helpers/seedSheet';
import { readSnapshot } from '../../helpers/exceljsSnapshot';
import { applyToSnapshot } from '../../helpers/applyToSnapshot';

const GOLDEN = join(__dirname, 'engineOutput.golden.json');
const update = process.env.UPDATE_ENGINE_GOLDEN === '1';

/** JSON with every object's keys sorted: equal text means equal meaning. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

const digest = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex');

const SETTINGS: Record<string, Partial<Settings>> = {
  defaults: {},
  // 序时进度 flags, typed rate cells replaced, no notes, the adjusted column forced to a change.
  midYear: { asOfMonth: 6, overwrite: true, notes: false },
  delta: { adjustedMeans: 'delta', executionThreshold: 0.95, adjustmentThreshold: 0.1 },
};

function benchSnapshot(rows: number): SheetSnapshot {
  const wb = buildBenchWorkbook(rows);
  return readSnapshot(wb.getWorksheet(BENCH_SHEET)!);
}

/**
 * A bench table with what real sheets hold besides plain numbers: amounts typed as text (with separators, full-width
 * digits or a unit), "--", empty amounts, user text and numbers in the rate cells, a rate format already set.
 */
function messy(s: SheetSnapshot): SheetSnapshot {
  const values = s.values.map((r) => [...r]);
  const formulas = s.formulas.map((r) => [...r]);
  const numberFormats = (s.numberFormats ?? s.values.map((r) => r.map(() => 'General'))).map((r) => [...r]);
  for (let i = 3; i < values.length - 2; i++) {
    const row = values[i];
    if (typeof row[3] !== 'number') continue;
    if (i % 7 === 0) row[3] = (row[3] as number).toLocaleString('en-US', { minimumFractionDigits: 2 });
    if (i % 11 === 0) row[5] = '--';
    if (i % 13 === 0) row[4] = null;
    if (i % 29 === 0) row[4] = `${row[4]}万元`;
    if (i % 31 === 0) row[5] = '１２３';
    if (i % 17 === 0) row[6] = '说明';
    if (i % 23 === 0) row[7] = 0.5;
    if (i % 19 === 0) numberFormats[i][6] = '0.00%';
    if (i % 37 === 0) formulas[i][6] = `=IFERROR(F${i + 1}/E${i + 1},"--")`;
    if (i % 41 === 0) row[0] = null;
  }
  return { ...s, values, formulas, numberFormats };
}

function sampleSnapshots(): { name: string; sheets: SheetSnapshot[] }[] {
  return SAMPLES.map((sample) => {
    const wb = newWorkbook();
    sample.build(wb);
    return { name: sample.file, sheets: wb.worksheets.map((ws) => readSnapshot(ws)) };
  });
}

/** Every case: its sheets, analysed under each settings variant; the small ones a second time over their own output. */
function cases(): { name: string; sheets: SheetSnapshot[]; rerun: boolean }[] {
  const seeds = seedTablesSheet('seeds', SEED_BUDGET_TABLES).snapshot;
  const bench1k = benchSnapshot(1_000);
  return [
    { name: 'seed tables', sheets: [seeds, table12()], rerun: true },
    ...sampleSnapshots().map((s) => ({ ...s, rerun: true })),
    { name: 'bench 1,000', sheets: [bench1k], rerun: true },
    { name: 'bench 1,000 messy', sheets: [messy(bench1k)], rerun: true },
    { name: 'bench 10,000', sheets: [benchSnapshot(10_000)], rerun: false },
  ];
}

function outputs(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cases()) {
    for (const [variant, partial] of Object.entries(SETTINGS)) {
      const settings = withDefaults(partial);
      const first = analyzeWorkbook(c.sheets, settings);
      out[`${c.name} / ${variant}`] = digest(first);
      if (!c.rerun) continue;
      const applied = c.sheets.map((s) => {
        const plan = first.plans.find((p) => p.sheet === s.name);
        return plan ? applyToSnapshot(s, plan) : s;
      });
      out[`${c.name} / ${variant} / second run`] = digest(analyzeWorkbook(applied, settings));
    }
  }
  return out;
}

describe('the engine output (report and plans) of every fixture', () => {
  it('means what it meant before the speed work', () => {
    const actual = outputs();
    if (update) writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    expect(Object.keys(actual).length).toBeGreaterThan(30);
    expect(actual).toEqual(golden);
  }, 120_000);
});
