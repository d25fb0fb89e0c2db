/**
 * Issue 8: the project forms (national, provincial variants) are recognised, filled in place and scored. Every
 * variant holds the same numbers (test/fixtures/forms.ts): 9.70 + 89.00 = 98.70 (优).
 */
import { describe, expect, it } from 'vitest';
import { nationalProjectForm, PROJECT_EXPECTED, PROJECT_INDICATORS, provincialProjectForm, type FormSheet } from '../../fixtures/forms';
import { fillForm, formIndicators, type Filled } from './formHarness';

interface Variant {
  name: string;
  form: FormSheet;
  kind: string;
  /** Budget block: total row, its 执行率 / 得分 cells; indicator block: first row and 得分 column; the 总分 cell. */
  total: number;
  rate: string;
  score: string;
  firstIndicator: number;
  scoreCol: string;
  totalCell: string;
}

const VARIANTS: Variant[] = [
  { name: 'national, merged runs', form: nationalProjectForm(), kind: 'national-project', total: 6, rate: 'G6', score: 'H6', firstIndicator: 13, scoreCol: 'H', totalCell: 'H20' },
  { name: 'national, blank runs', form: nationalProjectForm({ blankRuns: true }), kind: 'national-project', total: 6, rate: 'G6', score: 'H6', firstIndicator: 13, scoreCol: 'H', totalCell: 'H20' },
  {
    name: 'provincial split, unit row',
    form: provincialProjectForm({ header: 'split', leftLabel: false, unitRow: true }),
    kind: 'provincial-project', total: 5, rate: 'E5', score: 'G5', firstIndicator: 12, scoreCol: 'I', totalCell: 'I19',
  },
  {
    name: 'provincial two-row header, left label column',
    form: provincialProjectForm({ header: 'two-row', leftLabel: true, unitRow: false }),
    kind: 'provincial-project', total: 4, rate: 'F4', score: 'H4', firstIndicator: 12, scoreCol: 'J', totalCell: 'J19',
  },
  {
    name: 'provincial joined, left label, unit row, ≧ ＜ signs',
    form: provincialProjectForm({ header: 'joined', leftLabel: true, unitRow: true, signs: { '≥': '≧', '≤': '＜' } }),
    kind: 'provincial-project', total: 5, rate: 'F5', score: 'H5', firstIndicator: 12, scoreCol: 'H', totalCell: 'H19',
  },
  {
    name: 'provincial split, ﹦ ＞ ≦ signs',
    form: provincialProjectForm({ header: 'split', leftLabel: true, unitRow: false, signs: { '＝': '﹦', '≥': '＞', '≤': '≦' } }),
    kind: 'provincial-project', total: 4, rate: 'F4', score: 'H4', firstIndicator: 11, scoreCol: 'J', totalCell: 'J18',
  },
];

describe.each(VARIANTS)('$name', (v) => {
  let filled: Filled;
  const sheet = () => v.form.name;
  const get = (cell: string) => filled.value(sheet(), cell);
  it('is recognised as a form; its budget block stops before the goal and indicator rows', async () => {
    filled = await fillForm(v.form);
    const [t] = filled.report.tables;
    expect(filled.report.tables).toHaveLength(1);
    expect(t.form).toBe(v.kind);
    expect(filled.report.forms?.[0]?.kind).toBe(v.kind);
    expect(t.rows.map((r) => r.kind)).toEqual(['total', 'part-of', 'part-of', 'part-of', ...(v.kind === 'national-project' ? [] : ['part-of'])]);
    expect(t.rows[0].row).toBe(v.total);
    // The information row above (主管部门 | … | 实施单位) is not a header row; the form's title is the table's.
    expect(t.headerRows).toEqual([v.total - 1]);
    expect(t.title).toMatch(/自评表/);
  });

  it('is filled in place, never widened: no column, header or merge added; no rate formula in the indicator block', () => {
    const lastCol = Math.max(...v.form.rows.map((r) => r.length));
    const [plan] = filled.plans;
    expect(filled.report.tables[0].addedColumns).toEqual([]);
    expect(filled.report.forms![0].notAdded.join()).toContain('预算调整率');
    expect(plan.merges).toEqual([]);
    expect(plan.columnWidths).toEqual([]);
    for (const w of plan.writes) {
      expect(w.col + w.inputs[0].length - 1).toBeLessThanOrEqual(lastCol);
      expect(w.purpose).not.toBe('header');
      if (w.row >= v.firstIndicator) expect(w.inputs.flat().every((x) => typeof x === 'string' && !x.startsWith('=IFERROR('))).toBe(true);
    }
    expect(filled.workbook.worksheets[0].columnCount).toBe(lastCol);
  });

  it('computes 执行率, the budget line 得分, every indicator 得分 and the 总分 (HyperFormula)', () => {
    expect(get(v.rate)).toBeCloseTo(PROJECT_EXPECTED.execution, 10);
    expect(get(v.score)).toBeCloseTo(PROJECT_EXPECTED.executionScore, 10);
    PROJECT_INDICATORS.forEach((x, i) => {
      const expected = x.weight * Math.min(1, x.nature === '≤' ? 1 : x.actual / x.target);
      expect(get(`${v.scoreCol}${v.firstIndicator + i}`), x.name).toBeCloseTo(expected, 10);
    });
    expect(get(v.totalCell)).toBeCloseTo(PROJECT_EXPECTED.total, 10);
    expect(filled.report.forms![0].indicators!.totalCell).toBe(v.totalCell);
    expect(filled.report.forms![0].budget!.score).toBeCloseTo(PROJECT_EXPECTED.executionScore, 12);
  });

  it('checks the total against its parts (其中 and the rows under it): no difference reported', () => {
    const checks = filled.report.tables[0].totalsCheck;
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('plans nothing on a second run', async () => {
    expect(await filled.rerun()).toEqual([]);
  });

  it('scores 98.7 (优) in the indicator report, the 预算执行率 line taken from the form’s total row', async () => {
    const report = await formIndicators(v.form);
    const exec = report.indicators.find((e) => e.kind === 'execution')!;
    expect(exec.linkedCell).toBe(`'${v.form.name}'!${v.rate}`);
    expect(report.indicators.filter((e) => e.kind === 'indicator').map((e) => e.name)).toEqual(PROJECT_INDICATORS.map((x) => x.name));
    expect(report.total.score).toBeCloseTo(PROJECT_EXPECTED.total, 9);
    expect(report.total.grade).toBe('优');
  });
});
