/**
 * The readable summary of a BudgetReport: Chinese first, with short English glosses so the demo reads for
 * both audiences. Rates are shown as percentages ("57.99%"); the JSON form (--json) keeps fractions.
 */
import { formLines } from './printForm';
import type { BudgetReport, ColumnMap, Flag, FlagRule, OverwriteEntry, RowKind, TableReport, TotalsCheck } from '../core';

export interface PrintOptions {
  /** The workbook read. */
  file?: string;
  /** The workbook written (apply, demo). */
  output?: string;
  /** Long lists are cut here in the text form; --json always has everything. */
  maxListed?: number;
}

const KIND_LABEL: Record<RowKind, string> = {
  item: '项目 item',
  category: '分类 category',
  subtotal: '小计 subtotal',
  total: '合计 total',
  'part-of': '其中 part-of',
  blank: '空行 blank',
  note: '注释 note',
};

const RULE_LABEL: Record<FlagRule, string> = {
  'low-execution': '执行率偏低 low-execution',
  'over-execution': '超预算支出 over-execution',
  'large-adjustment': '调整幅度大 large-adjustment',
  'behind-schedule': '未达序时进度 behind-schedule',
};

const COLUMN_LABEL: [keyof ColumnMap, string][] = [
  ['serial', '序号 serial'],
  ['name', '名称 name'],
  ['initial', '年初预算 initial'],
  ['adjusted', '调整后预算 adjusted'],
  ['actual', '实际支出 actual'],
  ['executionRate', '预算执行率 execution rate'],
  ['adjustmentRate', '预算调整率 adjustment rate'],
];

const COLUMN_NAME: Record<TotalsCheck['column'], string> = {
  initial: '年初预算 initial',
  adjusted: '调整后预算 adjusted',
  actual: '实际支出 actual',
};

/** 0.5799 → "57.99%". */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '--';
  return `${(fraction * 100).toFixed(2)}%`;
}

/** 30561.77 → "30,561.77". */
export function formatAmount(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** [5,6,7,9] → "5–7, 9": the rows a total covers, without a wall of numbers. */
export function formatRowRuns(rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

function columnsLine(t: TableReport): string {
  const parts: string[] = [];
  for (const [key, label] of COLUMN_LABEL) {
    const letter = t.columns[key];
    if (!letter) continue;
    const added = t.addedColumns.includes(letter) ? '（新增 added）' : '';
    parts.push(`${label} ${letter}${added}`);
  }
  return parts.join('｜');
}

function countsLine(t: TableReport): string {
  const parts = (Object.keys(KIND_LABEL) as RowKind[])
    .filter((k) => (t.counts?.[k] ?? 0) > 0)
    .map((k) => `${KIND_LABEL[k]} ${t.counts[k]}`);
  return parts.length > 0 ? parts.join('，') : '（无 none）';
}

function totalsLines(t: TableReport, max: number): string[] {
  const checks = t.totalsCheck ?? [];
  if (checks.length === 0) return ['  合计核对 Totals check：无小计/合计行 no subtotal or total rows'];
  const bad = checks.filter((c) => !c.ok);
  if (bad.length === 0) return [`  合计核对 Totals check：全部相符 all agree（${checks.length} 项 checked）`];
  const lines = [`  合计核对 Totals check：${bad.length} 处差异 difference(s)（共核对 ${checks.length} 项 / ${checks.length} checked）`];
  for (const c of bad.slice(0, max)) {
    lines.push(
      `    - 第 ${c.row} 行 row「${c.name}」${COLUMN_NAME[c.column]} ${c.cell}：填报 stated ${formatAmount(c.stated)}，` +
        `加总 computed ${formatAmount(c.computed)}，差额 difference ${formatAmount(c.difference)}（加总行 rows ${formatRowRuns(c.rows)}）`,
    );
  }
  if (bad.length > max) lines.push(`    … 另有 ${bad.length - max} 处 and ${bad.length - max} more (--json 查看全部 for all)`);
  return lines;
}

function tableLines(t: TableReport, index: number, max: number): string[] {
  const lines = [`■ 表 ${index} / Table ${index} — 工作表 sheet「${t.sheet}」第 ${t.firstRow}–${t.lastRow} 行 rows`];
  const head: string[] = [];
  if (t.title) head.push(`标题 Title：${t.title}`);
  if (t.unit) head.push(`单位 Unit：${t.unit}`);
  if (head.length > 0) lines.push(`  ${head.join('   ')}`);
  lines.push(`  表头行 Header rows：${t.headerRows.join(', ')}`);
  lines.push(`  列映射 Columns：${columnsLine(t)}`);
  const means = t.adjustedMeans === 'delta' ? '调整金额 delta（调整后 = 年初 + 调整）' : '调整后总数 total';
  lines.push(`  调整数含义 Adjusted column means：${means}${t.adjustedEvidence ? ` — ${t.adjustedEvidence}` : ''}`);
  lines.push(`  行分类 Rows by kind：${countsLine(t)}`);
  lines.push(...totalsLines(t, max));
  lines.push(`  写入公式 Formulas written：${t.formulasWritten}`);
  return lines;
}

function flagValueLabel(f: Flag): string {
  const pct = formatPercent(f.value);
  switch (f.rule) {
    case 'large-adjustment':
      return `调整率 ${pct}`;
    case 'behind-schedule':
      return `进度比 progress ${pct}${f.level === 'yellow' ? '（黄 yellow）' : '（红 red）'}`;
    default:
      return `执行率 ${pct}`;
  }
}

function flagLines(flags: Flag[], max: number): string[] {
  if (flags.length === 0) return ['标记 Flags：无 none'];
  const lines = [`标记 Flags（${flags.length}）：`];
  for (const f of flags.slice(0, max)) {
    lines.push(`  ⚑ ${RULE_LABEL[f.rule] ?? f.rule}  ${f.sheet}!${f.cell}  ${f.name}  ${flagValueLabel(f)} — ${f.message}`);
  }
  if (flags.length > max) lines.push(`  … 另有 ${flags.length - max} 项 and ${flags.length - max} more (--json 查看全部 for all)`);
  return lines;
}

function entryLines(title: string, entries: OverwriteEntry[], max: number, hint?: string): string[] {
  if (entries.length === 0) return [];
  const shown = entries.slice(0, max).map((e) => `${e.sheet}!${e.cell}（原值 was ${JSON.stringify(e.previous)}）`);
  const more = entries.length > max ? ` … +${entries.length - max}` : '';
  return [`${title}（${entries.length}）：${shown.join('，')}${more}`, ...(hint ? [`  ${hint}`] : [])];
}

/** The whole summary, ending with a newline. */
export function formatReport(report: BudgetReport, options: PrintOptions = {}): string {
  const max = options.maxListed ?? 50;
  const lines: string[] = [];
  if (options.file) lines.push(`工作簿 Workbook：${options.file}`);
  if (report.sheets?.length) {
    lines.push(`工作表 Sheets：${report.sheets.map((s) => `${s.name}（${s.tables} 个表 table${s.tables === 1 ? '' : 's'}）`).join('，')}`);
  }
  report.tables.forEach((t, i) => {
    lines.push('');
    lines.push(...tableLines(t, i + 1, max));
  });
  for (const f of report.forms ?? []) {
    lines.push('');
    lines.push(...formLines(f));
  }
  lines.push('');
  lines.push(...flagLines(report.flags, max));
  lines.push(...entryLines('已覆盖 Overwritten', report.overwritten ?? [], 20));
  lines.push(
    ...entryLines('未覆盖 Skipped', report.skipped ?? [], 20, '这些单元格已有手工输入，加 --overwrite 可替换 / these cells hold typed values; use --overwrite to replace them'),
  );
  if (options.output) lines.push(`输出 Output：${options.output}`);
  return `${lines.join('\n')}\n`;
}
