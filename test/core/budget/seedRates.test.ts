/**
 * Every rate printed in seeds 000 and 004 is reproduced by the engine, and the five projects of seed 000
 * below 90% are exactly the ones flagged. Where the seed disagrees with its own amounts (SEED_BUDGET_DEVIATIONS,
 * rates printed from unrounded amounts) the engine gives what the printed amounts give, within 0.01 point.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSheet, withDefaults } from '../../../src/core';
import {
  SEED000_LOW_EXECUTION,
  SEED000_PROJECT_TABLES,
  SEED004_EXPENDITURE_DETAIL,
  SEED000_TABLE_1_2,
  SEED_BUDGET_DEVIATIONS,
} from '../../fixtures/seedBudget';
import { seedTablesSheet } from '../../helpers/seedSheet';

const asPrinted = (x: number | null) => (x === null ? '--' : `${(x * 100).toFixed(2)}%`);

describe('seed 000 project tables, four on one sheet', () => {
  const { snapshot, rowsOf } = seedTablesSheet('项目支出', SEED000_PROJECT_TABLES);
  const { report } = analyzeSheet(snapshot, withDefaults());

  it('finds the four tables', () => {
    expect(report.tables).toHaveLength(4);
    expect(report.tables.map((t) => t.counts.item)).toEqual(SEED000_PROJECT_TABLES.map((t) => t.rows.filter((r) => r.kind === 'item').length));
  });

  for (const [i, seed] of SEED000_PROJECT_TABLES.entries()) {
    it(`reproduces every printed rate of ${seed.id}`, () => {
      const rows = rowsOf.get(seed.id)!;
      const table = report.tables[i];
      seed.rows.forEach((sr, k) => {
        const got = table.rows.find((r) => r.row === rows[k])!;
        expect(got.kind, sr.name).toBe(sr.kind);
        for (const field of ['executionRate', 'adjustmentRate'] as const) {
          const deviation = SEED_BUDGET_DEVIATIONS.find((d) => d.tableId === seed.id && d.name === sr.name && d.field === field);
          if (deviation) {
            expect(asPrinted(got[field]), `${sr.name} ${field}`).toBe(deviation.computed);
            expect(Math.abs(got[field]! - sr[field]!)).toBeLessThanOrEqual(0.00015);
          } else {
            expect(asPrinted(got[field]), `${sr.name} ${field}`).toBe(sr.printed!.executionRate === '--' && field === 'executionRate' ? '--' : sr.printed![field]);
          }
        }
      });
    });
  }

  it('flags exactly the five projects below 90%', () => {
    const low = report.flags.filter((f) => f.rule === 'low-execution');
    expect(low.map((f) => f.name).sort()).toEqual([...SEED000_LOW_EXECUTION].sort());
    expect(low.find((f) => f.name === '国有企业退休人员社会化管理（中央）财政补助资金')!.message).toContain('57.99%');
  });

  it('does not flag the 合计 of 劳动关系 at 82.99% (a total is not a project)', () => {
    expect(report.flags.some((f) => f.kind === 'total')).toBe(false);
  });
});

describe('seed 000 表1-2 and seed 004', () => {
  for (const seed of [SEED000_TABLE_1_2, SEED004_EXPENDITURE_DETAIL]) {
    it(`${seed.id}: rates as printed (or computed where the table prints none)`, () => {
      const { snapshot, rowsOf } = seedTablesSheet('s', [seed]);
      const table = analyzeSheet(snapshot, withDefaults()).report.tables[0];
      const rows = rowsOf.get(seed.id)!;
      seed.rows.forEach((sr, k) => {
        const got = table.rows.find((r) => r.row === rows[k])!;
        if (sr.printed) {
          expect(asPrinted(got.executionRate), sr.name).toBe(sr.printed.executionRate);
          expect(asPrinted(got.adjustmentRate), sr.name).toBe(sr.printed.adjustmentRate);
        } else if (sr.adjusted) {
          expect(got.executionRate).toBeCloseTo(sr.actual! / sr.adjusted, 12);
        }
      });
      expect(table.totalsCheck.filter((c) => !c.ok)).toEqual([]);
    });
  }

  it('seed 004: 项目支出 is over budget (105.49%) and adjusted by −58.92%', () => {
    const { snapshot } = seedTablesSheet('s', [SEED004_EXPENDITURE_DETAIL]);
    const { report } = analyzeSheet(snapshot, withDefaults());
    const project = report.flags.filter((f) => f.name === '二、项目支出');
    expect(project.map((f) => [f.rule, asPrinted(f.value)])).toEqual([
      ['over-execution', '105.49%'],
      ['large-adjustment', '-58.92%'],
    ]);
  });
});
