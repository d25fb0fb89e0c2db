/**
 * Snapshots of the whole workbook → next year's plans and the monitor's plan, with the pane's own Chinese
 * failures for what the user can fix (a year that is not one, no table to roll over, a month outside 1–12).
 * Pure; loaded as its own chunk by yearActions.ts.
 */
import type { Plan, Settings, SheetSnapshot } from '../../core';
import { planMonitor, type MonitorPlan } from '../../core/monitor';
import { planNextYear, validateNextYearOptions, type NextYearPlan } from '../../core/nextYear';
import { PaneFailure } from '../shared/paneError';
import type { NextYearChoice, NextYearPreview } from './types';

export function nextYearPlans(sheets: SheetSnapshot[], settings: Settings, choice: NextYearChoice): NextYearPlan {
  const options = { year: choice.year, carryActuals: choice.carryActuals };
  if (validateNextYearOptions(options).length > 0)
    throw new PaneFailure('bad-year', '年度填写有误：应为四位年份，如 2022。', '请改正“下一年度”中的年份，或留空由表格标题推算。');
  const planned = planNextYear(sheets, settings, options);
  if (planned.report.sheets.length === 0)
    throw new PaneFailure(
      'no-table',
      '没有找到可以生成下一年度的预算表或绩效指标表。',
      '下一年度按含“年初预算数 / 调整后预算 / 实际支出”或“指标 / 年度指标值 / 实际完成值”表头的工作表生成，请确认工作簿中有这样的表。',
    );
  return planned;
}

export function previewOf(report: NextYearPreview['report'], plans: Plan[]): NextYearPreview {
  return { report, toCreate: plans.length, year: report.sheets.find((s) => s.year !== null)?.year ?? null };
}

export function monitorPlan(sheets: SheetSnapshot[], settings: Settings, month: number): MonitorPlan {
  if (!(Number.isInteger(month) && month >= 1 && month <= 12))
    throw new PaneFailure('bad-month', '截至月份应为 1 到 12 月。', '请在“截至月份”中选择一个月份后再生成。');
  return planMonitor(sheets, { ...settings, asOfMonth: month });
}
