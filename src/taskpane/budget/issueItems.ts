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
  /** "执行率 62.00%" / "调整率 141.87%" / "进度比 55.0%". */
  rateText: string;
  message: string;
  /** The engine's message without what the card already shows (the rate), or empty. */
  detail: string;
  level: 'red' | 'yellow';
}

function rateText(rule: FlagRule, value: number): string {
  if (rule === 'large-adjustment') return `调整率 ${pct(value)}`;
  // 进度比 = 执行率 ÷ 序时进度, as a percentage of where spending should be by now.
  if (rule === 'behind-schedule') return `进度比 ${(value * 100).toFixed(1)}%`;
  return `执行率 ${pct(value)}`;
}

/** Drops from the engine's message what the card shows already: the rate and the 进度比 figure. */
function detailOf(message: string): string {
  return message
    .replace(/^预算(?:执行|调整)率 -?[\d.]+%，/, '')
    .replace(/（执行率 -?[\d.]+%）/, '')
    .replace(/，执行率 -?[\d.]+%，进度比 [\d.]+（/, '（进度比')
    .replace(/^，|^。$/, '');
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
      detail: detailOf(f.message),
      level: f.level ?? 'red',
    }));
}

/** Counts per rule in a fixed order (rules with no flags count 0, so the filter list does not jump). */
export function ruleCounts(report: BudgetReport): { rule: FlagRule; label: string; count: number }[] {
  return RULES.map((rule) => ({ rule, label: FLAG_LABEL[rule], count: report.flags.filter((f) => f.rule === rule).length }));
}
