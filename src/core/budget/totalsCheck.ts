/**
 * Checks every 小计, 合计 and category row that carries amounts against the rows it sums (其中 rows excluded).
 * Differences above 0.01 are reported; the sheet is never changed.
 */
import { cellAddress } from '../snapshot';
import type { RowKind, TotalsCheck } from './report';
import type { AmountRole } from './headers';

/** A row as the check reads it (a list of these is read through checkedRows). */
export interface CheckedRow {
  row: number;
  kind: RowKind;
  name: string;
  initial: number | null;
  adjusted: number | null;
  actual: number | null;
}

/** The rows the check reads, by index: a table's RowReports as they are (no object per row), or a list. */
export interface CheckedRows {
  readonly length: number;
  row(i: number): number;
  kind(i: number): RowKind;
  name(i: number): string;
  amount(i: number, role: AmountRole): number | null;
}

/** A list of rows, read by index. */
export function checkedRows(list: CheckedRow[]): CheckedRows {
  return {
    length: list.length,
    row: (i) => list[i].row,
    kind: (i) => list[i].kind,
    name: (i) => list[i].name,
    amount: (i, role) => list[i][role],
  };
}

/** A run of rows between headings: an optional category row, its items, an optional 小计 (indexes; -1: none). */
interface Segment {
  category: number;
  items: number[];
  subtotal: number;
}

const TOLERANCE = 0.01;
const ROLES: AmountRole[] = ['initial', 'adjusted', 'actual'];

function segmentsOf(rows: CheckedRows): { segments: Segment[]; totals: number[] } {
  const segments: Segment[] = [];
  const totals: number[] = [];
  const segment = (): Segment => ({ category: -1, items: [], subtotal: -1 });
  let current = segment();
  const close = () => {
    if (current.category >= 0 || current.items.length || current.subtotal >= 0) segments.push(current);
    current = segment();
  };
  for (let i = 0; i < rows.length; i++) {
    const kind = rows.kind(i);
    if (kind === 'category') {
      close();
      current.category = i;
    } else if (kind === 'item') current.items.push(i);
    else if (kind === 'subtotal') {
      current.subtotal = i;
      close();
    } else if (kind === 'total') totals.push(i);
  }
  close();
  return { segments, totals };
}

function sum(rows: CheckedRows, covered: number[], role: AmountRole): { value: number; any: boolean } {
  let value = 0;
  let any = false;
  for (const i of covered) {
    const v = rows.amount(i, role);
    if (v !== null) {
      value += v;
      any = true;
    }
  }
  return { value, any };
}

/** What a segment contributes to the 合计: its 小计, else its category's own amounts, else its items. */
function segmentRows(rows: CheckedRows, s: Segment, role: AmountRole): number[] {
  if (s.subtotal >= 0) return [s.subtotal];
  if (s.category >= 0 && rows.amount(s.category, role) !== null) return [s.category];
  return s.items;
}

/**
 * The worksheet rows a check lists. A total usually covers the same rows in all three amount columns: those checks
 * share one list (a 100,000-row table has 2,000 小计 of 50 rows each, three times over).
 */
function rowsOf(rows: CheckedRows, covered: number[], previous: number[] | undefined): number[] {
  if (previous && previous.length === covered.length && covered.every((i, k) => rows.row(i) === previous[k])) return previous;
  return covered.map((i) => rows.row(i));
}

function check(rows: CheckedRows, target: number, covered: number[], role: AmountRole, col: number | undefined, out: TotalsCheck[], listed: Map<number, number[]>) {
  const stated = rows.amount(target, role);
  if (stated === null || col === undefined) return;
  const { value, any } = sum(rows, covered, role);
  if (!any) return;
  const difference = Math.round((stated - value) * 100) / 100;
  const list = rowsOf(rows, covered, listed.get(target));
  listed.set(target, list);
  out.push({
    row: rows.row(target),
    name: rows.name(target),
    kind: rows.kind(target) as TotalsCheck['kind'],
    column: role,
    cell: cellAddress(rows.row(target), col),
    stated,
    computed: Math.round(value * 100) / 100,
    difference,
    rows: list,
    ok: Math.abs(stated - value) <= TOLERANCE + 1e-9,
  });
}

export function checkTotals(rows: CheckedRows, columns: Partial<Record<AmountRole, number>>): TotalsCheck[] {
  const out: TotalsCheck[] = [];
  const { segments, totals } = segmentsOf(rows);
  const listed = new Map<number, number[]>();
  for (const role of ROLES) {
    for (const s of segments) {
      if (s.subtotal >= 0) check(rows, s.subtotal, s.items, role, columns[role], out, listed);
      if (s.category >= 0 && s.items.length) check(rows, s.category, s.items, role, columns[role], out, listed);
    }
    for (const t of totals) {
      const covered = segments.flatMap((s) => segmentRows(rows, s, role));
      check(rows, t, covered, role, columns[role], out, listed);
    }
  }
  return out.sort((a, b) => a.row - b.row);
}
