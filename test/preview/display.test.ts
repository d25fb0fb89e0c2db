import { afterEach, describe, expect, it } from 'vitest';
import type { SheetSnapshot } from '../../src/core';
import {
  formatValue,
  installSimulatedOffice,
  loadWorkbookFromJson,
  loadWorkbookFromSnapshots,
  shiftFormula,
  SimWorkbook,
  type SimulatedOffice,
} from '../../src/preview/sim';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

describe('number formats for display', () => {
  it.each([
    [0.98153809899, '0.00%', '98.15%'],
    [72555.63, '#,##0.00', '72,555.63'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0.00;[Red]-#,##0.00', '-1,234.50'],
    [1234567.891, '#,##0', '1,234,568'],
    [0.5, '0%', '50%'],
    [3, '"第"0"名"', '第3名'],
    [0.98153809899, 'General', '0.981538099'],
    [12, 'General', '12'],
    ['--', '0.00%', '--'],
    [true, 'General', 'TRUE'],
    [null, '0.00%', ''],
  ])('%s with %s shows %s', (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });
});

describe('moving a rule formula to another cell', () => {
  it('moves relative references and keeps absolute ones, strings, functions and sheet names', () => {
    expect(shiftFormula('=AND(ISNUMBER(F5),F5<$K$1,LOG10(F5)>0,Sheet1!F5="F5",\'a b\'!F$5)', 2, 1)).toBe(
      '=AND(ISNUMBER(G7),G7<$K$1,LOG10(G7)>0,Sheet1!G7="F5",\'a b\'!G$5)',
    );
    expect(shiftFormula('=SUM(D5:E5)>$C5', 3, 0)).toBe('=SUM(D8:E8)>$C8');
  });
});

describe('conditional formats', () => {
  function rateBook() {
    const book = loadWorkbookFromJson({
      sheets: [{ name: 'S', cells: [['rate'], [0.95], [0.5], [-0.7], ['--']], numberFormats: [[], ['0.00%'], ['0.00%'], ['0.00%']] }],
    });
    office = installSimulatedOffice(book);
    return book;
  }

  it('adds rules on top, moves them by priority, evaluates them per cell, and honours stopIfTrue', async () => {
    const book = rateBook();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const low = ws.getRanges('A2:A3, A4').conditionalFormats.add('Custom');
      low.custom.rule.formula = '=AND(ISNUMBER(A2),A2<0.9)';
      low.custom.format.fill.color = '#FFC7CE';
      low.custom.format.font.color = '#9C0006';
      const negative = ws.getRange('A2:A5').conditionalFormats.add('Custom');
      negative.custom.rule.formula = '=AND(ISNUMBER(A2),A2<0)';
      negative.custom.format.font.color = '#0000FF';
      negative.stopIfTrue = true;
      negative.priority = 5; // beyond the end: clamps to the last place
      const list = ws.getRange().conditionalFormats.load('items/priority, items/custom/rule/formula');
      const count = ws.getRange('A5').conditionalFormats.getCount();
      await context.sync();
      expect(list.items.map((i) => [i.priority, i.custom.rule.formula])).toEqual([
        [0, '=AND(ISNUMBER(A2),A2<0.9)'],
        [1, '=AND(ISNUMBER(A2),A2<0)'],
      ]);
      expect(count.value).toBe(1);
    });
    const cells = book.getDisplayGrid('S').cells.map((r) => r[0]);
    expect(cells[1]).toMatchObject({ text: '95.00%', conditionalFormats: [] });
    expect(cells[2]).toMatchObject({ text: '50.00%', fill: '#FFC7CE', fontColor: '#9C0006' });
    // Both rules are true at -70 %: the higher one gives fill and font; the lower one has nothing left to give.
    expect(cells[3]).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006' });
    expect(cells[3].conditionalFormats).toHaveLength(2);
    expect(cells[4].fill).toBeUndefined();
  });

  it('reads a multi-area rule back through getRanges (getRange fails on it, as in Excel)', async () => {
    rateBook();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRanges('A2, A4:A5').conditionalFormats.add('Custom').custom.rule.formula = '=A2<0';
      const cfs = ws.getRange().conditionalFormats.load('items');
      await context.sync();
      const areas = cfs.items[0].getRanges().load('address, areaCount');
      await context.sync();
      expect([areas.address, areas.areaCount]).toEqual(['S!A2, S!A4:A5', 2]);
      cfs.items[0].getRange().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });
});

describe('display grid and loaders', () => {
  it('shows merges, notes, selection, column widths and bold headers', async () => {
    const book = loadWorkbookFromJson({
      sheets: [
        {
          name: '表',
          cells: [['标题', 'x'], ['a', 1]],
          merges: ['A1:B1'],
          notes: [{ address: 'B2', text: '说明' }],
          columnWidths: { B: 60 },
        },
      ],
    });
    office = installSimulatedOffice(book);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      ws.getRange('A2').format.font.bold = true;
      ws.getRange('B2').select();
    });
    const grid = book.getDisplayGrid('表');
    expect(grid.cells[0][0]).toMatchObject({ text: '标题', span: { rows: 1, cols: 2 } });
    expect(grid.cells[0][1]).toMatchObject({ hiddenByMerge: true, value: null }); // merging kept the top-left value only
    expect(grid.cells[1][0].bold).toBe(true);
    expect(grid.cells[1][1]).toMatchObject({ note: '说明', isSelected: true });
    expect(grid.columnWidths).toEqual({ 2: 60 });
    expect(grid.selection).toBe('B2');
  });

  it('loads engine snapshots, formulas included, with their merges, rules and notes', () => {
    const snap: SheetSnapshot = {
      name: 'Snap',
      originRow: 2,
      originCol: 2,
      values: [['h', null], [4, 8]],
      formulas: [[null, null], [null, '=B3*2']],
      numberFormats: [['General', 'General'], ['0.00', '0.00']],
      merges: [{ top: 2, left: 2, bottom: 2, right: 3 }],
      conditionalFormats: [{ ranges: ['C3'], formula: '=C3>5' }],
      notes: [{ row: 3, col: 3, text: 'n' }],
    };
    const book = loadWorkbookFromSnapshots([snap]);
    const cell = book.getDisplayGrid('Snap').cells[2][2];
    expect(cell).toMatchObject({ value: 8, text: '8.00', formula: '=B3*2', note: 'n', fill: '#FFC7CE' });
  });

  it('keeps document settings in the workbook across "reopening" (a new Office install)', async () => {
    const book = new SimWorkbook();
    office = installSimulatedOffice(book);
    Office.context.document.settings.set('k', { a: 1 });
    await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
    office.uninstall();
    office = installSimulatedOffice(book);
    expect(Office.context.document.settings.get('k')).toEqual({ a: 1 });
  });
});
