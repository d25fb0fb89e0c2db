/**
 * What the pane must produce on the liwan-2021 sample, computed from the seed tables the sample was built
 * from (test/fixtures/seedBudget.ts) — never copied from the screen.
 */
import { SEED000_PROJECT_TABLES, SEED000_TABLE_1_2, type SeedBudgetRow } from '../fixtures/seedBudget';

/** The project rows of 项目支出, in sheet order (items and each table's 合计). */
export const PROJECT_ROWS: readonly SeedBudgetRow[] = SEED000_PROJECT_TABLES.flatMap((t) => t.rows);
export const PROJECT_TABLE_COUNT = SEED000_PROJECT_TABLES.length;
/** Rate columns the sample leaves empty: 预算执行率 and 预算调整率, one formula each per row. */
export const PROJECT_FORMULAS = PROJECT_ROWS.length * 2;

export const TABLE_1_2_ROWS = SEED000_TABLE_1_2.rows;
/** Every rate cell of 表1-2 was typed in ("98.82%", "--"): all of them are the user's, so consent is asked. */
export const TABLE_1_2_TYPED_RATES = TABLE_1_2_ROWS.length * 2;

/** Excel's "0.00%" of a fraction, as the grid shows it. */
export const percentText = (x: number) => `${(x * 100).toFixed(2)}%`;

export const executionRate = (r: SeedBudgetRow): number | null =>
  r.actual !== null && r.adjusted !== null && r.adjusted !== 0 ? r.actual / r.adjusted : null;

export const adjustmentRate = (r: SeedBudgetRow): number | null =>
  r.initial !== null && r.adjusted !== null && r.initial !== 0 ? (r.adjusted - r.initial) / r.initial : null;

/** Items (not 合计) whose computed execution rate is below the threshold: what 执行率偏低 flags. */
export function lowExecution(rows: readonly SeedBudgetRow[], threshold: number): SeedBudgetRow[] {
  return rows.filter((r) => r.kind === 'item' && (executionRate(r) ?? Infinity) < threshold);
}
