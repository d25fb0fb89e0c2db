/**
 * The input sheets stay exactly as they were, and running next-year twice does not add a second set of sheets:
 * the second run finds every target already there (reported as existing) and does not take next year's sheets
 * for sources of a year after.
 */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../src/core';
import { planNextYear, nextYearSheets, supersededSheets } from '../../../src/core/nextYear';
import { applyPlansWithCopies } from '../../helpers/copySheet';
import { frozenCopy, seedWorkbook } from './seedWorkbook';
import { sheet } from '../../helpers/snapshot';

const settings = withDefaults();

describe('next year leaves this year alone and runs once', () => {
  const seed = seedWorkbook();
  const before = frozenCopy(seed.sheets);
  const first = planNextYear(seed.sheets, settings, { carryActuals: true });
  const wb = applyPlansWithCopies(seed.sheets, first.plans);

  it('plans only for new sheets and does not touch the snapshots it read', () => {
    expect(seed.sheets).toEqual(before);
    const inputs = new Set(before.map((s) => s.name));
    for (const p of first.plans) expect(inputs.has(p.sheet)).toBe(false);
  });

  it('after applying, every input sheet holds what it held', () => {
    for (const s of before) {
      const after = wb.sheets.find((x) => x.name === s.name)!;
      expect(after.values).toEqual(s.values);
      expect(after.formulas).toEqual(s.formulas);
      expect(after.merges).toEqual(s.merges);
      expect(after.notes ?? []).toEqual(s.notes ?? []);
    }
  });

  it('a second run adds nothing: every target exists, next year\'s sheets are not sources', () => {
    const second = planNextYear(wb.sheets, settings, { carryActuals: true });
    expect(second.plans).toEqual([]);
    expect(second.report.sheets.map((s) => [s.from, s.to, s.existing])).toEqual(first.report.sheets.map((s) => [s.from, s.to, true]));
    expect(second.report.skipped.map((s) => [s.sheet, s.reason])).toEqual(first.report.sheets.map((s) => [s.to, 'next-year-sheet']));
    expect(applyPlansWithCopies(wb.sheets, second.plans).sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
  });

  it('so does a second run with the same --year', () => {
    const a = planNextYear(seed.sheets, settings, { year: 2022 });
    const applied = applyPlansWithCopies(seed.sheets, a.plans);
    const b = planNextYear(applied.sheets, settings, { year: 2022 });
    expect(b.plans).toEqual([]);
    expect(b.report.sheets.every((s) => s.existing === true)).toBe(true);
  });

  it('tells other engines which sheets are this year\'s and which next year\'s', () => {
    expect([...supersededSheets(wb.sheets)]).toEqual(before.map((s) => s.name));
    expect([...nextYearSheets(wb.sheets)].sort()).toEqual(first.report.sheets.map((s) => s.to).sort());
  });
});

describe('a sheet whose year comes from the rest of the workbook', () => {
  it('is rolled over once: a second run finds its next-year sheet (the liwan sample: 项目支出 has no year of its own)', () => {
    const titled = sheet('表1-2', [['2021年部门整体支出'], ['项目名称', '年初预算数', '预算调整数', '实际支出'], ['甲', 1, 1, 1]]);
    const untitled = sheet('项目支出', [['项目名称', '年初预算数', '预算调整数', '实际支出'], ['乙', 2, 2, 2]]);
    const first = planNextYear([titled, untitled], settings);
    expect(first.report.sheets.map((s) => s.to)).toEqual(['表1-2（2022年）', '项目支出（2022年）']);
    const wb = applyPlansWithCopies([titled, untitled], first.plans);
    const second = planNextYear(wb.sheets, settings);
    expect(second.plans).toEqual([]);
    expect(second.report.sheets.every((s) => s.existing)).toBe(true);
  });
});
