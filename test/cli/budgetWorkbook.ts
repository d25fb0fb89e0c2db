/**
 * Workbooks for the command-line tests, built from the seed 000 project tables (test/fixtures), laid out the
 * way finance staff do: title and 单位 rows, four tables on one sheet in different shapes (rate columns
 * present but empty, missing; a two-row merged header), a text amount, note and sign-off rows, and a second
 * sheet without any table.
 */
import ExcelJS from 'exceljs';
import { SEED000_PROJECT_TABLES, type SeedBudgetTable } from '../fixtures/seedBudget';

export const PROJECT_SHEET = '项目支出';

export interface LaidOutRow {
  table: string;
  name: string;
  kind: string;
  row: number;
  initial: number | null;
  adjusted: number | null;
  actual: number | null;
  printedExecution: number | null;
  printedAdjustment: number | null;
}

interface Shape {
  twoRowHeader: boolean;
  rateColumns: boolean;
}

const SHAPES: Shape[] = [
  { twoRowHeader: false, rateColumns: true },
  { twoRowHeader: true, rateColumns: false },
  { twoRowHeader: false, rateColumns: true },
  { twoRowHeader: false, rateColumns: false },
];

function addTable(ws: ExcelJS.Worksheet, start: number, t: SeedBudgetTable, shape: Shape, rows: LaidOutRow[]): number {
  let r = start;
  ws.getCell(r, 1).value = t.section ?? t.title;
  ws.getCell(r + 1, 1).value = '单位：万元';
  r += 2;
  if (shape.twoRowHeader) {
    ws.getCell(r, 1).value = '序号';
    ws.mergeCells(r, 1, r + 1, 1);
    ws.getCell(r, 2).value = '项目名称';
    ws.mergeCells(r, 2, r + 1, 2);
    ws.getCell(r, 3).value = '预算情况（万元）';
    ws.mergeCells(r, 3, r, 4);
    ws.getCell(r + 1, 3).value = '年初预算数';
    ws.getCell(r + 1, 4).value = '预算调整数';
    ws.getCell(r, 5).value = '实际\n支出';
    ws.mergeCells(r, 5, r + 1, 5);
    r += 2;
  } else {
    const headers = ['序号', '项目名称', '年初预算数', '预算调整数', '实际支出', ...(shape.rateColumns ? ['预算执行率', '预算调整率'] : [])];
    headers.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
    r += 1;
  }
  for (const row of t.rows) {
    ws.getCell(r, 1).value = row.serial ?? null;
    ws.getCell(r, 2).value = row.name;
    const amounts = [row.initial, row.adjusted, row.actual];
    amounts.forEach((v, i) => {
      // One amount typed as text with a thousands separator, as pasted from a report.
      ws.getCell(r, 3 + i).value = v === 1550 && i === 0 ? '1,550.00' : v;
    });
    rows.push({
      table: t.id,
      name: row.name,
      kind: row.kind,
      row: r,
      initial: row.initial,
      adjusted: row.adjusted,
      actual: row.actual,
      printedExecution: row.executionRate,
      printedAdjustment: row.adjustmentRate,
    });
    r += 1;
  }
  return r;
}

/** The seed 000 project tables on one sheet; returns the workbook and where each seed row landed. */
export function buildProjectWorkbook(): { workbook: ExcelJS.Workbook; rows: LaidOutRow[] } {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(PROJECT_SHEET);
  const rows: LaidOutRow[] = [];
  let r = 1;
  SEED000_PROJECT_TABLES.forEach((t, i) => {
    r = addTable(ws, r, t, SHAPES[i], rows);
    if (i === 0) {
      ws.getCell(r, 1).value = '注：数据来源于2021年决算报表。';
      r += 1;
    }
    r += 2; // blank separator rows
  });
  ws.getCell(r, 1).value = '填报人：张三';
  ws.getCell(r, 4).value = '审核人：李四';
  const other = workbook.addWorksheet('说明');
  other.getCell('A1').value = '本工作簿用于测试。';
  return { workbook, rows };
}

/** A workbook with text but no budget table. */
export function buildNoTableWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Sheet1');
  ws.getCell('A1').value = '会议纪要';
  ws.getCell('A2').value = '本次会议讨论了年度工作安排。';
  return workbook;
}
