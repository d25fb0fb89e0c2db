/**
 * The 网页版's grid computes formulas with MIT libraries (fast-formula-parser + formulajs) instead of HyperFormula
 * (GPL-3.0). Checked here against HyperFormula on everything the engines write into the sample workbooks: every
 * rate, total, indicator and monitor formula, and every conditional-format rule at every cell it covers (the flags).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook, parseRect, shiftFormula, withDefaults, type CellValue, type Plan, type SheetSnapshot } from '../../src/core';
import { planMonitor } from '../../src/core/monitor';
import { planIndicatorWorkbook } from '../../src/core/workbook';
import { WorkbookEvaluator } from '../../src/xlsx/package/formulaEvaluator';
import { loadWorkbook } from '../../src/xlsx';
import { applyPlans, computeSheets } from '../helpers/computeSheets';

const SAMPLES = resolve(__dirname, '../../assets/samples');
const settings = withDefaults({});

/** Same value as a spreadsheet shows it: numbers to 8 significant digits (HyperFormula rounds to 10 decimals), blank and 0 alike. */
function norm(v: CellValue): CellValue {
  if (typeof v === 'number') return Number(v.toPrecision(8));
  return v ?? 0;
}

async function plannedWorkbook(file: string) {
  const sheets = await (await loadWorkbook(file)).readSnapshots();
  // The indicator plans start with the budget plans its 预算执行率 row links to.
  const indicators = planIndicatorWorkbook(sheets, settings);
  const plans: Plan[] = indicators.plans.length > 0 ? [...indicators.plans] : [...analyzeWorkbook(sheets, settings).plans];
  const monitor = planMonitor(sheets, { ...settings, asOfMonth: 6 });
  plans.push(monitor.plan);
  return applyPlans(sheets, plans);
}

function conditionalCells(s: SheetSnapshot): { formula: string; row: number; col: number }[] {
  const out: { formula: string; row: number; col: number }[] = [];
  for (const rule of s.conditionalFormats ?? []) {
    const anchor = parseRect(rule.ranges[0]);
    for (const range of rule.ranges) {
      const r = parseRect(range);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          out.push({ formula: shiftFormula(rule.formula, row - anchor.top, col - anchor.left), row, col });
    }
  }
  return out;
}

describe('the 网页版 evaluator agrees with HyperFormula on what the engines write', () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));
  it.each(files)('%s', async (file) => {
    const wb = await plannedWorkbook(join(SAMPLES, file));
    const evaluator = new WorkbookEvaluator(wb.sheets);
    let formulas = 0;
    let rules = 0;
    for (const s of wb.sheets) {
      s.formulas.forEach((line, i) =>
        line.forEach((f, j) => {
          if (!f) return;
          formulas++;
          const address = `${s.name}!R${i + 1}C${j + 1} ${f}`;
          expect(norm(evaluator.value(s.name, i + 1, j + 1)), address).toEqual(norm(wb.value(s.name, `${colName(j + 1)}${i + 1}`)));
        }),
      );
      // A rule is true where HyperFormula says so: compute its shifted formula in a scratch cell of the same sheet.
      const cells = conditionalCells(s);
      const probe = computeSheets(wb.sheets.map((x) => (x.name === s.name ? withProbes(x, cells.map((c) => c.formula)) : x)));
      cells.forEach((c, k) => {
        rules++;
        const expected = probe.value(s.name, `${colName(PROBE_COL)}${k + 1}`);
        expect(truthy(evaluator.evaluate(c.formula, s.name, c.row, c.col)), `${s.name} ${c.formula}`).toBe(truthy(expected));
      });
    }
    expect(formulas).toBeGreaterThan(10);
    expect(rules).toBeGreaterThan(0);
  });
});

const PROBE_COL = 200;
const colName = (c: number): string => (c > 26 ? colName(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));
const truthy = (v: CellValue) => v === true || (typeof v === 'number' && v !== 0);

/** The sheet with each formula placed in column PROBE_COL, one per row, for HyperFormula to compute. */
function withProbes(s: SheetSnapshot, formulas: string[]): SheetSnapshot {
  const rows = Math.max(s.values.length, formulas.length);
  const values: CellValue[][] = [];
  const out: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const v = [...(s.values[r] ?? [])];
    const f = [...(s.formulas[r] ?? [])];
    while (v.length < PROBE_COL) v.push(null);
    while (f.length < PROBE_COL) f.push(null);
    f[PROBE_COL - 1] = formulas[r] ?? null;
    values.push(v);
    out.push(f);
  }
  return { ...s, values, formulas: out };
}

describe('an error cell read by a formula', () => {
  const sheet: SheetSnapshot = {
    name: 'S',
    originRow: 1,
    originCol: 1,
    values: [['#DIV/0!', 2, null, null, null, null]],
    formulas: [[null, null, '=IFERROR(A1,"无")', '=ISERROR(A1)', '=SUM(A1:B1)', '=B1*3']],
    merges: [],
    notes: [],
  };

  it('is an error to it, as in Excel (IFERROR and ISERROR see one)', () => {
    const ev = new WorkbookEvaluator([sheet]);
    expect(ev.value('S', 1, 3)).toBe('无');
    expect(ev.value('S', 1, 4)).toBe(true);
  });

  it('leaves the results resting on it unknown (never cached), and the others known', () => {
    const ev = new WorkbookEvaluator([sheet]);
    // The parser's SUM skips an error in a range; Excel's returns #DIV/0!: no cached result is made from it.
    for (const col of [3, 4, 5]) expect(ev.knownValue('S', 1, col)).toBeUndefined();
    expect(ev.knownValue('S', 1, 6)).toBe(6);
  });
});
