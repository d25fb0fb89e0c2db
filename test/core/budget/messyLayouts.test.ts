import { describe, expect, it } from 'vitest';
import { analyzeSheet, isEmptyPlan, withDefaults, type SheetSnapshot } from '../../../src/core';
import { sheet } from '../../helpers/snapshot';
import { applyToSnapshot } from '../../helpers/applyToSnapshot';

const valueAt = (s: SheetSnapshot, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return s.values[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
};

describe('the adjusted column as a change (调整数)', () => {
  const snap = sheet('delta', [
    ['项目名称', '年初预算数', '调整数', '执行数'],
    ['培训经费', 100, -20, 78],
    ['信息化建设', 200, 0, 190],
    ['就业补助', 50, 10, 60],
    ['宣传经费', 40, -5, 30],
    ['合计', 390, -15, 358],
  ]);
  const { report, plan } = analyzeSheet(snap, withDefaults());
  const t = report.tables[0];

  it('is recognised from the numbers, with the evidence', () => {
    expect(t.adjustedMeans).toBe('delta');
    expect(t.adjustedEvidence).toContain('调整额');
  });

  it('computes execution against initial + change, in the report and in a formula engine', () => {
    const after = applyToSnapshot(snap, plan);
    expect(t.rows[0].executionRate).toBeCloseTo(78 / 80, 12);
    expect(valueAt(after, 'E2')).toBeCloseTo(78 / 80, 10);
    expect(valueAt(after, 'F2')).toBeCloseTo(-0.2, 10);
    expect(valueAt(after, 'E6')).toBeCloseTo(358 / 375, 10);
  });

  it('accepts an override', () => {
    const forced = analyzeSheet(snap, withDefaults({ adjustedMeans: 'total' })).report.tables[0];
    expect(forced.adjustedMeans).toBe('total');
    expect(forced.adjustedEvidence).toContain('override');
    expect(forced.rows[1].executionRate).toBeNull(); // 190 / 0: no rate, never #DIV/0!
  });
});

describe('several tables on one sheet, between body text, notes and sign-off rows', () => {
  const snap = sheet('项目', [
    ['（2）主要实施项目及预算完成情况如下：'],
    ['序号', '项目名称', '年初预算数', '预算调整数', '实际支出', '预算执行率', '预算调整率'],
    [1, '吸纳建档立卡贫困劳动力补贴', 21, 21, 21, null, null],
    [2, '劳动保障监察工作经费', 80, 80, 36.72, null, null],
    ['合计', null, 101, 101, 57.72, null, null],
    ['填报人：张三    审核人：李四'],
    [null],
    [null],
    ['（3）另一批项目'],
    ['单位：万元'],
    ['序号', '项目名称', '年初预算数（万元）', '调整后\n预算数', '全年\n执行数'],
    [1, '仲裁院专项工作经费', '１２０', '120.00', '99.62万元'],
    [2, '全区劳动保障工作经费', 0, 0, 0],
    ['其中：', '专项一', 10, 10, 5],
    [3, '特色培训经费', 70, 65, 65],
    ['合计', null, 190, 185, 164.62],
  ]);
  const { report, plan } = analyzeSheet(snap, withDefaults());

  it('finds both tables with their extents and titles', () => {
    expect(report.tables.map((t) => [t.headerRows, t.firstRow, t.lastRow, t.title])).toEqual([
      [[2], 2, 6, '（2）主要实施项目及预算完成情况如下：'],
      [[11], 11, 16, '（3）另一批项目'],
    ]);
    expect(report.tables[1].unit).toBe('万元');
    expect(report.tables[0].rows.map((r) => r.kind)).toEqual(['item', 'item', 'total', 'note']);
    expect(report.tables[1].rows.map((r) => r.kind)).toEqual(['item', 'item', 'part-of', 'item', 'total']);
  });

  it('reads text amounts (full-width digits, units) and the formulas compute them', () => {
    const after = applyToSnapshot(snap, plan);
    const t2 = report.tables[1];
    expect(t2.addedColumns).toEqual(['F', 'G']);
    expect(t2.rows[0].executionRate).toBeCloseTo(99.62 / 120, 12);
    expect(valueAt(after, 'F12')).toBeCloseTo(99.62 / 120, 10);
    expect(valueAt(after, 'G12')).toBe(0);
    expect(valueAt(after, 'F13')).toBe('--'); // zero budget: "--", never #DIV/0!
    expect(valueAt(after, 'F11')).toBe('预算执行率');
  });

  it('leaves 其中 rows out of the totals and reports a mismatch', () => {
    const checks = report.tables[1].totalsCheck;
    expect(checks.find((c) => c.column === 'initial')).toMatchObject({ stated: 190, computed: 190, ok: true });
    const bad = report.tables[0].totalsCheck.filter((c) => !c.ok);
    expect(bad).toEqual([]);
  });

  it('flags 劳动保障监察工作经费 45.90% and 仲裁院专项工作经费 83.02% below 90%', () => {
    const low = report.flags.filter((f) => f.rule === 'low-execution').map((f) => [f.name, (f.value * 100).toFixed(2), f.cell]);
    expect(low).toEqual([
      ['劳动保障监察工作经费', '45.90', 'F4'],
      ['仲裁院专项工作经费', '83.02', 'F12'],
    ]);
  });
});

describe('a total that disagrees with its items', () => {
  it('is reported with the difference and never changed', () => {
    const snap = sheet('s', [
      ['项目', '年初预算数', '预算调整数', '实际支出'],
      ['甲', 10, 10, 9],
      ['乙', 20, 20, 19],
      ['小计', 30, 30, 29.5],
    ]);
    const { report, plan } = analyzeSheet(snap, withDefaults());
    const bad = report.tables[0].totalsCheck.filter((c) => !c.ok);
    expect(bad).toMatchObject([{ row: 4, column: 'actual', stated: 29.5, computed: 28, difference: 1.5, cell: 'D4' }]);
    expect(plan.writes.some((w) => w.col <= 4)).toBe(false);
  });
});

describe('a two-row header with a group label', () => {
  it('maps 预算数 / 年初 · 调整后 and 执行 / 金额', () => {
    const snap = sheet(
      'g',
      [
        ['项目', '预算数', null, '执行数', '执行率'],
        [null, '年初', '调整后', null, null],
        ['甲', 100, 90, 81, null],
      ],
      ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2'],
    );
    const t = analyzeSheet(snap, withDefaults()).report.tables[0];
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.columns).toMatchObject({ initial: 'B', adjusted: 'C', actual: 'D', executionRate: 'E', adjustmentRate: 'F' });
    expect(t.rows[0].executionRate).toBeCloseTo(0.9, 12);
  });
});

describe('user data and re-runs', () => {
  const snap = sheet('u', [
    ['项目名称', '年初预算数', '预算调整数', '实际支出', '预算执行率', '预算调整率'],
    ['甲', 100, 100, 57.99, 0.5799, null],
    ['乙', 100, 100, 99, null, null],
  ]);

  it('does not overwrite a typed rate without consent, and lists it', () => {
    const { report, plan } = analyzeSheet(snap, withDefaults());
    expect(report.skipped).toEqual([{ sheet: 'u', cell: 'E2', previous: 0.5799 }]);
    expect(plan.writes.flatMap((w) => w.inputs.map((_, i) => `${w.col}:${w.row + i}`))).not.toContain('5:2');
    expect(report.flags.map((f) => f.rule)).toEqual(['low-execution']);
  });

  it('overwrites with --overwrite and says so', () => {
    const { report } = analyzeSheet(snap, withDefaults({ overwrite: true }));
    expect(report.overwritten).toEqual([{ sheet: 'u', cell: 'E2', previous: 0.5799 }]);
  });

  it('plans nothing when run again on its own output: no second column, rule or note', () => {
    const foshan = sheet('f', [
      ['支出类别', '年初预算数', '调整预算数', '决算数'],
      ['人员经费', 13983.71, 15051.22, 15051.22],
      ['项目经费', 100, 30, 20],
      ['合计', 14083.71, 15081.22, 15071.22],
    ]);
    const first = analyzeSheet(foshan, withDefaults());
    expect(first.plan.conditionalFormats.length).toBeGreaterThan(0);
    expect(first.plan.notes.map((n) => [n.row, n.col])).toEqual([
      [3, 5],
      [3, 6],
    ]);
    const after = applyToSnapshot(foshan, first.plan);
    const second = analyzeSheet(after, withDefaults());
    expect(second.report.tables[0].addedColumns).toEqual([]);
    expect(second.report.tables[0].columns).toMatchObject({ executionRate: 'E', adjustmentRate: 'F' });
    expect(isEmptyPlan(second.plan)).toBe(true);
    expect(second.report.flags).toEqual(first.report.flags);
  });

  it('keeps the user note and replaces only its own part when a threshold changes', () => {
    const base = sheet('n', [
      ['项目名称', '年初预算数', '预算调整数', '实际支出'],
      ['甲', 100, 100, 85],
    ]);
    const once = applyToSnapshot(base, analyzeSheet(base, withDefaults()).plan);
    const withUserNote = { ...once, notes: once.notes!.map((n) => ({ ...n, text: `已说明：年底到账\n${n.text}` })) };
    const relaxed = analyzeSheet(withUserNote, withDefaults({ executionThreshold: 0.8 })).plan;
    expect(relaxed.notes).toEqual([expect.objectContaining({ row: 2, col: 5, text: '已说明：年底到账' })]);
    expect(relaxed.removeConditionalFormats.length).toBeGreaterThan(0);
    expect(relaxed.conditionalFormats.some((r) => r.formula === '=AND(ISNUMBER(E2),E2<0.8)')).toBe(true);
  });
});

describe('序时进度 with an as-of month', () => {
  it('colours red below 60 and yellow below 80, and drops the year-end threshold', () => {
    const snap = sheet('m', [
      ['项目名称', '年初预算数', '预算调整数', '实际支出'],
      ['红', 120, 120, 20], // 16.67% at June: progress 33.3 → red
      ['黄', 120, 120, 40], // 33.33%: progress 66.7 → yellow
      ['绿', 120, 120, 55], // 45.83%: progress 91.7 → fine
    ]);
    const { report, plan } = analyzeSheet(snap, withDefaults({ asOfMonth: 6 }));
    expect(report.flags.map((f) => [f.name, f.rule, f.level])).toEqual([
      ['红', 'behind-schedule', 'red'],
      ['黄', 'behind-schedule', 'yellow'],
    ]);
    expect(plan.conditionalFormats.map((r) => r.formula)).toContain('=AND(ISNUMBER(E2),E2/(6/12)<0.6)');
    expect(plan.conditionalFormats.some((r) => r.rule === 'low-execution')).toBe(false);
  });
});

describe('a caption or 单位 row merged across the table above a one-row header', () => {
  it('is a title, not the first of two header rows', () => {
    const snap = sheet(
      'p',
      [
        ['1.全力以赴抓重点，就业质量稳步提高'],
        ['（2）主要实施项目及预算完成情况', null, null, null, null, '单位：万元', null],
        ['序号', '项目名称', '年初预算数', '预算调整数', '实际支出', '预算执行率', '预算调整率'],
        [1, '吸纳建档立卡贫困劳动力补贴', 21, 21, 21, null, null],
      ],
      ['A1:E1', 'A2:E2', 'F2:G2'],
    );
    const t = analyzeSheet(snap, withDefaults()).report.tables[0];
    expect(t.headerRows).toEqual([3]);
    expect(t.title).toBe('（2）主要实施项目及预算完成情况');
    expect(t.unit).toBe('万元');
  });
});
