/**
 * A table's rate column is planned compact (RangeWrite.column): a few typed arrays, not one array and one formula
 * string per row. Every front end still reads the plain write (inputs / before / beforeFormats / results, made once
 * when first read, the same as before); the .xlsx writer reads the column itself and never makes them; a copy
 * (`{ ...w }`) and JSON see only the plain write.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSheet, type RangeWrite, type SheetSnapshot, withDefaults, writeHeight, writeInput, writeResult } from '../../../src/core';
import { WorkbookPackage } from '../../../src/xlsx';

const HEADER = ['项目名称', '年初预算数', '调整后预算数', '实际支出', '执行率'];

/** A project table: plain amounts, one amount typed as text (its formula reads it through VALUE), a subtotal. */
function table(projects: number, textAmount = true): SheetSnapshot {
  const values: (string | number | null)[][] = [HEADER];
  for (let i = 1; i <= projects; i++) values.push([`项目${i}`, 100, 110, i === 3 && textAmount ? '95.5' : 90 + (i % 20), null]);
  values.push(['合计', 100 * projects, 110 * projects, 95 * projects, null]);
  const formulas = values.map((r) => r.map(() => null));
  return { name: '明细', originRow: 1, originCol: 1, values, formulas, merges: [], notes: [] };
}

const isLazy = (w: RangeWrite, key: string) => typeof Object.getOwnPropertyDescriptor(w, key)?.get === 'function';

describe('a compact rate column', () => {
  const snapshot = table(40);
  const rateWrites = () => analyzeSheet(snapshot, withDefaults()).plan.writes.filter((w) => w.purpose === 'rate');

  it('reads its cells by index, the same as the arrays a front end gets', () => {
    for (const w of rateWrites()) {
      expect(w.column).toBeDefined();
      const cells = Array.from({ length: writeHeight(w) }, (_, r) => [writeInput(w, r, 0), writeResult(w, r, 0)]);
      expect(isLazy(w, 'inputs')).toBe(true);
      expect(cells).toEqual(w.inputs.map((line, r) => [line[0], w.results![r][0]]));
      // Made once, then kept: the same arrays on every read.
      expect(w.inputs).toBe(w.inputs);
      expect(isLazy(w, 'inputs')).toBe(false);
    }
  });

  it('is filled down only where every formula is the pieces with its row (not over the text amount)', () => {
    const [exec] = rateWrites();
    expect(exec.row).toBe(2);
    expect(exec.column!.filledDown).toBeUndefined();
    expect(writeInput(exec, 0, 0)).toBe('=IFERROR(D2/C2,"--")');
    expect(writeInput(exec, 2, 0)).toMatch(/^=IFERROR\(VALUE\(.*D4.*\)\/C4,"--"\)$/);
    expect(writeResult(exec, 0, 0)).toBeCloseTo(91 / 110, 12);
    const plain = analyzeSheet(table(40, false), withDefaults()).plan.writes.find((w) => w.purpose === 'rate')!;
    expect(plain.column!.filledDown).toEqual(['=IFERROR(D', '/C', ',"--")']);
    expect(plain.inputs[40][0]).toBe('=IFERROR(D42/C42,"--")');
  });

  it('looks plain to a copy and to JSON', () => {
    const [w] = rateWrites();
    const copy = { ...w };
    expect('column' in copy).toBe(false);
    expect(Object.keys(w)).toEqual(['row', 'col', 'inputs', 'numberFormat', 'before', 'beforeFormats', 'purpose', 'results']);
    const json = JSON.parse(JSON.stringify(w));
    expect(json.inputs).toEqual(copy.inputs);
    expect(json.before[0]).toEqual([null]);
    expect(json.beforeFormats[0]).toEqual(['General']);
  });

  it('is written to a file without making its arrays', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    for (const row of snapshot.values) ws.addRow(row);
    const book = await WorkbookPackage.open(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const [read] = await book.readSnapshots();
    const { plan } = analyzeSheet(read, withDefaults());
    const rates = plan.writes.filter((w) => w.purpose === 'rate');
    const [applied] = await book.applyPlans([plan]);
    await book.save();
    expect(applied.result.formulasWritten).toBe(2 * 41);
    for (const w of rates) for (const key of ['inputs', 'before', 'beforeFormats', 'results']) expect(isLazy(w, key)).toBe(true);
  });
});
