/**
 * The simulator's sheet-level API (what building sheets needs): add / copy / rename / move / delete, list
 * validations, frozen panes, Range.clear — with Excel's semantics and requirement sets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installSimulatedOffice, loadWorkbookFromJson,type SimulatedOffice } from '../../src/preview/sim';
import { codeOf } from './codeOf';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

function book(apiVersion = '1.18') {
  const b = loadWorkbookFromJson(
    {
      sheets: [
        { name: '表1-2', cells: [['项目', '预算', '执行'], ['甲', 100, 90], ['合计', '=SUM(B2:B2)', '=SUM(C2:C2)']], numberFormats: [[], [null, '#,##0.00']], merges: ['A5:C5'] },
        { name: '汇总', cells: [["='表1-2'!C3/'表1-2'!B3"]] },
      ],
    },
    { apiVersion },
  );
  office = installSimulatedOffice(b);
  return b;
}

describe('worksheets', () => {
  it('copy() places "名 (2)" where asked with everything the sheet holds; renaming it keeps formulas working', async () => {
    const b = book();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets;
      const copy = ws.getItem('表1-2').copy('Before', ws.getItem('汇总'));
      copy.load('name, position');
      await context.sync();
      expect([copy.name, copy.position]).toEqual(['表1-2 (2)', 1]);
      copy.name = '表1-2（2022年）';
      await context.sync();
    });
    expect(b.sheets.map((s) => s.name)).toEqual(['表1-2', '表1-2（2022年）', '汇总']);
    const copy = b.getDisplayGrid('表1-2（2022年）');
    expect(copy.cells[2][1]).toMatchObject({ formula: '=SUM(B2:B2)', value: 100 });
    expect(copy.cells[1][1].text).toBe('100.00');
    expect(copy.cells[4][0].span).toEqual({ rows: 1, cols: 3 });
  });

  it('copying a sheet before or after itself fails with InvalidArgument, as on Excel for Windows (office-js#775)', async () => {
    const b = book();
    const copySelf = (where: 'Before' | 'After') =>
      codeOf(Excel.run(async (c) => void c.workbook.worksheets.getItem('表1-2').copy(where, c.workbook.worksheets.getItem('表1-2'))));
    await expect(copySelf('After')).resolves.toBe('InvalidArgument');
    await expect(copySelf('Before')).resolves.toBe('InvalidArgument');
    expect(b.sheets.map((s) => s.name)).toEqual(['表1-2', '汇总']);
  });

  it('renaming a sheet rewrites the formulas that name it; deleting it leaves #REF!, as in Excel', async () => {
    const b = book();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表1-2').name = '预算表';
    });
    const linked = b.getDisplayGrid('汇总').cells[0][0];
    expect([linked.formula?.replace(/'/g, ''), linked.value]).toEqual(['=预算表!C3/预算表!B3', 0.9]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('预算表').delete();
    });
    expect(b.sheets.map((s) => s.name)).toEqual(['汇总']);
    expect(String(b.getDisplayGrid('汇总').cells[0][0].value)).toMatch(/#REF!/);
    // The last sheet cannot go; a name Excel refuses is refused.
    await expect(codeOf(Excel.run(async (c) => c.workbook.worksheets.getItem('汇总').delete()))).resolves.toBe('InvalidOperation');
    await expect(codeOf(Excel.run(async (c) => void (c.workbook.worksheets.add('a/b'))))).resolves.toBe('InvalidArgument');
  });

  it('add() then position moves the new sheet; copy() needs ExcelApi 1.7', async () => {
    const b = book();
    await Excel.run(async (context) => {
      const s = context.workbook.worksheets.add('新表');
      s.position = 1;
    });
    expect(b.sheets.map((s) => s.name)).toEqual(['表1-2', '新表', '汇总']);
    b.setApiVersion('1.6');
    await expect(codeOf(Excel.run(async (c) => void c.workbook.worksheets.getItem('汇总').copy('End')))).resolves.toBe('ApiNotFound');
  });
});

describe('list validations (ExcelApi 1.8)', () => {
  it('sets, reads back (type List / Inconsistent), clears; the grid shows the items', async () => {
    const b = book();
    await Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('表1-2').getRange('D2:D3').dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: '人员原因,制度原因' } };
      const whole = context.workbook.worksheets.getItem('表1-2').getRange('D1:D3').dataValidation.load('type');
      const part = context.workbook.worksheets.getItem('表1-2').getRange('D2:D3').dataValidation.load('type, rule');
      await context.sync();
      expect([whole.type, part.type, part.rule]).toEqual(['Inconsistent', 'List', { list: { inCellDropDown: true, source: '人员原因,制度原因' } }]);
    });
    expect(b.getDisplayGrid('表1-2', { right: 4 }).cells[1][3].validation).toEqual(['人员原因', '制度原因']);
    await Excel.run(async (context) => context.workbook.worksheets.getItem('表1-2').getRange('D3').dataValidation.clear());
    expect(b.getDisplayGrid('表1-2', { right: 4 }).cells[2][3].validation).toBeUndefined();
    b.setApiVersion('1.7');
    await expect(codeOf(Excel.run(async (c) => c.workbook.worksheets.getItem('表1-2').getRange('D2').dataValidation.clear()))).resolves.toBe('ApiNotFound');
  });
});

describe('frozen panes (ExcelApi 1.7) and Range.clear', () => {
  it('freezeAt / freezeRows / unfreeze, read back by getLocationOrNullObject', async () => {
    const b = book();
    await Excel.run(async (context) => {
      const panes = context.workbook.worksheets.getItem('表1-2').freezePanes;
      panes.freezeAt('A1:C2');
      const at = panes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(at.address).toBe("'表1-2'!A1:C2");
      panes.freezeRows(1);
      await context.sync();
    });
    expect(b.getDisplayGrid('表1-2').frozen).toEqual({ rows: 1, cols: 0 });
    await Excel.run(async (context) => context.workbook.worksheets.getItem('表1-2').freezePanes.unfreeze());
    expect(b.sheet('表1-2').frozen).toBeNull();
  });

  it('clear("Contents") empties cells and keeps formats; clear("Formats") keeps values and unmerges', async () => {
    const b = book();
    await Excel.run(async (context) => context.workbook.worksheets.getItem('表1-2').getRange('B2:C2').clear('Contents'));
    expect(b.getDisplayGrid('表1-2').cells[1].slice(1, 3).map((c) => [c.value, c.numberFormat])).toEqual([[null, '#,##0.00'], [null, 'General']]);
    b.setCells('表1-2', 2, 2, [[5]]);
    await Excel.run(async (context) => context.workbook.worksheets.getItem('表1-2').getRange('A1:C5').clear('Formats'));
    const g = b.getDisplayGrid('表1-2');
    expect([g.cells[1][1].text, g.cells[4][0].span]).toEqual(['5', undefined]);
  });

  it('a percentage written as text becomes a number shown as a percentage, as Excel does on input', async () => {
    const b = book();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('汇总').getRange('B1:C1').formulas = [['100%', '12.5%']];
    });
    expect(b.getDisplayGrid('汇总').cells[0].slice(1).map((c) => [c.value, c.text])).toEqual([[1, '100%'], [0.125, '12.50%']]);
  });
});
