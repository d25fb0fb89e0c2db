/**
 * computeSheets.ts with Plan.copyFrom: a plan whose sheet is missing and that names `copyFrom` starts from a copy
 * of that sheet (values, formulas, number formats, merges, rules, notes — what a front end's sheet copy carries),
 * placed after `createAfter`, and the plan is then applied to the copy. Formulas are copied as they are: a
 * reference without a sheet name points into the copy, as when Excel copies a sheet.
 */
import type { Plan, SheetSnapshot } from '../../src/core';
import { applyPlans, type Workbook } from './computeSheets';

export function copySnapshot(s: SheetSnapshot, name: string): SheetSnapshot {
  return {
    ...s,
    name,
    values: s.values.map((r) => [...r]),
    formulas: s.formulas.map((r) => [...r]),
    ...(s.numberFormats ? { numberFormats: s.numberFormats.map((r) => [...r]) } : {}),
    merges: s.merges.map((m) => ({ ...m })),
    conditionalFormats: (s.conditionalFormats ?? []).map((f) => ({ ranges: [...f.ranges], formula: f.formula })),
    notes: (s.notes ?? []).map((n) => ({ ...n })),
  };
}

/** Applies the plans (copies first, in plan order), computes every formula; `extras.created` marks the copies too. */
export function applyPlansWithCopies(sheets: SheetSnapshot[], plans: Plan[]): Workbook {
  const out = [...sheets];
  const copied: string[] = [];
  for (const plan of plans) {
    if (!plan.copyFrom || out.some((s) => s.name === plan.sheet)) continue;
    const source = out.find((s) => s.name === plan.copyFrom);
    if (!source) throw new Error(`copyFrom: no sheet "${plan.copyFrom}"`);
    const after = plan.createAfter ? out.findIndex((s) => s.name === plan.createAfter) : -1;
    out.splice(after >= 0 ? after + 1 : out.length, 0, copySnapshot(source, plan.sheet));
    copied.push(plan.sheet);
  }
  const wb = applyPlans(out, plans);
  for (const name of copied) {
    const e = wb.extras.get(name);
    if (e) e.created = true;
  }
  return wb;
}
