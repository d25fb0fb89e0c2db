/** The 问题清单's rows and per-rule counts, derived from the report (pure, so filtering is unit-tested). */
import type { BudgetReport, FlagRule } from '../../core';
import { FLAG_LABEL, RULES, pct } from './labels';

export interface IssueItem {
  key: string;
  sheet: string;
  cell: string;
  name: string;
  rule: FlagRule;
  label: string;
  /** "执行率 62.00%" / "调整率 141.87%" / "进度比 55.0". */
  rateText: string;
  message: string;
  level: 'red' | 'yellow';
}

function rateText(rule: FlagRule, value: number): string {
  if (rule === 'large-adjustment') return `调整率 ${pct(value)}`;
  if (rule === 'behind-schedule') return `进度比 ${(value * 100).toFixed(1)}`;
  return `执行率 ${pct(value)}`;
}

export function issueItems(report: BudgetReport, filter: FlagRule | 'all'): IssueItem[] {
  return report.flags
    .filter((f) => filter === 'all' || f.rule === filter)
    .map((f) => ({
      key: `${f.sheet}!${f.cell}:${f.rule}`,
      sheet: f.sheet,
      cell: f.cell,
      name: f.name,
      rule: f.rule,
      label: FLAG_LABEL[f.rule],
      rateText: rateText(f.rule, f.value),
      message: f.message,
      level: f.level ?? 'red',
    }));
}

/** Counts per rule in a fixed order (rules with no flags count 0, so the filter list does not jump). */
export function ruleCounts(report: BudgetReport): { rule: FlagRule; label: string; count: number }[] {
  return RULES.map((rule) => ({ rule, label: FLAG_LABEL[rule], count: report.flags.filter((f) => f.rule === rule).length }));
}
