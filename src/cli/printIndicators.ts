/**
 * The readable summary of `indicators`: one line per indicator (status, completion, score of its weight), the
 * weight problems, the total and its grade, and the sheet written. The JSON form (--json) is the report itself.
 */
import { formLines } from './printForm';
import type { BudgetReport } from '../core';
import { type IndicatorEntry, type IndicatorReport, STATUS_WORD } from '../core/indicators';
import { formatPercent } from './printReport';

export interface IndicatorPrintOptions {
  file?: string;
  output?: string;
  budget?: BudgetReport;
  maxListed?: number;
}

const STATUS_EN: Record<IndicatorEntry['status'], string> = {
  achieved: 'achieved',
  short: 'short',
  over: 'over 150%',
  qualitative: 'qualitative',
  unparsed: 'unparsed',
};

/** 9.815 → "9.82"; null → "--". */
export function formatScore(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '--';
  return (Math.round(n * 100) / 100).toFixed(2).replace(/\.00$/, '');
}

/** Display width of a string: CJK and full-width characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function indicatorLine(e: IndicatorEntry): string {
  const status = pad(`${STATUS_WORD[e.status]} ${STATUS_EN[e.status]}`, 22);
  const completion = pad(formatPercent(e.completion), 9);
  const score = pad(`${formatScore(e.score)}/${formatScore(e.weight)}`, 11);
  const where = e.kind === 'execution' ? (e.linkedCell ? `（链接 linked ${e.linkedCell}）` : '（手工填写 typed）') : '';
  return `  ${status}${completion}${score}${e.name}${where}`;
}

function sourceLine(report: IndicatorReport): string {
  const bySheet = new Map<string, { tables: number; indicators: number }>();
  for (const t of report.tables) {
    const s = bySheet.get(t.sheet) ?? { tables: 0, indicators: 0 };
    s.tables++;
    s.indicators += t.indicators;
    bySheet.set(t.sheet, s);
  }
  if (bySheet.size === 0) return '指标来源 Indicator tables：无 none';
  const parts = [...bySheet].map(([sheet, s]) => `${sheet}（${s.tables} 个表 table${s.tables === 1 ? '' : 's'}，${s.indicators} 项 indicators）`);
  return `指标来源 Indicator tables：${parts.join('，')}`;
}

function weightLines(report: IndicatorReport, max: number): string[] {
  const bad = report.weightChecks.filter((c) => !c.ok);
  const problems = report.flags.filter((f) => f.rule === 'weights' || f.rule === 'weight-missing');
  if (bad.length === 0 && problems.length === 0) return [`分值核对 Weights：相符 add up（${report.weightChecks.length} 项 checked）`];
  const lines = [`分值核对 Weights：${problems.length} 处问题 problem(s)`];
  for (const f of problems.slice(0, max)) lines.push(`  ⚑ ${f.message}`);
  return lines;
}

/** Flags the user must act on, besides weights: values not read, bands to choose, the unlinked execution rate. */
function todoLines(report: IndicatorReport, max: number): string[] {
  const todo = report.flags.filter((f) => ['unparsed', 'qualitative-band', 'execution-unlinked', 'no-indicators', 'default-weights'].includes(f.rule));
  if (todo.length === 0) return [];
  const lines = [`待处理 To do（${todo.length}）：`];
  for (const f of todo.slice(0, max)) lines.push(`  • ${f.message}`);
  if (todo.length > max) lines.push(`  … 另有 ${todo.length - max} 项 and ${todo.length - max} more (--json 查看全部 for all)`);
  return lines;
}

export function formatIndicatorReport(report: IndicatorReport, options: IndicatorPrintOptions = {}): string {
  const max = options.maxListed ?? 60;
  const lines: string[] = [];
  if (options.file) lines.push(`工作簿 Workbook：${options.file}`);
  lines.push(sourceLine(report));
  if (report.form) lines.push(...formLines(report.form).map((l) => l.trimStart()));
  const budgetTables = options.budget?.tables.length ?? 0;
  if (budgetTables > 0) lines.push(`预算执行表 Budget tables：${budgetTables}（其执行率公式先写入，预算执行率链接到合计行 / their rate formulas are written first; 预算执行率 links to the 合计 row）`);
  lines.push('', `绩效指标 Indicators（${report.indicators.length}）：`, `  ${pad('状态 status', 22)}${pad('完成率', 9)}${pad('得分/分值', 11)}指标 indicator`);
  for (const e of report.indicators.slice(0, max)) lines.push(indicatorLine(e));
  if (report.indicators.length > max) lines.push(`  … 另有 ${report.indicators.length - max} 项 and ${report.indicators.length - max} more (--json 查看全部 for all)`);
  lines.push('', ...weightLines(report, max), ...todoLines(report, 20));
  const t = report.total;
  const unscored = t.unscored > 0 ? `，${t.unscored} 项待评分 unscored（选择定性评级或补填数值后自动计入 counted once filled in）` : '';
  lines.push(`自评总分 Total score：${formatScore(t.score)} / ${formatScore(t.max)}，等级 grade：${t.grade}${unscored}`);
  lines.push(`输出工作表 Output sheet：${report.sheet}（${report.refreshed ? '已刷新 refreshed in place' : '新建 new'}）`);
  if (options.output) lines.push(`输出 Output：${options.output}`);
  return `${lines.join('\n')}\n`;
}
