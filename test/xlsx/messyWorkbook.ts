/**
 * A small workbook with the things a reader must cope with: a merged title, a two-row merged header, text
 * amounts, a shared formula with cached results, an error result, rich text, a date, a boolean, notes and
 * conditional formats. Built with exceljs, written to a buffer and read back, as a user's file would be.
 */
import ExcelJS from 'exceljs';

export const SHEET = '表1-2';

export function buildMessyWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = '2021年部门整体支出资金执行情况';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '单位：万元';
  // Two-row header: 项目 and the amounts span rows 3–4; 预算执行率 is split over its own two rows.
  ws.getCell('A3').value = '项目';
  ws.mergeCells('A3:A4');
  ws.getCell('B3').value = '年初预算数';
  ws.mergeCells('B3:B4');
  ws.getCell('C3').value = '预算调整数';
  ws.mergeCells('C3:C4');
  ws.getCell('D3').value = { richText: [{ text: '实际' }, { text: '支出', font: { bold: true } }] };
  ws.mergeCells('D3:D4');
  ws.getCell('E3').value = '预算\n执行率';
  ws.mergeCells('E3:E4');
  ws.getCell('F3').value = '备注';
  ws.mergeCells('F3:F4');
  // Items: numbers, a text amount with a thousands separator, a blank.
  const items: [string, number | string, number, number][] = [
    ['人员经费', 6266.31, 6039.87, 5968.79],
    ['日常公用经费', '1,550.00', 1550, 1500],
    ['劳动保障监察工作经费', 120, 100, 45.895],
  ];
  items.forEach(([name, a, b, c], i) => {
    const r = 5 + i;
    ws.getCell(`A${r}`).value = name;
    ws.getCell(`B${r}`).value = a;
    ws.getCell(`C${r}`).value = b;
    ws.getCell(`D${r}`).value = c;
  });
  // A shared formula over E5:E7 with cached results, as Excel saves a filled-down column.
  ws.fillFormula('E5:E7', 'D5/C5', [0.98823, 0.96774, 0.45895]);
  for (let r = 5; r <= 7; r++) ws.getCell(`E${r}`).numFmt = '0.00%';
  ws.getCell('A8').value = '零预算项目';
  ws.getCell('C8').value = 0;
  ws.getCell('D8').value = 0;
  ws.getCell('E8').value = { formula: 'D8/C8', result: { error: '#DIV/0!' } };
  ws.getCell('A9').value = '合计';
  ws.getCell('D9').value = { formula: 'SUM(D5:D8)' }; // no cached result
  ws.getCell('F5').value = true;
  ws.getCell('F6').value = new Date(Date.UTC(2021, 11, 31));
  ws.getCell('F6').numFmt = 'yyyy-mm-dd';
  ws.getCell('F7').value = { text: '链接', hyperlink: 'https://example.org' };
  ws.getCell('A11').value = '注：本表数据来源于决算报表。';
  // Notes: a plain one and one with formatted runs.
  ws.getCell('E7').note = '执行率偏低';
  ws.getCell('A9').note = { texts: [{ text: '合计', font: { bold: true } }, { text: '含其他' }] };
  // Conditional formats: one of "ours" (expression) over two areas, and a user's non-formula rule.
  ws.addConditionalFormatting({
    ref: 'E5:E7 E9:E9',
    rules: [
      {
        type: 'expression',
        formulae: ['AND(ISNUMBER(E5),E5<0.9)'],
        priority: 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
  ws.addConditionalFormatting({
    ref: 'B5:B7',
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['1000'], priority: 2, style: { font: { bold: true } } }],
  });
  const other = wb.addWorksheet('说明');
  other.getCell('B2').value = '无预算表';
  return wb;
}

/** The workbook as a user's file would come to us: written and read back. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return back;
}
