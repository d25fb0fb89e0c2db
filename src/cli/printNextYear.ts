/** The readable summary of `next-year`: each sheet made (from → to), what it kept and emptied, notes, skips. */
import type { NextYearReport, NextYearSheetReport } from '../core/nextYear';

export interface NextYearPrintOptions {
  file?: string;
  output?: string;
  /** What the copies could not carry (Excel table objects, pivot tables, …). */
  leftOut?: string[];
}

function sheetLine(s: NextYearSheetReport): string {
  if (s.existing) return `  • ${s.from} → ${s.to}：已存在，未重复添加 already there, not added again`;
  // The year is shown only when the new name does not already say it.
  const year = s.year === null ? '（年度未知 year unknown）' : s.to.includes(String(s.year)) ? '' : `（${s.year} 年）`;
  const extra = [
    s.sums > 0 ? `合计公式 SUM formulas ${s.sums}` : '',
    s.rates > 0 ? `比率公式 rate formulas ${s.rates}` : '',
    s.carriedActuals.length > 0 ? `上年实际支出列 prior-year column ${[...new Set(s.carriedActuals)].join('/')}` : '',
    s.notes.length > 0 ? `提示批注 notes ${s.notes.length}` : '',
  ].filter(Boolean);
  return (
    `  • ${s.from} → ${s.to}${year}：${s.tables} 个表 table(s)，保留 ${s.rowsKept} 行 rows kept，清空 ${s.cellsCleared} 个单元格 cells cleared` +
    (extra.length > 0 ? `；${extra.join('，')}` : '')
  );
}

export function formatNextYearReport(report: NextYearReport, options: NextYearPrintOptions = {}): string {
  const lines: string[] = [];
  if (options.file) lines.push(`工作簿 Workbook：${options.file}`);
  const made = report.sheets.filter((s) => !s.existing).length;
  lines.push(`下一年度工作表 Next year's sheets：新增 ${made} 张 added${made < report.sheets.length ? `，${report.sheets.length - made} 张已存在 already there` : ''}`);
  for (const s of report.sheets) lines.push(sheetLine(s));
  const notes = report.sheets.flatMap((s) => s.notes.map((n) => `${s.to}!${n.cell} ${n.name}：${n.text}`));
  if (notes.length > 0) {
    lines.push(`提示 Notes（${notes.length}）：`);
    for (const n of notes.slice(0, 10)) lines.push(`  ⚑ ${n}`);
    if (notes.length > 10) lines.push(`  … 另有 ${notes.length - 10} 条 and ${notes.length - 10} more (--json 查看全部 for all)`);
  }
  for (const s of report.skipped) lines.push(`跳过 Skipped：${s.sheet} — ${s.message}`);
  if (options.leftOut?.length) lines.push(`新工作表未复制 Not copied to the new sheets：${options.leftOut.join('；')}`);
  lines.push('原工作表未作任何改动 / the input sheets are unchanged.');
  if (options.output) lines.push(`输出 Output：${options.output}`);
  return `${lines.join('\n')}\n`;
}
