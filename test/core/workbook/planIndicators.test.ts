import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../src/core';
import { planNextYear } from '../../../src/core/nextYear';
import { planIndicatorWorkbook } from '../../../src/core/workbook';
import { SEED000_INDICATOR_TABLES } from '../../fixtures/seedIndicators';
import { liwanIndicatorSheet, table12 } from '../indicators/seedSheets';
import { applyPlansWithCopies } from '../../helpers/copySheet';

describe('planIndicatorWorkbook', () => {
  const settings = withDefaults();
  const sheets = [table12(), liwanIndicatorSheet(SEED000_INDICATOR_TABLES).snapshot];

  it('puts the budget plan first and links 预算执行率 to 表1-2 合计', () => {
    const { plans, indicators } = planIndicatorWorkbook(sheets, settings);
    expect(plans.map((p) => p.sheet)).toEqual(['表1-2', indicators.report.sheet]);
    const exec = indicators.report.indicators.find((e) => e.kind === 'execution')!;
    expect(exec.linkedCell).toBe("'表1-2'!F11");
  });

  it('does not read next year’s sheets: every indicator counted once', () => {
    const once = planIndicatorWorkbook(sheets, settings).indicators.report.indicators.length;
    const next = planNextYear(sheets, settings, { year: 2022 });
    const withNextYear = applyPlansWithCopies(sheets, next.plans).sheets;
    expect(withNextYear.length).toBe(4);
    const again = planIndicatorWorkbook(withNextYear, settings);
    expect(again.indicators.report.indicators.length).toBe(once);
    expect(again.leftOut.sort()).toEqual(next.report.sheets.map((s) => s.to).sort());
  });
});
