/**
 * The printed summary of a standard form filled in place (issue 8): which form, which scoring scheme and where it
 * comes from, what was filled (得分, 总分), what the user must score by hand, and what was not added.
 */
import type { FormReport } from '../core';

const score = (x: number | null) => (x === null ? '--' : x.toFixed(2));

export function formLines(f: FormReport): string[] {
  const lines = [`  自评表 Form：${f.label}（工作表 sheet「${f.sheet}」）${f.title ? ` — ${f.title}` : ''}`];
  lines.push(`  评分方案 Scheme：${f.scheme.label}${f.scheme.official || f.scheme.label.includes('非官方') ? '' : '（非官方 not official）'} — 来源 source：${f.scheme.source}`);
  if (f.budget) {
    const where = f.budget.scoreCell ? `${f.budget.scoreCell} 写入得分公式 score formula` : '表中没有得分栏 no score cell';
    lines.push(`  预算执行 Budget line：第 ${f.budget.totalRow ?? '--'} 行，分值 weight ${f.budget.weight}，得分 score ${score(f.budget.score)}（${where}）`);
  }
  if (f.indicators) {
    const i = f.indicators;
    lines.push(`  绩效指标 Indicators：第 ${i.firstRow}–${i.lastRow} 行，得分公式 score formulas ${i.formulas} 个${i.totalCell ? `，总分 total ${i.totalCell}` : ''}`);
    for (const u of i.unscored) lines.push(`    · 第 ${u.row} 行 ${u.name}：${u.reason}`);
  }
  for (const n of f.notAdded) lines.push(`  未加宽 Not widened：${n}`);
  if (f.kept.length > 0) lines.push(`  保留手工填写 Kept as typed：${f.kept.join('、')}`);
  return lines;
}
