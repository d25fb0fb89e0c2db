/** Chinese labels of the 绩效指标 part of the pane (one place, so the e2e tests and the UI agree). */
import type { ScoringSettings } from '../../core';
import type { IndicatorFlagRule } from '../../core/indicators';

export const INDICATOR_RULE_LABEL: Record<IndicatorFlagRule, string> = {
  short: '未完成',
  over: '超额（>150%）',
  unparsed: '待手工填写数值',
  'qualitative-band': '待选定性评级',
  weights: '分值不一致',
  'weight-missing': '缺少分值',
  'default-weights': '默认分值',
  'execution-unlinked': '执行率未链接',
  'no-indicators': '未找到指标表',
};

/** The 问题清单 filter: the three flags the issue names, everything else together. */
export type IndicatorIssueFilter = 'all' | 'short' | 'over' | 'unparsed' | 'other';

export const FILTER_LABEL: Record<Exclude<IndicatorIssueFilter, 'all'>, string> = {
  short: '未完成',
  over: '超额（>150%）',
  unparsed: '待手工填写数值',
  other: '其他提示',
};

export const EXECUTION_WEIGHTS = [10, 20] as const;

export const EXECUTION_RULE_LABEL: Record<ScoringSettings['executionRule'], string> = {
  linear: '按比例：min(执行率, 100%) × 分值',
  jiangxi: '江西分档：100%→满分，80%→70%，60%→50%，以下 0 分',
};

export const LOWER_IS_BETTER_LABEL: Record<ScoringSettings['lowerIsBetter'], string> = {
  deviation: '偏差法：(1 − 超出部分 ÷ 目标值) × 分值',
  ratio: '比值法：目标值 ÷ 实际值 × 分值',
};

export const INDICATOR_BUSY_LABEL = { detect: '正在识别指标…', apply: '正在写入…', undo: '正在撤销…', save: '正在保存设置…', refresh: '正在重新计算得分…' } as const;

/** "98.15%"; "--" when the completion cannot be computed. */
export const completionText = (x: number | null) => (x === null ? '--' : `${(x * 100).toFixed(2)}%`);

/** "88.39" (two decimals, as the sheet's 得分 column). */
export const scoreText = (x: number) => x.toFixed(2);
