/**
 * A workbook in memory for engine tests: applies Plans to SheetSnapshots (creating the sheets a plan builds,
 * clearing what a refresh clears) and computes every formula of every sheet at once with HyperFormula
 * (buildFromSheets, so '表1-2'!F11 from another sheet resolves). The computed values go back into the
 * snapshots, so a second engine run reads what a spreadsheet would show. HyperFormula is GPL-3.0: tests only.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { CellValue, Plan, SheetSnapshot } from '../../src/core';
import { parseCell } from '../../src/core';

export interface Workbook {
  sheets: SheetSnapshot[];
  /** The value a spreadsheet shows in sheet!address (errors as "#DIV/0!"-style text, empty as null). */
  value: (sheet: string, address: string) => CellValue;
  /** Validations, freeze and created sheets the plans asked for (a snapshot has no place for them). */
  extras: Map<string, { validations: Plan['validations']; freeze: Plan['freeze']; created: boolean }>;
}

function blankSheet(name: string): SheetSnapshot {
  return { name, originRow: 1, originCol: 1, values: [], formulas: [], merges: [], conditionalFormats: [], notes: [] };
}

/** Grows the snapshot's arrays (origin 1,1) so that (row, col) exists. */
function ensure(s: SheetSnapshot, row: number, col: number) {
  while (s.values.length < row) s.values.push([]);
  while (s.formulas.length < row) s.formulas.push([]);
  for (let r = 0; r < s.values.length; r++) {
    const width = Math.max(col, s.values[r]!.length, s.formulas[r]?.length ?? 0);
    while (s.values[r]!.length < width) s.values[r]!.push(null);
    while (s.formulas[r]!.length < width) s.formulas[r]!.push(null);
  }
}

function copy(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    values: s.values.map((r) => [...r]),
    formulas: s.formulas.map((r) => [...r]),
    merges: [...s.merges],
    conditionalFormats: [...(s.conditionalFormats ?? [])],
    notes: [...(s.notes ?? [])],
  };
}

function applyOne(s: SheetSnapshot, plan: Plan) {
  if (s.originRow !== 1 || s.originCol !== 1) throw new Error('computeSheets expects snapshots read from A1');
  for (const rect of plan.clear ?? []) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        if (s.values[r - 1] && c - 1 < s.values[r - 1]!.length) s.values[r - 1]![c - 1] = null;
        if (s.formulas[r - 1] && c - 1 < s.formulas[r - 1]!.length) s.formulas[r - 1]![c - 1] = null;
      }
    const inside = (range: string) => {
      const { row, col } = parseCell(range.split(':')[0]!.replace(/\$/g, ''));
      return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
    };
    s.conditionalFormats = (s.conditionalFormats ?? []).filter((f) => !inside(f.ranges[0]!));
  }
  for (const w of plan.writes) {
    ensure(s, w.row + w.inputs.length - 1, w.col + (w.inputs[0]?.length ?? 1) - 1);
    w.inputs.forEach((line, i) =>
      line.forEach((input, j) => {
        const [r, c] = [w.row + i - 1, w.col + j - 1];
        const formula = typeof input === 'string' && input.startsWith('=');
        s.formulas[r]![c] = formula ? input : null;
        s.values[r]![c] = formula ? null : input;
      }),
    );
  }
  s.merges.push(...plan.merges);
  const removed = (f: { formula: string; ranges: string[] }) =>
    plan.removeConditionalFormats.some((x) => x.formula === f.formula && x.ranges.join() === f.ranges.join());
  s.conditionalFormats = [...(s.conditionalFormats ?? []).filter((f) => !removed(f)), ...plan.conditionalFormats.map((r) => ({ ranges: r.ranges, formula: r.formula }))];
  const notes = new Map((s.notes ?? []).map((n) => [`${n.row}:${n.col}`, n]));
  for (const n of plan.removeNotes) notes.delete(`${n.row}:${n.col}`);
  for (const n of plan.notes) notes.set(`${n.row}:${n.col}`, { row: n.row, col: n.col, text: n.text });
  s.notes = [...notes.values()];
}

/** Applies the plans in order (a plan's sheet is created when missing and the plan says createSheet), then computes. */
export function applyPlans(sheets: SheetSnapshot[], plans: Plan[]): Workbook {
  const out = sheets.map(copy);
  const extras: Workbook['extras'] = new Map();
  for (const plan of plans) {
    let s = out.find((x) => x.name === plan.sheet);
    const created = !s;
    if (!s) {
      if (!plan.createSheet) throw new Error(`Plan for missing sheet "${plan.sheet}" without createSheet`);
      s = blankSheet(plan.sheet);
      const after = plan.createAfter ? out.findIndex((x) => x.name === plan.createAfter) : -1;
      out.splice(after >= 0 ? after + 1 : out.length, 0, s);
    }
    applyOne(s, plan);
    extras.set(plan.sheet, { validations: plan.validations, freeze: plan.freeze, created: created || (extras.get(plan.sheet)?.created ?? false) });
  }
  return { ...computeSheets(out), extras };
}

/** Computes every formula of the workbook; returns the snapshots with their formula cells' values filled. */
export function computeSheets(sheets: SheetSnapshot[]): Omit<Workbook, 'extras'> {
  const data: Record<string, RawCellContent[][]> = {};
  for (const s of sheets) {
    // A leading apostrophe keeps text as text ("100%" typed as text stays text, as in Excel).
    data[s.name] = s.values.map((row, r) => row.map((v, c) => s.formulas[r]?.[c] ?? (typeof v === 'string' ? `'${v}` : v)));
  }
  const hf = HyperFormula.buildFromSheets(data, { licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 16_384 });
  const read = (sheet: string, row: number, col: number): CellValue => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet "${sheet}"`);
    const v = hf.getCellValue({ sheet: id, row, col });
    if (v === undefined || v === null) return null;
    if (typeof v === 'object') return (v as { value: string }).value;
    return v as CellValue;
  };
  const computed = sheets.map((s) => ({
    ...s,
    values: s.values.map((row, r) => row.map((v, c) => (s.formulas[r]?.[c] ? read(s.name, r, c) : v))),
  }));
  hf.destroy();
  const byName = new Map(computed.map((s) => [s.name, s]));
  const value = (sheet: string, address: string): CellValue => {
    const s = byName.get(sheet);
    if (!s) throw new Error(`No sheet "${sheet}" (have: ${[...byName.keys()].join(', ')})`);
    const { row, col } = parseCell(address);
    return s.values[row - 1]?.[col - 1] ?? null;
  };
  return { sheets: computed, value };
}

/** Sets a constant in a sheet (a user's edit) and returns the recomputed workbook. */
export function edit(wb: Workbook, sheet: string, address: string, input: CellValue): Workbook {
  const sheets = wb.sheets.map(copy);
  const s = sheets.find((x) => x.name === sheet)!;
  const { row, col } = parseCell(address);
  ensure(s, row, col);
  s.values[row - 1]![col - 1] = input;
  s.formulas[row - 1]![col - 1] = null;
  return { ...computeSheets(sheets), extras: wb.extras };
}
