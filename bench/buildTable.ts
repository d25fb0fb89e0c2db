/**
 * A realistic large budget table for the benchmark: title, 单位 row, header (with empty rate columns, as the
 * national form has them), project rows with a 小计 every 50 projects, and a 合计. About 3% of projects are
 * below 90% execution, so the output carries flag rules and notes as a real run would.
 */
import ExcelJS from 'exceljs';

export const BENCH_SHEET = '项目支出明细';
const HEADERS = ['序号', '项目名称', '功能科目', '年初预算数', '预算调整数', '实际支出', '预算执行率', '预算调整率'];
const GROUP = 50;
const SUBJECTS = ['2080101 行政运行', '2080109 社会保险经办机构', '2080701 就业创业服务补贴', '2089999 其他社会保障和就业支出'];

/** A deterministic pseudo-random sequence, so every run measures the same workbook. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const cents = (x: number) => Math.round(x * 100) / 100;

export function buildBenchWorkbook(projects: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(BENCH_SHEET);
  const rand = lcg(projects);
  ws.addRow(['2024年项目支出预算执行情况表']);
  ws.addRow(['单位：万元']);
  ws.addRow(HEADERS);
  const totals = [0, 0, 0];
  let group = [0, 0, 0];
  for (let i = 1; i <= projects; i++) {
    const initial = cents(10 + rand() * 990);
    const adjusted = cents(initial * (0.8 + rand() * 0.4));
    const rate = rand() < 0.03 ? 0.4 + rand() * 0.45 : 0.9 + rand() * 0.1;
    const actual = cents(adjusted * rate);
    ws.addRow([i, `项目${i}：${SUBJECTS[i % SUBJECTS.length].slice(8)}专项经费`, SUBJECTS[i % SUBJECTS.length], initial, adjusted, actual]);
    group = [group[0] + initial, group[1] + adjusted, group[2] + actual];
    if (i % GROUP === 0 || i === projects) {
      const sums = group.map(cents);
      ws.addRow([null, '小计', null, ...sums]);
      sums.forEach((s, k) => (totals[k] += s));
      group = [0, 0, 0];
    }
  }
  ws.addRow([null, '合计', null, ...totals.map(cents)]);
  ws.addRow(['注：本表由基准测试生成。']);
  return wb;
}
