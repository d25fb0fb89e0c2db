/**
 * The 网页版's front end under the pane's real action layer, without a browser: a sample's bytes opened as the
 * worker opens them, 识别 / 写入 / 撤销 through createWorkbookActions, the grid's screen computed from the result,
 * the user's typing kept across an undo, a failed run rolled back, and the saved bytes read back.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withDefaults, type Plan } from '../../src/core';
import { partsOf } from '../fidelity/corpus';
import { FLAG_STYLE } from '../../src/core/budget/flags';
import { createWorkbookActions } from '../../src/taskpane/host/workbookActions';
import { openPackage } from '../../src/web/package/openPackage';
import { outputName } from '../../src/web/page/outputName';
import { WorkbookSession } from '../../src/web/worker/session';
import { sheetView } from '../../src/web/worker/sheetDisplay';
import { createWebFrontEnd } from '../../src/web/worker/webFrontEnd';

const SAMPLE = resolve(__dirname, '../../assets/samples/liwan-2021.xlsx');
const settings = withDefaults({});

async function openSample() {
  const session = await WorkbookSession.open(new Uint8Array(readFileSync(SAMPLE)), 'liwan-2021.xlsx', openPackage);
  const fe = createWebFrontEnd(session);
  return { session, fe, actions: createWorkbookActions(fe) };
}

const cellOf = async (session: WorkbookSession, sheet: string, address: string) => {
  const view = await sheetView(session, sheet, { top: 1, rows: 200 });
  const cell = view.grid.cells.flat().find((c) => c.address === address);
  if (!cell) throw new Error(`${address} not on screen`);
  return cell;
};

describe('the 网页版 front end', () => {
  it('识别 and 写入 on 项目支出: rates computed in the grid, low ones filled red with a note; 撤销 puts it back', async () => {
    const { session, actions } = await openSample();
    session.activeSheet = '项目支出';
    const detection = await actions.detect(settings, {});
    expect(detection.report.tables.length).toBe(4);
    const outcome = await actions.apply(settings, {}, { overwrite: false });
    expect(outcome.formulas).toBeGreaterThan(20);
    expect(actions.lastWrite()).toBe('budget');

    const labour = detection.report.tables.flatMap((t) => t.rows).find((r) => r.name === '劳动保障监察工作经费');
    const address = `F${labour!.row}`;
    const cell = await cellOf(session, '项目支出', address);
    expect(cell.formula).toMatch(/^=IFERROR\(/);
    const shown = `${(labour!.executionRate! * 100).toFixed(2)}%`;
    expect(shown).toMatch(/^45\.\d\d%$/);
    expect(cell.text).toBe(shown);
    expect(cell.fill).toBe(FLAG_STYLE['low-execution'].fill);
    expect(cell.note).toContain(shown);

    // Saved and opened again, the flags keep their own colours (read from the rules' formats in the file).
    const reopened = await WorkbookSession.open(await session.save(), 'liwan-2021.checked.xlsx', openPackage);
    expect((await cellOf(reopened, '项目支出', address)).fill).toBe(FLAG_STYLE['low-execution'].fill);

    const undone = await actions.undo();
    expect(undone.undone).toBe(true);
    expect(undone.cellsRestored).toBe(outcome.cellsWritten);
    expect((await cellOf(session, '项目支出', address)).text).toBe('');
    expect(session.changed).toBe(false);
  });

  it('typing in the grid recomputes the rate and its flag; an undo of the write keeps what was typed', async () => {
    const { session, actions } = await openSample();
    session.activeSheet = '项目支出';
    const detection = await actions.detect(settings, {});
    await actions.apply(settings, {}, { overwrite: false });
    const row = detection.report.tables.flatMap((t) => t.rows).find((r) => r.name === '劳动保障监察工作经费')!.row;
    const { actual, adjusted } = detection.report.tables.find((t) => t.rows.some((r) => r.row === row))!.columns;
    const budget = (await session.evaluator()).value('项目支出', row, colNumber(adjusted!));
    await session.edit('项目支出', row, colNumber(actual!), Number(budget) * 0.95);
    const cell = await cellOf(session, '项目支出', `F${row}`);
    expect(cell.text).toBe('95.00%');
    expect(cell.fill).toBeUndefined();

    await actions.undo();
    expect((await cellOf(session, '项目支出', `F${row}`)).formula).toBeUndefined();
    expect((await session.evaluator()).value('项目支出', row, colNumber(actual!))).toBeCloseTo(Number(budget) * 0.95, 6);
  });

  it('绩效指标 and 年度工具 through the same front end: sheets built, then 撤销 removes them again', async () => {
    const { session, actions } = await openSample();
    const before = session.sheetNames();
    const built = await actions.applyIndicators(settings, {});
    expect(built.created).toBe(true);
    expect(session.sheetNames()).toContain(built.sheet);
    expect(actions.lastWrite()).toBe('indicators');
    const undone = await actions.undo();
    expect(undone.sheetsDeleted).toContain(built.sheet);
    expect(session.sheetNames()).toEqual(before);

    const monitor = await actions.buildMonitor(settings, 6);
    expect(monitor.created).toBe(true);
    expect(session.sheetNames().length).toBe(before.length + 1);
    await actions.undo();
    expect(session.sheetNames()).toEqual(before);
    expect(session.changed).toBe(false);
  });

  it('设置 are saved into the file (the add-in\'s settings part) and read back when it is opened again', async () => {
    const { session, actions } = await openSample();
    const mine = withDefaults({ executionThreshold: 0.8, adjustmentThreshold: 0.3 });
    await actions.saveSettings(mine);
    expect(session.changed).toBe(true);
    const bytes = await session.save();
    const again = await WorkbookSession.open(bytes, 'liwan-2021.checked.xlsx', openPackage);
    await expect(createWorkbookActions(createWebFrontEnd(again)).loadSettings()).resolves.toMatchObject({ executionThreshold: 0.8, adjustmentThreshold: 0.3 });
    // Saved a second time: the same part is rewritten, not a second one added.
    await again.saveSettings(withDefaults({ executionThreshold: 0.7 }));
    const parts = await partsOf(await again.save());
    expect([...parts.keys()].filter((n) => /^customXml\/item\d+\.xml$/.test(n))).toHaveLength(1);
    expect(String(parts.get('[Content_Types].xml'))).toContain('/customXml/itemProps1.xml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await again.save()) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(3);
  });

  it('a run that fails half way leaves the workbook as it was', async () => {
    const { session, fe } = await openSample();
    const plan: Plan = { sheet: '项目支出', writes: [{ row: 1, col: 30, inputs: [['x']], before: [[null]], purpose: 'value' }], merges: [], conditionalFormats: [], removeConditionalFormats: [], notes: [], removeNotes: [], columnWidths: [] };
    await expect(
      fe.run(async (ctx) => {
        await fe.applyPlan(ctx, plan);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(session.changed).toBe(false);
    expect((await session.evaluator()).value('项目支出', 1, 30)).toBeNull();
  });

  it('saves bytes that open as a workbook with the formulas in place', async () => {
    const { session, actions } = await openSample();
    session.activeSheet = '项目支出';
    await actions.detect(settings, {});
    await actions.apply(settings, {}, { overwrite: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await session.save()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('项目支出')!;
    expect(outputName('liwan-2021.xlsx', ['checked'], session.extension())).toBe('liwan-2021.checked.xlsx');
    const formulas: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.length).toBeGreaterThan(20);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表1-2', '项目支出', '绩效指标']);
  });

  it('refuses an old .xls / encrypted file and a file that is not a workbook, in Chinese and English', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(openPackage(ole, 'a.xls')).rejects.toMatchObject({ messageZh: expect.stringContaining('.xlsx'), messageEn: expect.stringContaining('.xlsx') });
    await expect(openPackage(new TextEncoder().encode('hello'), 'a.xlsx')).rejects.toMatchObject({ code: 'not-xlsx' });
  });
});

describe('the saved file is named like the command line names its outputs', () => {
  it.each([
    ['预算.xlsx', ['checked'], '预算.checked.xlsx'],
    ['预算.XLSX', ['indicators'], '预算.indicators.xlsx'],
    ['宏.xlsm', ['checked'], '宏.checked.xlsm'],
    ['预算.xlsx', ['checked', 'indicators'], '预算.checked.xlsx'],
    ['预算.xlsx', [], '预算.checked.xlsx'],
  ])('%s after %j → %s', (name, suffixes, expected) => {
    expect(outputName(name, suffixes, name.toLowerCase().endsWith('.xlsm') ? '.xlsm' : '.xlsx')).toBe(expected);
  });
});

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

describe('the 网页版 grid on formulas it cannot compute', () => {
  it('shows the value the file saved (WPS cell pictures: DISPIMG), else #NAME? as Excel does, never the parser’s #ERROR!', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('图片');
    ws.getCell('A1').value = { formula: 'DISPIMG("ID_5E2C",1)', result: '[图片]' } as never;
    ws.getCell('A2').value = { formula: 'DISPIMG("ID_5E2D",1)' } as never;
    ws.getCell('A3').value = { formula: '1+2', result: 0 } as never;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const session = await WorkbookSession.open(bytes, 'wps-pictures.xlsx', openPackage);
    expect((await cellOf(session, '图片', 'A1')).text).toBe('[图片]');
    expect((await cellOf(session, '图片', 'A2')).text).toBe('#NAME?');
    expect((await cellOf(session, '图片', 'A3')).text).toBe('3'); // what it can compute, it computes (not the stale 0)
  });
});
