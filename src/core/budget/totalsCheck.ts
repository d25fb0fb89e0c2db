/**
 * Checks every 小计, 合计 and category row that carries amounts against the rows it sums (其中 rows excluded).
 * Differences above 0.01 are reported; the sheet is never changed.
 */
import { cellAddress } from '../snapshot';
import type { RowKind, TotalsCheck } from './report';
import type { AmountRole } from './headers';

/** A row as the check reads it: a row report serves as it is (its initial / adjusted / actual are the amounts). */
export interface CheckedRow {
  row: number;
  kind: RowKind;
  name: string;
  initial: number | null;
  adjusted: number | null;
  actual: number | null;
}

/** A run of rows between headings: an optional category row, its items, an optional 小计. */
interface Segment {
  category?: CheckedRow;
  items: CheckedRow[];
  subtotal?: CheckedRow;
}

const TOLERANCE = 0.01;
const ROLES: AmountRole[] = ['initial', 'adjusted', 'actual'];

function segmentsOf(rows: CheckedRow[]): { segments: Segment[]; totals: CheckedRow[] } {
  const segments: Segment[] = [];
  const totals: CheckedRow[] = [];
  // Every field from the start (one shape for all segments, none added later: see liveShapes.ts).
  const segment = (): Segment => ({ category: undefined, items: [], subtotal: undefined });
  let current = segment();
  const close = () => {
    if (current.category || current.items.length || current.subtotal) segments.push(current);
    current = segment();
  };
  for (const r of rows) {
    if (r.kind === 'category') {
      close();
      current.category = r;
    } else if (r.kind === 'item') current.items.push(r);
    else if (r.kind === 'subtotal') {
      current.subtotal = r;
      close();
    } else if (r.kind === 'total') totals.push(r);
  }
  close();
  return { segments, totals };
}

function sum(rows: CheckedRow[], role: AmountRole): { value: number; any: boolean } {
  let value = 0;
  let any = false;
  for (const r of rows) {
    const v = r[role];
    if (v !== null) {
      value += v;
      any = true;
    }
  }
  return { value, any };
}

/** What a segment contributes to the 合计: its 小计, else its category's own amounts, else its items. */
function segmentRows(s: Segment, role: AmountRole): CheckedRow[] {
  if (s.subtotal) return [s.subtotal];
  if (s.category && s.category[role] !== null) return [s.category];
  return s.items;
}

/**
 * The worksheet rows a check lists. A total usually covers the same rows in all three amount columns: those checks
 * share one list (a 100,000-row table has 2,000 小计 of 50 rows each, three times over).
 */
function rowsOf(covered: CheckedRow[], previous: number[] | undefined): number[] {
  if (previous && previous.length === covered.length && covered.every((r, i) => r.row === previous[i])) return previous;
  return covered.map((r) => r.row);
}

function check(target: CheckedRow, covered: CheckedRow[], role: AmountRole, col: number | undefined, out: TotalsCheck[], listed: Map<CheckedRow, number[]>) {
  const stated = target[role];
  if (stated === null || col === undefined) return;
  const { value, any } = sum(covered, role);
  if (!any) return;
  const difference = Math.round((stated - value) * 100) / 100;
  const rows = rowsOf(covered, listed.get(target));
  listed.set(target, rows);
  out.push({
    row: target.row,
    name: target.name,
    kind: target.kind as TotalsCheck['kind'],
    column: role,
    cell: cellAddress(target.row, col),
    stated,
    computed: Math.round(value * 100) / 100,
    difference,
    rows,
    ok: Math.abs(stated - value) <= TOLERANCE + 1e-9,
  });
}

export function checkTotals(rows: CheckedRow[], columns: Partial<Record<AmountRole, number>>): TotalsCheck[] {
  const out: TotalsCheck[] = [];
  const { segments, totals } = segmentsOf(rows);
  const listed = new Map<CheckedRow, number[]>();
  for (const role of ROLES) {
    for (const s of segments) {
      if (s.subtotal) check(s.subtotal, s.items, role, columns[role], out, listed);
      if (s.category && s.items.length) check(s.category, s.items, role, columns[role], out, listed);
    }
    for (const t of totals) {
      const covered = segments.flatMap((s) => segmentRows(s, role));
      check(t, covered, role, columns[role], out, listed);
    }
  }
  return out.sort((a, b) => a.row - b.row);
}
