import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan, POINTS_PER_CHARACTER, readSnapshot, runExcel } from '../../src/excel';
import { installSimulatedOffice, type SimulatedOffice } from '../../src/preview/sim';
import { budgetBook, LOW_RULE_FORMULA, ratePlan, SHEET } from './fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

describe('applyPlan', () => {
  it('writes the rate formulas, their format, the flag rule, notes and the width; Excel computes the rates', async () => {
    const book = budgetBook(20);
    office = installSimulatedOffice(book);
    const result = await runExcel((context) => applyPlan(context, ratePlan(20, { notes: true })));
    expect(result).toMatchObject({
      blocks: 1,
      cellsWritten: 20,
      formulasWritten: 20,
      conditionalFormatsAdded: 1,
      notesWritten: 2,
      notesSkipped: false,
      columnWidthsSet: 1,
      warnings: [],
    });
    const grid = book.getDisplayGrid(SHEET);
    const f5 = grid.cells[4][5];
    expect(f5.formula).toBe('=IFERROR(E5/D5,"--")');
    expect(f5.value).toBeCloseTo(72555.63 / 73920.34, 9); // 0.98154…
    expect(f5.text).toBe('98.15%');
    expect(f5.fill).toBeUndefined();
    // Project 7 is 50 % executed: the rule flags it and the note explains it.
    expect(grid.cells[10][5]).toMatchObject({ text: '50.00%', fill: '#FFC7CE', fontColor: '#9C0006', note: '执行率低于 90%（项目7）' });
    expect(grid.columnWidths[6]).toBeCloseTo(10 * POINTS_PER_CHARACTER);
    const flagged = grid.cells.filter((row) => row[5].fill).map((row) => row[5].address);
    expect(flagged).toEqual(['F11', 'F18']);

    await Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem(SHEET).getRange('F5').conditionalFormats;
      cfs.load('items/type, items/priority, items/stopIfTrue, items/custom/rule/formula, items/custom/format/fill/color');
      await context.sync();
      expect(cfs.items.map((c) => [c.type, c.priority, c.stopIfTrue, c.custom.rule.formula, c.custom.format.fill.color])).toEqual([
        ['Custom', 0, true, LOW_RULE_FORMULA, '#FFC7CE'],
      ]);
    });
  });

  it.each([100, 10_000])('uses exactly one sync for %i rows (two with notes: one to look at existing notes)', async (rows) => {
    const book = budgetBook(rows);
    office = installSimulatedOffice(book);
    const plain = await runExcel((context) => applyPlan(context, ratePlan(rows)));
    expect([plain.syncs, book.syncCount]).toEqual([1, 1]);
    expect(plain.blocks).toBe(Math.ceil(rows / 5000));
    const last = book.getDisplayGrid(SHEET, { top: rows + 4, bottom: rows + 4 }).cells[0][5];
    expect(last.formula).toBe(`=IFERROR(E${rows + 4}/D${rows + 4},"--")`);

    book.resetStats();
    const withNotes = await runExcel((context) => applyPlan(context, ratePlan(rows, { notes: true })));
    expect([withNotes.syncs, book.syncCount]).toEqual([2, 2]);
  });

  it('splits a 100,000-row plan into 5,000-row blocks with every request under 5 MB', async () => {
    const book = budgetBook(100_000);
    office = installSimulatedOffice(book);
    const result = await runExcel((context) => applyPlan(context, ratePlan(100_000)));
    expect(result.blocks).toBe(20);
    expect(result.cellsWritten).toBe(100_000);
    expect(result.syncs).toBe(book.syncCount);
    expect(result.syncs).toBeGreaterThan(1);
    expect(result.syncs).toBeLessThan(20);
    for (const s of book.syncLog) {
      expect(s.error).toBeUndefined();
      expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
    }
    const tail = book.getDisplayGrid(SHEET, { top: 100_004, bottom: 100_004 }).cells[0][5];
    expect(tail).toMatchObject({ formula: '=IFERROR(E100004/D100004,"--")', text: '95.00%' });
  });

  it('skips notes on a host without ExcelApi 1.18 and says so; the flags are still written', async () => {
    const book = budgetBook(20, { apiVersion: '1.17' });
    office = installSimulatedOffice(book);
    const result = await runExcel((context) => applyPlan(context, ratePlan(20, { notes: true })));
    expect(result.notesSkipped).toBe(true);
    expect(result.notesWritten).toBe(0);
    expect(result.warnings).toEqual([expect.stringContaining('不能添加注释')]);
    expect(result.syncs).toBe(1);
    expect(book.getDisplayGrid(SHEET).cells[10][5]).toMatchObject({ fill: '#FFC7CE' });
    expect(book.getDisplayGrid(SHEET).cells[10][5].note).toBeUndefined();
  });

  it('on a second run removes its out-of-date rule and replaces its notes, but keeps a note the user edited', async () => {
    const book = budgetBook(20);
    office = installSimulatedOffice(book);
    const first = ratePlan(20, { notes: true });
    await runExcel((context) => applyPlan(context, first));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.notes.getItem('F18').content = '已核实，年底前支付';
      ws.getRange('H1').conditionalFormats.add('Custom').custom.rule.formula = '=H1>0'; // the user's own rule
    });
    const second = ratePlan(20);
    second.conditionalFormats[0].formula = '=AND(ISNUMBER(F5),F5<0.8)';
    second.removeConditionalFormats.push({ ranges: ['F5:F24'], formula: LOW_RULE_FORMULA });
    second.notes.push({ row: 11, col: 6, text: '执行率 50%', before: '执行率低于 90%（项目7）' });
    second.removeNotes.push({ row: 18, col: 6, before: '执行率低于 90%（项目14）' });
    const result = await runExcel((context) => applyPlan(context, second));
    expect(result).toMatchObject({ conditionalFormatsRemoved: 1, conditionalFormatsAdded: 1, notesWritten: 1, notesRemoved: 0 });
    expect(result.removedConditionalFormats).toEqual([
      { rule: 'restored', ranges: ['F5:F24'], formula: LOW_RULE_FORMULA, style: { fill: '#FFC7CE', font: '#9C0006' }, priority: 1, stopIfTrue: true },
    ]);
    expect(result.warnings).toEqual([expect.stringContaining('F18')]);
    expect(result.syncs).toBe(3);
    const snap = await runExcel((context) => readSnapshot(context));
    expect(snap.conditionalFormats).toEqual([
      { ranges: ['F5:F24'], formula: '=AND(ISNUMBER(F5),F5<0.8)' },
      { ranges: ['H1'], formula: '=H1>0' },
    ]);
    expect(snap.notes).toEqual([
      { row: 11, col: 6, text: '执行率 50%' },
      { row: 18, col: 6, text: '已核实，年底前支付' },
    ]);
  });

  it('adds header cells with style and merges, and orders several rules by the plan priority', async () => {
    const book = budgetBook(5);
    office = installSimulatedOffice(book);
    const plan = ratePlan(5);
    plan.writes.push({ row: 3, col: 7, inputs: [['调整率'], [null]], before: [[null], [null]], purpose: 'header', headerStyle: true });
    plan.merges.push({ top: 3, left: 7, bottom: 4, right: 7 });
    plan.conditionalFormats.push({ rule: 'negative', ranges: ['F5:F9'], formula: '=F5<0', style: { fill: '#FFEB9C', font: '#9C5700' }, priority: 0 });
    await runExcel((context) => applyPlan(context, plan));
    const grid = book.getDisplayGrid(SHEET);
    expect(grid.cells[2][6]).toMatchObject({ value: '调整率', bold: true, horizontalAlignment: 'Center', wrapText: true, span: { rows: 2, cols: 1 } });
    const snap = await runExcel((context) => readSnapshot(context));
    expect(snap.conditionalFormats?.map((c) => c.formula)).toEqual(['=F5<0', LOW_RULE_FORMULA]);
  });
});
