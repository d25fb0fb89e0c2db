/**
 * The standard forms (test/fixtures/forms.ts) as a finance office keeps them: thin borders over the form, 宋体,
 * wrapped text, a bold centred title, amounts as '#,##0.00'. The sheet holds the form only: the blanks (执行率, 得分,
 * 总分) are left for the engine to fill in place.
 */
import type ExcelJS from 'exceljs';
import { parseRect } from '../../src/core';
import type { FormSheet } from '../../test/fixtures/forms';
import { AMOUNT_FORMAT } from './style';

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Adds the form as a new sheet; `widths` in characters, left to right. */
export function addFormSheet(workbook: ExcelJS.Workbook, form: FormSheet, widths: readonly number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(form.name);
  const width = form.rows.reduce((w, r) => Math.max(w, r.length), 0);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  form.rows.forEach((cells, i) => {
    const row = i + 1;
    const isTitle = i === 0;
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(row, c);
      const v = cells[c - 1];
      if (v !== null && v !== undefined) cell.value = v;
      cell.font = { name: '宋体', size: isTitle ? 14 : 10, bold: isTitle };
      cell.alignment = { vertical: 'middle', horizontal: isTitle ? 'center' : typeof v === 'number' ? 'right' : 'center', wrapText: true };
      if (!isTitle) cell.border = BORDER;
      if (typeof v === 'number' && !Number.isInteger(v)) cell.numFmt = AMOUNT_FORMAT;
    }
  });
  for (const [address, format] of Object.entries(form.formats ?? {})) sheet.getCell(address).numFmt = format;
  for (const m of form.merges) {
    const r = parseRect(m);
    sheet.mergeCells(r.top, r.left, r.bottom, r.right);
  }
  sheet.getRow(1).height = 28;
  return sheet;
}
