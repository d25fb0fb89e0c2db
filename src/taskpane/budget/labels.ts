/** Chinese labels shared by the pane's components (one place, so the e2e tests and the UI agree). */
import type { FlagRule, RowKind } from '../../core';
import { FLAG_LABEL } from '../../core/budget/flags';
import type { MappableRole } from './types';

export { FLAG_LABEL };

export const ROLE_LABEL: Record<MappableRole, string> = {
  name: '项目名称',
  initial: '年初预算数',
  adjusted: '调整后预算 / 调整数',
  actual: '实际支出',
  executionRate: '预算执行率',
  adjustmentRate: '预算调整率',
};

export const MAPPABLE_ROLES: MappableRole[] = ['name', 'initial', 'adjusted', 'actual', 'executionRate', 'adjustmentRate'];

export const KIND_LABEL: Record<RowKind, string> = {
  item: '项目',
  category: '类别',
  subtotal: '小计',
  total: '合计',
  'part-of': '其中项',
  blank: '空行',
  note: '说明行',
};

export const AMOUNT_LABEL = { initial: '年初预算数', adjusted: '调整后预算', actual: '实际支出' } as const;

export const MEANS_LABEL = { auto: '自动判断', total: '调整后总数', delta: '调整额（增减数）' } as const;

export const RULES: FlagRule[] = ['low-execution', 'over-execution', 'large-adjustment', 'behind-schedule'];

export const BUSY_LABEL = { load: '正在读取设置…', detect: '正在识别…', apply: '正在写入…', undo: '正在撤销…', save: '正在保存设置…', refresh: '正在重新读取…' } as const;

export const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;

export const money = (x: number) => x.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
