/**
 * The sample workbooks in assets/samples/ (built by scripts/build-samples.ts) exist, have the
 * expected sheets and merged header areas, and hold the fixtures' numbers and texts.
 * Rebuild them with: npx tsx scripts/build-samples.ts
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED000_PROJECT_TABLES, SEED000_TABLE_1_2, SEED004_EXPENDITURE_DETAIL } from './fixtures/seedBudget';
import { SEED000_INDICATORS, SEED002_INDICATORS } from './fixtures/seedIndicators';
import { departmentForm, nationalProjectForm } from './fixtures/forms';

const SAMPLES_DIR = join(__dirname, '..', 'assets', 'samples');
const FILES = {
  liwan: 'liwan-2021.xlsx',
  foshan: 'foshan-2020.xlsx',
  guangzhou: 'guangzhou-2022-indicators.xlsx',
  nationalForm: 'national-project-form-2023.xlsx',
  departmentForm: 'department-form-2024.xlsx',
} as const;

const books: Partial<Record<keyof typeof FILES, ExcelJS.Workbook>> = {};

beforeAll(async () => {
  for (const [key, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const path = join(SAMPLES_DIR, file);
    if (!existsSync(path)) continue;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    books[key] = workbook;
  }
});

function sheetOf(key: keyof typeof FILES, name: string): ExcelJS.Worksheet {
  const sheet = books[key]?.getWorksheet(name);
  if (!sheet) throw new Error(`${FILES[key]} has no sheet ${name}`);
  return sheet;
}

const mergesOf = (sheet: ExcelJS.Worksheet): string[] => sheet.model.merges;
const valueAt = (sheet: ExcelJS.Worksheet, address: string) => sheet.getCell(address).value;

/** Amount as stored: a number, or text with thousands separators pasted from a PDF. */
function amountOf(value: ExcelJS.CellValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '--') return Number(value.replace(/,/g, ''));
  return null;
}

/** Row numbers whose cell in `column` holds exactly `text`. */
function rowsWith(sheet: ExcelJS.Worksheet, column: string, text: string): number[] {
  const rows: number[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (row.getCell(column).value === text) rows.push(rowNumber);
  });
  return rows;
}

/**
 * Rows of the tables whose header row has `headerText` in column A: from below each header to
 * the next empty row, as the values of `columns` (a merged cell reads as its master's value).
 */
function tableRows(sheet: ExcelJS.Worksheet, headerText: string, columns: readonly string[]): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  for (const header of rowsWith(sheet, 'A', headerText)) {
    for (let r = header + 1; sheet.getCell(`B${r}`).value !== null; r++) {
      rows.push(columns.map((c) => sheet.getCell(`${c}${r}`).master.value));
    }
  }
  return rows;
}

describe('sample workbooks', () => {
  it.each(Object.values(FILES))('%s exists', (file) => {
    expect(existsSync(join(SAMPLES_DIR, file))).toBe(true);
  });

  it('have the expected sheets', () => {
    expect(books.liwan?.worksheets.map((s) => s.name)).toEqual(['表1-2', '项目支出', '绩效指标']);
    expect(books.foshan?.worksheets.map((s) => s.name)).toEqual(['部门预算支出明细表']);
    expect(books.guangzhou?.worksheets.map((s) => s.name)).toEqual(['绩效指标完成情况']);
  });
});

describe('liwan-2021.xlsx 表1-2', () => {
  it('has the title, unit row and two-row merged header', () => {
    const sheet = sheetOf('liwan', '表1-2');
    expect(valueAt(sheet, 'A1')).toBe('2021年部门整体支出资金执行情况');
    expect(valueAt(sheet, 'F2')).toBe('单位：万元');
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A1:G1', 'A3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4']));
    expect(['A3', 'C3', 'D3', 'E3', 'F3', 'G3'].map((a) => valueAt(sheet, a))).toEqual(['财政拨款支出', '年初预算数', '预算调整数', '实际支出', '预算\n执行率', '预算\n调整率']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('merges the category cells down and holds the printed numbers', () => {
    const sheet = sheetOf('liwan', '表1-2');
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A5:A7', 'A8:A10', 'A11:B11']));
    expect([valueAt(sheet, 'A5'), valueAt(sheet, 'A8'), valueAt(sheet, 'A11')]).toEqual(['基本支出', '项目支出', '合计']);
    SEED000_TABLE_1_2.rows.forEach((row, i) => {
      const r = 5 + i;
      if (row.category) expect(valueAt(sheet, `B${r}`)).toBe(row.name);
      expect(['C', 'D', 'E'].map((c) => amountOf(valueAt(sheet, `${c}${r}`)))).toEqual([row.initial, row.adjusted, row.actual]);
      const rates = ['F', 'G'].map((c) => valueAt(sheet, `${c}${r}`));
      expect(rates).toEqual([row.executionRate ?? '--', row.adjustmentRate ?? '--']);
    });
    expect(valueAt(sheet, 'C5')).toBe('6,266.31');
    expect(sheet.getCell('F5').numFmt).toBe('0.00%');
    expect(sheet.getCell('C9').numFmt).toBe('#,##0.00');
  });

  it('has a note and a sign-off row under the table', () => {
    const sheet = sheetOf('liwan', '表1-2');
    expect(String(valueAt(sheet, 'A12'))).toMatch(/^注：/);
    expect(String(valueAt(sheet, 'A13'))).toMatch(/^填报人：.*审核人：/);
  });
});

describe('liwan-2021.xlsx 项目支出', () => {
  it('holds the four project tables with empty rate columns', () => {
    const sheet = sheetOf('liwan', '项目支出');
    const headerRows = rowsWith(sheet, 'A', '序号');
    expect(headerRows).toHaveLength(SEED000_PROJECT_TABLES.length);
    SEED000_PROJECT_TABLES.forEach((table, t) => {
      const header = headerRows[t];
      expect(String(valueAt(sheet, `A${header - 1}`))).toMatch(/主要实施项目及预算完成情况$/);
      expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => valueAt(sheet, `${c}${header}`))).toEqual([...table.headers]);
      table.rows.forEach((row, i) => {
        const r = header + 1 + i;
        expect(valueAt(sheet, row.serial ? `B${r}` : `A${r}`)).toBe(row.name);
        if (row.serial) expect(valueAt(sheet, `A${r}`)).toBe(Number(row.serial));
        else expect(mergesOf(sheet)).toContain(`A${r}:B${r}`);
        expect(['C', 'D', 'E'].map((c) => valueAt(sheet, `${c}${r}`))).toEqual([row.initial, row.adjusted, row.actual]);
        expect([valueAt(sheet, `F${r}`), valueAt(sheet, `G${r}`)]).toEqual([null, null]);
      });
    });
  });
});

describe('liwan-2021.xlsx 绩效指标', () => {
  it('merges 指标类型 down its rows and holds every key indicator', () => {
    const sheet = sheetOf('liwan', '绩效指标');
    expect(rowsWith(sheet, 'A', '指标类型')).toHaveLength(5);
    // one 产出指标 and one 效益指标 run per table, each merged over its rows
    expect(mergesOf(sheet).filter((m) => /^A\d+:A\d+$/.test(m))).toHaveLength(10);
    expect(tableRows(sheet, '指标类型', ['A', 'B', 'C', 'D', 'E', 'F'])).toEqual(
      SEED000_INDICATORS.map((r) => [r.level1, r.name, r.explanation, r.formula, r.targetText, r.actualText]),
    );
  });
});

describe('foshan-2020.xlsx', () => {
  it('lays out 部门预算支出明细表 as printed, without rate columns', () => {
    const sheet = sheetOf('foshan', '部门预算支出明细表');
    expect(valueAt(sheet, 'A1')).toBe('部门预算支出明细表');
    expect(valueAt(sheet, 'D2')).toBe('单位：万元');
    expect(mergesOf(sheet)).toContain('A1:D1');
    expect(['A', 'B', 'C', 'D', 'E'].map((c) => valueAt(sheet, `${c}3`))).toEqual([...SEED004_EXPENDITURE_DETAIL.headers, null]);
    SEED004_EXPENDITURE_DETAIL.rows.forEach((row, i) => {
      const r = 4 + i;
      expect(valueAt(sheet, `A${r}`)).toBe(row.name);
      expect(['B', 'C', 'D'].map((c) => valueAt(sheet, `${c}${r}`))).toEqual([row.initial, row.adjusted, row.actual]);
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });
});

describe('guangzhou-2022-indicators.xlsx', () => {
  it('merges each task down the first column and holds the texts as printed', () => {
    const sheet = sheetOf('guangzhou', '绩效指标完成情况');
    const headerRows = rowsWith(sheet, 'A', '任务');
    expect(headerRows).toHaveLength(5);
    headerRows.forEach((header) => {
      expect(['A', 'B', 'C', 'D'].map((c) => valueAt(sheet, `${c}${header}`))).toEqual(['任务', '指标', '年度绩效指标值', '实际完成情况']);
      expect(mergesOf(sheet).some((m) => m.startsWith(`A${header + 1}:A`))).toBe(true);
    });
    expect(tableRows(sheet, '任务', ['A', 'B', 'C', 'D'])).toEqual(
      SEED002_INDICATORS.map((r) => [r.task, r.name, r.targetText, r.actualText]),
    );
  });
});

describe.each([
  ['nationalForm', nationalProjectForm()],
  ['departmentForm', departmentForm()],
] as const)('the standard form sample %s', (key, form) => {
  it('holds the form of test/fixtures/forms.ts, cell for cell, with its merges and its blanks', () => {
    const sheet = sheetOf(key, form.name);
    form.rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        const address = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (!mergesOf(sheet).some((m) => m !== address && m.split(':')[0] !== address && inside(m, address))) expect(valueAt(sheet, address), address).toBe(v ?? null);
      }),
    );
    expect([...mergesOf(sheet)].sort()).toEqual([...form.merges].sort());
  });
});

/** True when a cell lies in a merged area (covered cells read as empty in exceljs's model). */
function inside(area: string, address: string): boolean {
  const [a, b] = area.split(':');
  const col = (x: string) => x.charCodeAt(0) - 64;
  const row = (x: string) => Number(x.slice(1));
  return col(address) >= col(a) && col(address) <= col(b) && row(address) >= row(a) && row(address) <= row(b);
}
