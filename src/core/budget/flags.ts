/**
 * The flag rules (DOMAIN.md §2): each has a name, the number it looked at, and a one-line Chinese explanation.
 * The same rules become conditional-format formulas, so the sheet stays right when someone edits an amount.
 */
import type { Settings } from '../settings';
import type { Fill } from '../plan';
import type { FlagRule } from './report';

export interface RowNumbers {
  initial: number | null;
  adjustedBudget: number | null;
  actual: number | null;
  executionRate: number | null;
  adjustmentRate: number | null;
}

export interface RowFlag {
  rule: FlagRule;
  value: number;
  message: string;
  level: 'red' | 'yellow';
  /** Which rate cell shows it. */
  on: 'executionRate' | 'adjustmentRate';
}

export const FLAG_STYLE: Record<FlagRule | 'behind-schedule-yellow', Fill> = {
  'low-execution': { fill: '#FFC7CE', font: '#9C0006' },
  'over-execution': { fill: '#F8CBAD', font: '#833C0B' },
  'large-adjustment': { fill: '#FFEB9C', font: '#9C5700' },
  'behind-schedule': { fill: '#FFC7CE', font: '#9C0006' },
  'behind-schedule-yellow': { fill: '#FFEB9C', font: '#9C5700' },
};

/** Chinese names of the rules, for the pane and the printed summary. */
export const FLAG_LABEL: Record<FlagRule, string> = {
  'low-execution': '执行率偏低',
  'over-execution': '超预算支出',
  'large-adjustment': '预算调整幅度大',
  'behind-schedule': '未达序时进度',
};

/** Progress ratio below these (as fractions of 序时进度) is red / yellow. */
export const PROGRESS_RED = 0.6;
export const PROGRESS_YELLOW = 0.8;

export const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Year-end threshold applies when no month is set or the month is December; 序时进度 applies when a month is set. */
export function yearEnd(s: Settings): boolean {
  return s.asOfMonth === undefined || s.asOfMonth === 12;
}

/** The flags of a row without any (most rows): one shared, frozen list, not a new empty array per row. */
export const NO_FLAGS: RowFlag[] = Object.freeze([]) as unknown as RowFlag[];

export function flagsFor(n: RowNumbers, s: Settings): RowFlag[] {
  // Made only for a row that has a flag.
  let out: RowFlag[] | undefined;
  const rate = n.executionRate;
  if (rate !== null && yearEnd(s) && rate < s.executionThreshold) {
    (out ??= []).push({
      rule: 'low-execution',
      value: rate,
      level: 'red',
      on: 'executionRate',
      message: `预算执行率 ${pct(rate)}，低于 ${pct(s.executionThreshold, 0)} 的阈值，需说明原因。`,
    });
  }
  if (rate !== null && rate > 1 && n.actual !== null && n.adjustedBudget !== null) {
    (out ??= []).push({
      rule: 'over-execution',
      value: rate,
      level: 'red',
      on: 'executionRate',
      message: `实际支出 ${money(n.actual)} 超过调整后预算 ${money(n.adjustedBudget)}（执行率 ${pct(rate)}），超预算支出需说明。`,
    });
  }
  if (rate !== null && s.asOfMonth !== undefined) {
    const schedule = s.asOfMonth / 12;
    const progress = rate / schedule;
    if (progress < PROGRESS_YELLOW) {
      const red = progress < PROGRESS_RED;
      (out ??= []).push({
        rule: 'behind-schedule',
        value: progress,
        level: red ? 'red' : 'yellow',
        on: 'executionRate',
        message: `截至 ${s.asOfMonth} 月序时进度 ${pct(schedule)}，执行率 ${pct(rate)}，进度比 ${(progress * 100).toFixed(1)}（低于 ${red ? 60 : 80}，${red ? '红灯' : '黄灯'}）。`,
      });
    }
  }
  const adj = n.adjustmentRate;
  if (adj !== null && Math.abs(adj) > s.adjustmentThreshold) {
    (out ??= []).push({
      rule: 'large-adjustment',
      value: adj,
      level: 'red',
      on: 'adjustmentRate',
      message: `预算调整率 ${pct(adj)}，调整幅度超过 ±${pct(s.adjustmentThreshold, 0)}，需说明调整原因。`,
    });
  }
  return out ?? NO_FLAGS;
}

/** Conditional-format formulas for a rate cell at `ref` (the top-left of the rule's first area). */
export function ruleFormulas(ref: string, s: Settings): { exec: { rule: FlagRule; formula: string; style: Fill }[]; adj: (col: string) => string } {
  const exec: { rule: FlagRule; formula: string; style: Fill }[] = [];
  const isNum = `ISNUMBER(${ref})`;
  if (s.asOfMonth !== undefined) {
    const schedule = `(${s.asOfMonth}/12)`;
    exec.push({ rule: 'behind-schedule', formula: `=AND(${isNum},${ref}/${schedule}<${PROGRESS_RED})`, style: FLAG_STYLE['behind-schedule'] });
    exec.push({
      rule: 'behind-schedule',
      formula: `=AND(${isNum},${ref}/${schedule}<${PROGRESS_YELLOW})`,
      style: FLAG_STYLE['behind-schedule-yellow'],
    });
  }
  if (yearEnd(s)) exec.push({ rule: 'low-execution', formula: `=AND(${isNum},${ref}<${s.executionThreshold})`, style: FLAG_STYLE['low-execution'] });
  exec.push({ rule: 'over-execution', formula: `=AND(${isNum},${ref}>1)`, style: FLAG_STYLE['over-execution'] });
  const adj = (adjRef: string) => `=AND(ISNUMBER(${adjRef}),ABS(${adjRef})>${s.adjustmentThreshold})`;
  return { exec, adj };
}

/** True when a conditional-format formula is one of ours (so a re-run replaces it instead of adding another). */
export function isOwnRuleFormula(formula: string): boolean {
  return /^=AND\(ISNUMBER\(\$?[A-Z]+\$?\d+\),/.test(formula.replace(/\s+/g, ''));
}

export const NOTE_PREFIX = '【预算执行助手】';
