/** The 绩效指标 问题清单's rows and counts, derived from the indicator report (pure, so filtering is unit-tested). */
import type { IndicatorFlag, IndicatorReport } from '../../core/indicators';
import { completionText, INDICATOR_RULE_LABEL, type IndicatorIssueFilter } from './labels';

export interface IndicatorIssueItem {
  key: string;
  sheet: string;
  cell: string;
  name: string;
  rule: IndicatorFlag['rule'];
  label: string;
  /** "完成率 200.39%", or '' when the flag is not about one indicator's completion. */
  detail: string;
  message: string;
  level: IndicatorFlag['level'];
  /** The cell is in the built sheet, which does not exist until 写入: not clickable before. */
  inBuiltSheet: boolean;
}

const MAIN: IndicatorFlag['rule'][] = ['short', 'over', 'unparsed'];

function groupOf(rule: IndicatorFlag['rule']): Exclude<IndicatorIssueFilter, 'all'> {
  return (MAIN as string[]).includes(rule) ? (rule as 'short' | 'over' | 'unparsed') : 'other';
}

/** The engine's message without what the card shows already (the name, the completion rate). */
function withoutRepeats(f: IndicatorFlag): string {
  return f.message
    .replace(`${f.name}：`, '')
    .replace(/^完成率 -?[\d.]+%，/, '')
    .replace(/^无法解析，/, '未能读出数值：');
}

export function indicatorIssueItems(report: IndicatorReport, filter: IndicatorIssueFilter): IndicatorIssueItem[] {
  const byRow = new Map(report.indicators.map((e) => [e.outputRow, e]));
  return report.flags
    .filter((f) => filter === 'all' || groupOf(f.rule) === filter)
    .map((f, i) => {
      const entry = f.sheet === report.sheet ? byRow.get(f.row) : undefined;
      const showRate = entry && (f.rule === 'short' || f.rule === 'over');
      return {
        key: `${f.sheet}!${f.cell}:${f.rule}:${i}`,
        sheet: f.sheet,
        cell: f.cell,
        name: f.name,
        rule: f.rule,
        label: INDICATOR_RULE_LABEL[f.rule],
        detail: showRate ? `完成率 ${completionText(entry.completion)}` : '',
        message: withoutRepeats(f),
        level: f.level,
        inBuiltSheet: f.sheet === report.sheet,
      };
    });
}

/** Counts per group in a fixed order (groups with no flags count 0, so the filter list does not jump). */
export function indicatorIssueCounts(report: IndicatorReport): { filter: Exclude<IndicatorIssueFilter, 'all'>; count: number }[] {
  return (['short', 'over', 'unparsed', 'other'] as const).map((filter) => ({ filter, count: report.flags.filter((f) => groupOf(f.rule) === filter).length }));
}
