/**
 * Applies a Plan to a SheetSnapshot in memory (tests only): the cells get the plan's inputs, the rules and notes
 * are recorded, so a second engine run can be made on the first run's output. Values of written formulas are
 * computed by HyperFormula, as a spreadsheet would.
 */
import { HyperFormula } from 'hyperformula';
import type { CellValue, Plan, SheetSnapshot } from '../../src/core';

export function applyToSnapshot(s: SheetSnapshot, plan: Plan): SheetSnapshot {
  const rows = Math.max(s.values.length, ...plan.writes.map((w) => w.row + w.inputs.length - s.originRow));
  const cols = Math.max(
    s.values.reduce((m, r) => Math.max(m, r.length), 0),
    ...plan.writes.map((w) => w.col + (w.inputs[0]?.length ?? 0) - s.originCol),
  );
  const values: CellValue[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.values[r]?.[c] ?? null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.formulas[r]?.[c] ?? null));
  const numberFormats: string[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.numberFormats?.[r]?.[c] ?? 'General'));
  for (const w of plan.writes) {
    w.inputs.forEach((line, i) =>
      line.forEach((input, j) => {
        const r = w.row + i - s.originRow;
        const c = w.col + j - s.originCol;
        if (typeof input === 'string' && input.startsWith('=')) {
          formulas[r][c] = input;
          values[r][c] = null;
        } else {
          formulas[r][c] = null;
          values[r][c] = input;
        }
        if (w.numberFormat) numberFormats[r][c] = w.numberFormat;
      }),
    );
  }
  const removed = (f: { formula: string; ranges: string[] }) =>
    plan.removeConditionalFormats.some((x) => x.formula === f.formula && x.ranges.join() === f.ranges.join());
  const conditionalFormats = [
    ...(s.conditionalFormats ?? []).filter((f) => !removed(f)),
    ...plan.conditionalFormats.map((r) => ({ ranges: r.ranges, formula: r.formula })),
  ];
  const notes = new Map((s.notes ?? []).map((n) => [`${n.row}:${n.col}`, n]));
  for (const n of plan.removeNotes) notes.delete(`${n.row}:${n.col}`);
  for (const n of plan.notes) notes.set(`${n.row}:${n.col}`, { row: n.row, col: n.col, text: n.text });
  const merges = [...s.merges, ...plan.merges];
  const out: SheetSnapshot = { ...s, values, formulas, numberFormats, merges, conditionalFormats, notes: [...notes.values()] };
  return recompute(out);
}

/** Fills the values of formula cells with HyperFormula's results. */
export function recompute(s: SheetSnapshot): SheetSnapshot {
  const data = s.values.map((row, r) => row.map((v, c) => s.formulas[r]?.[c] ?? v));
  const hf = HyperFormula.buildFromArray(data as (string | number | boolean | null)[][], {
    licenseKey: 'gpl-v3',
    maxRows: 1048576,
    maxColumns: 16384,
  });
  const values = s.values.map((row, r) =>
    row.map((v, c) => {
      if (!s.formulas[r]?.[c]) return v;
      const x = hf.getCellValue({ sheet: 0, row: r, col: c });
      return typeof x === 'object' && x !== null ? `#${(x as { type: string }).type}` : (x as CellValue);
    }),
  );
  hf.destroy();
  return { ...s, values };
}
