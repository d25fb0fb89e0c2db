/**
 * Which rows each 小计, 合计 and category-with-amounts adds up, per amount column: exactly the rows the totals
 * check (budget/totalsCheck.ts) compares it with, so next year's SUM formulas and this year's check never disagree.
 * 其中 rows are never added; a 合计 adds the 小计s, else the categories that carry amounts, else the items.
 *
 * The check is reused as it is, fed with amounts that say only "this row holds an amount": 0 for every item,
 * 小计 and 合计 (so each total gets a formula whatever this year's cell held), a category's own amounts when items
 * follow it (it is summed from them where it carried an amount), and 0 for a category no item follows (a line
 * of spending of its own, as Foshan's 二、项目支出, or an empty heading such as 三、上缴上级支出 that next year
 * may fill): it is an input, and the 合计 counts it.
 */
import type { AmountRole } from '../budget/headers';
import { amountValue } from '../cells/parseAmount';
import { checkedRows, checkTotals, type CheckedRow } from '../budget/totalsCheck';
import { followedByItems, type ReadRow, type ReadTable } from '../budget/readTable';

export type Coverage = Map<number, Partial<Record<AmountRole, number[]>>>;

const ZERO: Record<AmountRole, number> = { initial: 0, adjusted: 0, actual: 0 };
const NONE: Record<AmountRole, number | null> = { initial: null, adjusted: null, actual: null };


function presence(rows: ReadRow[], i: number): Record<AmountRole, number | null> {
  const r = rows[i];
  switch (r.kind) {
    case 'item':
    case 'subtotal':
    case 'total':
      return ZERO;
    case 'category':
      if (!followedByItems(rows, i)) return ZERO;
      return { initial: amountValue(r.initial), adjusted: amountValue(r.adjusted), actual: amountValue(r.actual) };
    default:
      return NONE;
  }
}

export function sumCoverage(t: ReadTable): Coverage {
  const checked: CheckedRow[] = t.rows.map((r, i) => ({ row: r.row, kind: r.kind, name: r.name, ...presence(t.rows, i) }));
  const coverage: Coverage = new Map();
  for (const c of checkTotals(checkedRows(checked), t.layout.columns)) {
    const entry = coverage.get(c.row) ?? {};
    entry[c.column] = c.rows;
    coverage.set(c.row, entry);
  }
  return coverage;
}

/** Rows whose amounts next year's user types: items, 其中 rows that carried amounts, categories no item follows. */
export function inputRows(t: ReadTable): Set<number> {
  const out = new Set<number>();
  t.rows.forEach((r, i) => {
    if (r.kind === 'item' || (r.kind === 'part-of' && r.hasAmounts) || (r.kind === 'category' && !followedByItems(t.rows, i))) out.add(r.row);
  });
  return out;
}
