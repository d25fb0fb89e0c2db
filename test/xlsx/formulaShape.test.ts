/**
 * The shape under which cached results are shared (formulaShape.ts): formulas filled down a column share one;
 * anything whose result may depend on more than the single cells it names has none, so it is computed on its own.
 */
import { describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { withCachedResults } from '../../src/xlsx/package/cachedResults';
import { formulaShape } from '../../src/xlsx/package/formulaShape';

describe('formula shapes', () => {
  it('filled-down formulas share a shape; absolute parts, sheets and text stay as written', () => {
    const a = formulaShape(`IFERROR(F5/E5,"--")+'表 1'!$B$3`, 5, 7)!;
    const b = formulaShape(`IFERROR(F9/E9,"--")+'表 1'!$B$3`, 9, 7)!;
    expect(a.shape).toBe(b.shape);
    expect(a.shape).toBe(`IFERROR(R[0]C[-1]/R[0]C[-2],"--")+'表 1'!R3C2`);
    expect(a.refs).toEqual([{ sheet: null, row: 5, col: 6 }, { sheet: null, row: 5, col: 5 }, { sheet: '表 1', row: 3, col: 2 }]);
    expect(formulaShape('A$1*$A1*1.5E+3*TRUE', 2, 2)!.shape).toBe('R1C[-1]*R[-1]C1*1.5E+3*TRUE');
    expect(formulaShape('F5&"F5:F6 x"', 5, 1)!.refs).toEqual([{ sheet: null, row: 5, col: 6 }]);
  });

  it('has none for ranges, defined names, position- or time-dependent functions, other workbooks and error literals', () => {
    for (const f of ['SUM(A1:A3)', 'A1*Rate', 'ROW()+A1', 'INDIRECT("A1")', 'NOW()-A1', '[1]Sheet1!A1', 'IF(A1=#N/A,1,2)', 'Sheet1!A:A']) expect(formulaShape(f, 1, 2), f).toBeNull();
  });

  it('a column of formulas reading equal values gets the same results as each computed alone', () => {
    const sheet = { name: 's', originRow: 1, originCol: 1, values: [[1, 2], [null, null], [3, 0], [null, null], [4, 8]], formulas: [], numberFormats: [], merges: [], conditionalFormats: [], notes: [] };
    const plan: Plan = emptyPlan('s');
    plan.writes.push({ row: 1, col: 3, inputs: [1, 2, 3, 4, 5].map((r) => [`=IFERROR(B${r}/A${r},"--")`]), before: [[null], [null], [null], [null], [null]], purpose: 'value' });
    plan.writes.push({ row: 6, col: 3, inputs: [['=SUM(C1:C5)']], before: [[null]], purpose: 'sum' });
    const [out] = withCachedResults([plan], (n) => (n === 's' ? sheet : undefined));
    expect(out.writes.map((w) => w.results)).toEqual([[[2], ['--'], [0], ['--'], [2]], [[4]]]);
    expect(plan.writes[0].results).toBeUndefined(); // the plan given is not changed
  });
});

describe('results that cannot be known here are left out', () => {
  it('a chain of formulas deeper than the evaluator follows (a running total down 5,000 rows), a sheet not read, a function the parser lacks', () => {
    const rows = 5000;
    const sheet = {
      name: 's',
      originRow: 1,
      originCol: 1,
      values: Array.from({ length: rows }, (_, i) => [1, i + 1]),
      formulas: Array.from({ length: rows }, (_, i) => [null, i === 0 ? null : `=B${i}+A${i + 1}`]),
      numberFormats: [],
      merges: [],
      conditionalFormats: [],
      notes: [],
    };
    const plan: Plan = emptyPlan('s');
    const formulas = [`=B${rows}*2`, '=A1*3', "='其他表'!A1*2", '=NOSUCHFUNCTION(A1)', '=A1+Rate'];
    plan.writes.push({ row: 1, col: 3, inputs: formulas.map((f) => [f]), before: formulas.map(() => [null]), purpose: 'value' });
    const [out] = withCachedResults([plan], (n) => (n === 's' ? sheet : undefined));
    expect(out.writes[0].results).toEqual([[null], [3], [null], [null], [null]]);
  });
});
