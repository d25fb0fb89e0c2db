/**
 * The budget block of a form: its first row with amounts is the total (年度资金总额, 总额, or the department's one
 * row) and every row with amounts after it is a part of it (其中：当年财政拨款, 上年结转资金, 其他资金 — all parts,
 * though only the first says 其中). Only the total row carries 分值 / 权重 and 得分.
 */
import type { SheetGrid } from '../grid';
import { cellAddress } from '../snapshot';
import { normalizeLabel } from '../cells/text';
import { classifyRow, type ClassifiedRow } from '../budget/classifyRow';
import type { TableLayout } from '../budget/findTables';
import type { ReadTable } from '../budget/readTable';
import type { TotalsCheck } from '../budget/report';
import type { FormBudgetCells } from './types';

/** The rows of the block classified as a form reads them: total first, then its parts. */
export function formBudgetLayout(grid: SheetGrid, layout: TableLayout): TableLayout {
  const classified: ClassifiedRow[] = [];
  let seenTotal = false;
  for (let r = layout.firstDataRow; r <= layout.lastRow; r++) {
    const c = layout.classified?.[r - layout.firstDataRow] ?? classifyRow(grid, r, layout.shape);
    if (!c.hasAmounts || c.kind === 'blank' || c.kind === 'note') classified.push(c);
    else {
      classified.push({ ...c, kind: seenTotal ? 'part-of' : 'total' });
      seenTotal = true;
    }
  }
  return { ...layout, classified };
}

/** "分值", "权重", "执行率权重", "执行率得分（分）"… with the bracketed note dropped. */
function bare(label: string): string {
  return normalizeLabel(label).replace(/[(（][^()（）]*[)）]$/, '');
}

const WEIGHT = /^(分值|权重|执行率权重|执行率分值|权重分值|分值权重|预算执行率分值|预算执行率权重|满分|标准分|标准分值)$/;
const SCORE = /^(得分|执行率得分|自评得分|预算执行率得分|得分情况|评分|实际得分)$/;

/** The block's 分值 and 得分 columns (from its header rows) and its total row. */
export function formBudgetCells(grid: SheetGrid, t: ReadTable): FormBudgetCells {
  const { layout } = t;
  let weightCol: number | null = null;
  let scoreCol: number | null = null;
  for (let c = layout.firstCol; c <= layout.lastCol; c++) {
    const labels = layout.headerRows.map((r) => bare(grid.text(r, c)));
    if (weightCol === null && labels.some((l) => WEIGHT.test(l))) weightCol = c;
    else if (scoreCol === null && labels.some((l) => SCORE.test(l))) scoreCol = c;
  }
  const total = t.rows.find((r) => r.kind === 'total');
  return { totalRow: total?.row ?? null, weightCol, scoreCol, rateCol: t.execCol };
}

const TOLERANCE = 0.01;
const ROLES = ['initial', 'adjusted', 'actual'] as const;

/** Total = the sum of its parts, per amount column; a difference above 0.01 is a real one. */
export function partsCheck(t: ReadTable): TotalsCheck[] {
  const out: TotalsCheck[] = [];
  const total = t.rows.find((r) => r.kind === 'total');
  const parts = t.rows.filter((r) => r.kind === 'part-of' && total && r.row > total.row);
  if (!total || parts.length === 0) return out;
  for (const role of ROLES) {
    const col = t.layout.columns[role];
    const stated = total.report[role];
    const values = parts.map((p) => p.report[role]).filter((v): v is number => v !== null);
    if (col === undefined || stated === null || values.length === 0) continue;
    const computed = values.reduce((s, v) => s + v, 0);
    out.push({
      row: total.row,
      name: total.name,
      kind: 'total',
      column: role,
      cell: cellAddress(total.row, col),
      stated,
      computed: Math.round(computed * 100) / 100,
      difference: Math.round((stated - computed) * 100) / 100,
      rows: parts.map((p) => p.row),
      ok: Math.abs(stated - computed) <= TOLERANCE + 1e-9,
    });
  }
  return out;
}
