/**
 * Plan.clear, Plan.validations and Plan.freeze on .xlsx files: a sheet the engine built (绩效运行监控-like) is made,
 * saved, read back and refreshed in place. After the refresh nothing of the first run is left inside the cleared
 * area (values, styles, notes, merges, lists, our rules), nothing outside it changed, and nothing piled up.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { type ApplyResult, listFormula } from '../../src/xlsx';
import { readSnapshot } from '../helpers/exceljsSnapshot';
import { computeWorkbook } from '../helpers/computeWithHyperFormula';
import { applyThroughPackage, sheetXml, TempFiles } from './saveAndRead';

const SHEET = '绩效运行监控';
const REASONS = ['人员原因', '制度原因', '经费原因', '其他原因'];
const LIKELIHOOD = ['确定能', '有可能', '完全不可能'];
const GREEN = { fill: '#C6EFCE', font: '#006100' };
const files = new TempFiles();
afterAll(() => files.remove());

/** The first build: a title merged over A1:F1, five rows of data with a light formula, lists, a rule, a note. */
function firstRun(): Plan {
  const plan: Plan = { ...emptyPlan(SHEET), createSheet: true, clear: [], freeze: { rows: 4, cols: 1 } };
  plan.writes.push(
    { row: 1, col: 1, inputs: [['2021年绩效运行监控（截至6月）']], before: [[null]], purpose: 'header', headerStyle: true },
    { row: 4, col: 1, inputs: [['项目', '执行率', '灯', '完成可能性', '偏差原因']], before: [[null, null, null, null, null]], purpose: 'header', headerStyle: true },
    {
      row: 5,
      col: 1,
      inputs: [1, 2, 3, 4, 5].map((i) => [`项目${i}`, i / 5, `=IF(B${4 + i}>=0.8,"绿灯","红灯")`, null, null]),
      numberFormat: '0.00%',
      before: [1, 2, 3, 4, 5].map(() => [null, null, null, null, null]),
      purpose: 'rate',
    },
  );
  plan.merges.push({ top: 1, left: 1, bottom: 1, right: 6 });
  plan.conditionalFormats.push({ rule: 'monitor-green', ranges: ['C5:C9'], formula: '=C5="绿灯"', style: GREEN, priority: 1, stopIfTrue: true });
  plan.notes.push({ row: 7, col: 2, text: '执行偏慢', before: null });
  plan.validations = [
    { ranges: ['D5:D9'], items: LIKELIHOOD },
    { ranges: ['E5:E9'], items: REASONS },
  ];
  return plan;
}

/** The refresh: fewer projects (3), the same columns, the area of the first run cleared. */
function refresh(): Plan {
  const plan: Plan = { ...emptyPlan(SHEET), createSheet: true, clear: [{ top: 1, left: 1, bottom: 9, right: 6 }], freeze: { rows: 4, cols: 1 } };
  plan.writes.push(
    { row: 1, col: 1, inputs: [['2021年绩效运行监控（截至9月）']], before: [[null]], purpose: 'header', headerStyle: true },
    { row: 4, col: 1, inputs: [['项目', '执行率', '灯', '完成可能性', '偏差原因']], before: [[null, null, null, null, null]], purpose: 'header', headerStyle: true },
    { row: 5, col: 1, inputs: [1, 2, 3].map((i) => [`项目${i}`, i / 3, `=IF(B${4 + i}>=0.8,"绿灯","红灯")`]), numberFormat: '0.00%', before: [1, 2, 3].map(() => [null, null, null]), purpose: 'rate' },
  );
  plan.merges.push({ top: 1, left: 1, bottom: 1, right: 6 });
  plan.conditionalFormats.push({ rule: 'monitor-green', ranges: ['C5:C7'], formula: '=C5="绿灯"', style: GREEN, priority: 1, stopIfTrue: true });
  plan.validations = [
    { ranges: ['D5:D7'], items: LIKELIHOOD },
    { ranges: ['E5:E7'], items: REASONS },
  ];
  return plan;
}

type Dv = Record<string, { type: string; formulae?: unknown[]; allowBlank?: boolean } | undefined>;
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: Dv } }).dataValidations.model;
const cfBlocks = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;

let firstRunFile: string;
let first: { file: string; wb: ExcelJS.Workbook };
let second: { file: string; wb: ExcelJS.Workbook };
let refreshed: ApplyResult;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1-2').getCell('A1').value = '预算表';
  const firstRunDone = await files.applyAndRead(wb, firstRun());
  firstRunFile = firstRunDone.file;
  const ws = firstRunDone.wb.getWorksheet(SHEET)!;
  // Things of the user's: a value and a list outside the built area, and a rule of another kind over it.
  ws.getCell('H5').value = '用户备注';
  ws.getCell('A12').value = '填报人：张三';
  (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add('H6', { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
  ws.addConditionalFormatting({ ref: 'B5:B9', rules: [{ type: 'dataBar', priority: 9, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF638EC6' } } as unknown as ExcelJS.ConditionalFormattingRule] });
  first = await files.saveAndRead(firstRunDone.wb);
  const done = await files.applyAndRead(first.wb, refresh());
  refreshed = done.results[0];
  second = done;
});

describe('Plan.validations', () => {
  it('adds list drop-downs that allow blanks and stay free text, written as one range per list', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(firstRunFile);
    const dv = validations(wb.getWorksheet(SHEET)!);
    for (const a of ['D5', 'D9']) expect(dv[a]).toMatchObject({ type: 'list', allowBlank: true, formulae: ['"确定能,有可能,完全不可能"'] });
    expect(dv['E7']).toMatchObject({ type: 'list', formulae: ['"人员原因,制度原因,经费原因,其他原因"'] });
    expect(dv['E7']?.['showErrorMessage' as keyof object]).toBeFalsy();
    const xml = await sheetXml(firstRunFile, SHEET);
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1" sqref="D5:D9"><formula1>&quot;确定能,有可能,完全不可能&quot;<\/formula1>/);
    expect(xml.match(/<dataValidation /g)).toHaveLength(2); // D and E
    expect((await sheetXml(second.file, SHEET)).match(/<dataValidation /g)).toHaveLength(3); // D, E and the user's H6
  });

  it('quotes items and refuses what Excel cannot hold', () => {
    expect(listFormula(['达成', '部分"达成"'])).toBe('"达成,部分""达成"""');
    expect(() => listFormula(['a,b'])).toThrow(/comma/);
    expect(() => listFormula(Array.from({ length: 100 }, (_, i) => `选项${i}`))).toThrow(/255/);
  });
});

describe('Plan.freeze', () => {
  it('freezes the header rows and the first column', async () => {
    expect(first.wb.getWorksheet(SHEET)!.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4, topLeftCell: 'B5' });
    expect(await sheetXml(firstRunFile, SHEET)).toMatch(/<pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"\/>/);
  });

  it('keeps the rest of the view and can unfreeze', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s', { views: [{ state: 'normal', zoomScale: 80, showGridLines: false }] });
    const frozen = await applyThroughPackage(wb, { ...emptyPlan('s'), freeze: { rows: 2, cols: 0 } });
    expect(frozen.wb.getWorksheet('s')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3', zoomScale: 80, showGridLines: false });
    const thawed = await applyThroughPackage(frozen.wb, { ...emptyPlan('s'), freeze: { rows: 0, cols: 0 } });
    const view = thawed.wb.getWorksheet('s')!.views[0];
    expect(view).toMatchObject({ state: 'normal', zoomScale: 80 });
    expect(view).not.toHaveProperty('ySplit');
  });
});

describe('Plan.clear (a refresh in place)', () => {
  it('counts what it cleared', () => {
    expect(refreshed).toMatchObject({ sheet: 'existing', mergesRemoved: 1, mergesAdded: 1, rulesRemoved: 1, rulesAdded: 1, validationCells: 6, frozen: true });
    expect(refreshed.cellsCleared).toBeGreaterThanOrEqual(1 + 5 + 5 * 3);
  });

  it('leaves no value, style, note or list of the first run in rows it no longer uses', () => {
    const ws = second.wb.getWorksheet(SHEET)!;
    for (const a of ['A8', 'B8', 'C8', 'A9', 'B9', 'C9']) {
      expect(ws.getCell(a).value, a).toBeNull();
      expect(ws.getCell(a).numFmt ?? 'General', a).toBe('General');
    }
    expect(ws.getCell('B7').note).toBeUndefined();
    const dv = validations(ws);
    for (const a of ['D8', 'D9', 'E8', 'E9']) expect(dv[a], a).toBeUndefined();
    for (const a of ['D5', 'E7']) expect(dv[a], a).toMatchObject({ type: 'list' });
  });

  it('rewrites the area: title merged once, new rows and formulas, one rule of ours', async () => {
    const ws = second.wb.getWorksheet(SHEET)!;
    const s = readSnapshot(ws);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 6 }]);
    expect(s.values[0]![0]).toBe('2021年绩效运行监控（截至9月）');
    expect(s.formulas[6]![2]).toBe('=IF(B7>=0.8,"绿灯","红灯")');
    expect(s.conditionalFormats).toMatchObject([{ ranges: ['C5:C7'], formula: '=C5="绿灯"' }]);
    const value = await computeWorkbook(second.file);
    expect([value(SHEET, 'C5'), value(SHEET, 'C7')]).toEqual(['红灯', '绿灯']);
    expect(value(SHEET, 'C8')).toBeNull();
  });

  it('keeps what lies outside the area and the user\'s other kinds of rules', () => {
    const ws = second.wb.getWorksheet(SHEET)!;
    expect(ws.getCell('H5').value).toBe('用户备注');
    expect(ws.getCell('A12').value).toBe('填报人：张三');
    expect(validations(ws)['H6']).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(cfBlocks(ws).map((b) => [b.ref, b.rules[0]!.type])).toEqual([
      ['B5:B9', 'dataBar'],
      ['C5:C7', 'expression'],
    ]);
    expect(second.wb.worksheets.map((w) => w.name)).toEqual(['表1-2', SHEET]);
  });

  it('a second identical refresh changes nothing more', async () => {
    const third = await files.applyAndRead(second.wb, refresh());
    const [a, b] = [readSnapshot(second.wb.getWorksheet(SHEET)!), readSnapshot(third.wb.getWorksheet(SHEET)!)];
    expect(b.values).toEqual(a.values);
    expect(b.conditionalFormats).toEqual(a.conditionalFormats);
    expect(Object.keys(validations(third.wb.getWorksheet(SHEET)!)).sort()).toEqual(Object.keys(validations(second.wb.getWorksheet(SHEET)!)).sort());
    expect((await sheetXml(third.file, SHEET)).match(/<dataValidation /g)).toHaveLength(3);
  });

  it('a cleared shared-formula master leaves its clones outside the area working', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    for (let r = 1; r <= 4; r++) ws.getCell(r, 1).value = r * 10;
    ws.fillFormula('B1:B4', 'A1*2', [20, 40, 60, 80]);
    const back = (await files.saveAndRead(wb)).wb;
    const saved = await files.applyAndRead(back, { ...emptyPlan('s'), clear: [{ top: 1, left: 1, bottom: 2, right: 2 }] });
    const s = readSnapshot(saved.wb.getWorksheet('s')!);
    expect([s.formulas[0]![1], s.formulas[2]![1], s.formulas[3]![1]]).toEqual([null, '=A3*2', '=A4*2']);
    const value = await computeWorkbook(saved.file);
    expect([value('s', 'B3'), value('s', 'B4')]).toEqual([60, 80]);
  });
});
