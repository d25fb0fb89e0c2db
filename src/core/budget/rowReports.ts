/**
 * A table's row reports kept column by column: a 100,000-row table is a few typed arrays (about 50 bytes a row),
 * not 100,000 objects with five boxed numbers each (about 220 bytes a row). The engine reads them by index (rates
 * for the plan, amounts for the totals check); the report's `rows` are made from them when first read (printed as
 * JSON, shown in the pane, read by the indicators) and then kept.
 */
import type { AmountRole } from './headers';
import type { BudgetRowReport, FlagRule, RowKind, TableReport } from './report';
import { orNull } from './rates';
import { defineLazy } from '../lazyProperty';

const KINDS: readonly RowKind[] = ['item', 'category', 'subtotal', 'total', 'part-of', 'blank', 'note'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));

/** Slots of a row's numbers in `numbers` (NaN: null). */
const INITIAL = 0;
const ADJUSTED = 1;
const ACTUAL = 2;
const EXECUTION = 3;
const ADJUSTMENT = 4;
const SLOTS = 5;
const ROLE_SLOT: Record<AmountRole, number> = { initial: INITIAL, adjusted: ADJUSTED, actual: ACTUAL };

/** The report's rule names of a row without flags (most rows): shared and frozen, not an empty array per row. */
const NO_RULES: FlagRule[] = Object.freeze([]) as unknown as FlagRule[];

export class RowReports {
  readonly length: number;
  private readonly rows: Int32Array;
  private readonly kinds: Uint8Array;
  private readonly names: string[];
  private readonly numbers: Float64Array;
  private readonly flags = new Map<number, FlagRule[]>();

  constructor(length: number) {
    this.length = length;
    this.rows = new Int32Array(length);
    this.kinds = new Uint8Array(length);
    this.names = new Array<string>(length);
    this.numbers = new Float64Array(length * SLOTS).fill(NaN);
  }

  /** Row i's identity; its numbers are set with setNumbers (NaN for null). */
  set(i: number, row: number, kind: RowKind, name: string): void {
    this.rows[i] = row;
    this.kinds[i] = KIND_CODE.get(kind)!;
    this.names[i] = name;
  }

  setNumbers(i: number, initial: number, adjusted: number, actual: number, executionRate: number, adjustmentRate: number): void {
    const at = i * SLOTS;
    this.numbers[at + INITIAL] = initial;
    this.numbers[at + ADJUSTED] = adjusted;
    this.numbers[at + ACTUAL] = actual;
    this.numbers[at + EXECUTION] = executionRate;
    this.numbers[at + ADJUSTMENT] = adjustmentRate;
  }

  setFlags(i: number, rules: FlagRule[]): void {
    if (rules.length > 0) this.flags.set(i, rules);
  }

  row(i: number): number {
    return this.rows[i];
  }

  kind(i: number): RowKind {
    return KINDS[this.kinds[i]];
  }

  name(i: number): string {
    return this.names[i];
  }

  amount(i: number, role: AmountRole): number | null {
    return orNull(this.numbers[i * SLOTS + ROLE_SLOT[role]]);
  }

  executionRate(i: number): number | null {
    return orNull(this.numbers[i * SLOTS + EXECUTION]);
  }

  adjustmentRate(i: number): number | null {
    return orNull(this.numbers[i * SLOTS + ADJUSTMENT]);
  }

  /** Row i as the report shows it (a new object: the report's `rows` keep theirs). */
  rowAt(i: number): BudgetRowReport {
    const at = i * SLOTS;
    const n = this.numbers;
    return {
      row: this.rows[i],
      kind: KINDS[this.kinds[i]],
      name: this.names[i],
      initial: orNull(n[at + INITIAL]),
      adjusted: orNull(n[at + ADJUSTED]),
      actual: orNull(n[at + ACTUAL]),
      executionRate: orNull(n[at + EXECUTION]),
      adjustmentRate: orNull(n[at + ADJUSTMENT]),
      flags: this.flags.get(i) ?? NO_RULES,
    };
  }
}

/**
 * Defines `rows` on a table report (as its next key): made from the store when first read, then kept as plain data.
 * Enumerable, so JSON, a copy and a test comparison see the rows as before.
 */
export function defineRows(t: TableReport, store: RowReports): void {
  defineLazy(t, 'rows', () => Array.from({ length: store.length }, (_, i) => store.rowAt(i)));
}
