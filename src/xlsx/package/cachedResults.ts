/**
 * Cached results for the formulas a plan writes without one (the rate formulas carry the engine's own numbers):
 * the indicator table's 完成率, 得分, 状态 and totals, a form's 得分 and 总分, the monitoring sheet, next year's sums
 * and rates. So a viewer that does not recalculate (a preview pane, a phone, some WPS modes) shows the numbers
 * Excel would.
 *
 * Each result is computed from the formula text itself, the one source of truth: no second implementation of a
 * scoring rule that could drift from the formula. The evaluator is the 网页版 grid's (fast-formula-parser and
 * formulajs, both maintained, MIT), checked against HyperFormula and LibreOffice by the tests. It runs over the
 * workbook as the plans leave it: the sheets as read, each plan's cleared areas and written cells on top, in plan
 * order; a copied sheet starts as its source; a created one empty.
 *
 * A result is left out when it rests on something not known here: a sheet that was not read, a function or
 * defined name the parser lacks (#NAME?), a circular reference. Excel computes those on open (fullCalcOnLoad).
 */
import { type CellInput, type CellRect, type CellValue, type Plan, type RangeWrite, type SheetSnapshot, writeHeight, writeInput, writeRowWidth } from '../../core';
import { type CellSource, SnapshotCells, WorkbookEvaluator } from './formulaEvaluator';
import { formulaShape } from './formulaShape';
import { cellKey, COLUMNS } from './planCells';
import { eachInput, isFormula, wantsResults } from './resultsWanted';

/** A value as part of a memo key: its type and text (1 and "1" differ), unknown apart from everything. */
function inputKey(v: CellValue | undefined): string {
  return v === undefined ? '\u0001?' : `\u0001${typeof v === 'object' ? 'z' : (typeof v)[0]}${String(v)}`;
}

/** Formulas reading formulas reading formulas…: deeper than this, a result is left out (Excel computes it). */
const MAX_DEPTH = 32;


/** A sheet as a plan leaves it: its own cleared areas and written cells over what it was (or its source). */
class PlannedSheet implements CellSource {
  private readonly cells = new Map<number, CellInput>();
  private readonly cleared: CellRect[] = [];
  bottom: number;
  right: number;

  constructor(
    readonly name: string,
    private readonly base: CellSource | null,
  ) {
    this.bottom = base?.bottom ?? 0;
    this.right = base?.right ?? 0;
  }

  clear(rect: CellRect): void {
    this.cleared.push(rect);
    for (const key of [...this.cells.keys()]) {
      const row = Math.floor(key / COLUMNS);
      const col = key % COLUMNS;
      if (row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right) this.cells.delete(key);
    }
  }

  set(row: number, col: number, input: CellInput): void {
    this.cells.set(cellKey(row, col), input);
    this.bottom = Math.max(this.bottom, row);
    this.right = Math.max(this.right, col);
  }

  /** What the plans put in the cell; null when they cleared it; undefined when they left it as it was. */
  private own(row: number, col: number): CellInput | undefined {
    const v = this.cells.get(cellKey(row, col));
    if (v !== undefined) return v;
    return this.cleared.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) ? null : undefined;
  }

  formula(row: number, col: number): string | null {
    const v = this.own(row, col);
    if (v === undefined) return this.base?.formula(row, col) ?? null;
    return isFormula(v) ? v : null;
  }

  stored(row: number, col: number): CellValue {
    const v = this.own(row, col);
    if (v === undefined) return this.base?.stored(row, col) ?? null;
    return typeof v === 'string' && (v === '' || v.startsWith('=')) ? null : v;
  }
}

/**
 * The plans with the results of their formulas filled in where they can be known (the plans given are not
 * changed). `snapshot(name)` gives a sheet as read (undefined for a sheet that is not there, or not read).
 */
export function withCachedResults(plans: Plan[], snapshot: (name: string) => SheetSnapshot | undefined): Plan[] {
  if (!plans.some((p) => p.writes.some(wantsResults))) return plans;
  const key = (name: string) => name.toLocaleLowerCase();
  const planned = new Map<string, PlannedSheet>();
  const read = new Map<string, CellSource | undefined>();
  const find = (name: string): CellSource | undefined => {
    const mine = planned.get(key(name));
    if (mine) return mine;
    if (!read.has(key(name))) {
      const s = snapshot(name);
      read.set(key(name), s ? new SnapshotCells(s) : undefined);
    }
    return read.get(key(name));
  };
  // The evaluator asks for a sheet at every cell it reads: found once per name as written, once the plans are laid.
  const seen = new Map<string, CellSource | undefined>();
  let laid = false;
  const sheet = (name: string): CellSource | undefined => {
    if (!laid) return find(name);
    if (!seen.has(name)) seen.set(name, find(name));
    return seen.get(name);
  };
  const pending: { plan: number; write: number; r: number; c: number }[] = [];
  plans.forEach((plan, p) => {
    let target = planned.get(key(plan.sheet));
    if (!target) {
      const base = sheet(plan.sheet) ?? (plan.copyFrom !== undefined ? sheet(plan.copyFrom) : undefined) ?? null;
      target = new PlannedSheet(plan.sheet, base);
      planned.set(key(plan.sheet), target);
    }
    for (const rect of plan.clear ?? []) target.clear(rect);
    plan.writes.forEach((w, i) => {
      const wanted = wantsResults(w);
      eachInput(w, (input, r, c) => {
        target.set(w.row + r, w.col + c, input);
        if (wanted && isFormula(input)) pending.push({ plan: p, write: i, r, c });
      });
    });
  });

  laid = true;
  const evaluator = new WorkbookEvaluator(sheet, MAX_DEPTH);
  const results = new Map<RangeWrite, CellValue[][]>();
  // Results by shape and inputs (formulaShape.ts): a column of formulas reading equal values is computed once.
  const known = new Map<string, CellValue | undefined>();
  for (const at of pending) {
    const plan = plans[at.plan];
    const w = plan.writes[at.write];
    const [row, col] = [w.row + at.r, w.col + at.c];
    const shape = formulaShape((writeInput(w, at.r, at.c) as string).slice(1), row, col);
    const key = shape && shape.shape + shape.refs.map((ref) => inputKey(evaluator.knownValue(ref.sheet ?? plan.sheet, ref.row, ref.col))).join('');
    let value: CellValue | undefined;
    if (key && known.has(key)) {
      value = known.get(key);
      if (value !== undefined) evaluator.remember(plan.sheet, row, col, value);
    } else {
      value = evaluator.knownValue(plan.sheet, row, col);
      if (key) known.set(key, value);
    }
    if (value === undefined) continue;
    let grid = results.get(w);
    if (!grid) results.set(w, (grid = Array.from({ length: writeHeight(w) }, (_, r) => new Array<CellValue>(writeRowWidth(w, r)).fill(null))));
    grid[at.r][at.c] = value;
  }
  return plans.map((plan) => (plan.writes.some((w) => results.has(w)) ? { ...plan, writes: plan.writes.map((w) => (results.has(w) ? { ...w, results: results.get(w)! } : w)) } : plan));
}
