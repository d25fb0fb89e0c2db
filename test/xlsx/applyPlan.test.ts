import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
// jszip comes with exceljs (its own zip library); used here only to look at the written XML.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPlan, type Plan } from '../../src/core';
import { type ApplyResult, MergeConflictError } from '../../src/xlsx';
import { computeWorkbook } from '../helpers/computeWithHyperFormula';
import { noteText } from '../helpers/exceljsCellValue';
import { readSnapshot } from '../helpers/exceljsSnapshot';
import { buildMessyWorkbook, roundTrip, SHEET } from './messyWorkbook';
import { applyThroughPackage } from './saveAndRead';

const RED = { fill: '#FFC7CE', font: '#9C0006' };
const YELLOW = { fill: '#FFEB9C', font: '#9C5700' };
const toNumber = (ref: string) => `VALUE(SUBSTITUTE(${ref},",",""))`;

/** The hand-made plan: what the engine would ask for on the messy sheet. */
function handMadePlan(): Plan {
  const plan = emptyPlan(SHEET);
  const rows = [5, 6, 7, 8];
  plan.writes.push(
    { row: 3, col: 7, inputs: [['预算调整率']], before: [[null]], purpose: 'header', headerStyle: true },
    {
      row: 5,
      col: 5,
      inputs: rows.map((r) => [`=IFERROR(D${r}/C${r},"--")`]),
      numberFormat: '0.00%',
      before: rows.map(() => [null]),
      purpose: 'rate',
    },
    {
      row: 5,
      col: 7,
      inputs: rows.map((r) => [`=IFERROR((C${r}-${toNumber(`B${r}`)})/${toNumber(`B${r}`)},"--")`]),
      numberFormat: '0.00%',
      before: rows.map(() => [null]),
      purpose: 'rate',
    },
    { row: 5, col: 8, inputs: [['--'], [42], [false], [null]], before: rows.map(() => [null]), purpose: 'value' },
  );
  plan.merges.push({ top: 3, left: 7, bottom: 4, right: 7 }, { top: 3, left: 1, bottom: 4, right: 1 });
  // The old rule of ours is named with its areas in another order: matching must not depend on it.
  plan.removeConditionalFormats.push({ ranges: ['E9:E9', 'E5:E7'], formula: '=AND(ISNUMBER(E5),E5<0.9)' });
  plan.conditionalFormats.push(
    { rule: 'behind-schedule', ranges: ['E5:E8'], formula: '=AND(ISNUMBER(E5),E5<0.8)', style: YELLOW, priority: 2 },
    { rule: 'low-execution', ranges: ['E5:E6', 'E8'], formula: '=AND(ISNUMBER(E5),E5<0.6)', style: RED, priority: 1, stopIfTrue: true },
  );
  plan.notes.push({ row: 7, col: 5, text: '预算执行率 45.90%，低于 90%', before: '执行率偏低' });
  plan.removeNotes.push(
    { row: 9, col: 1, before: '合计含其他' },
    { row: 5, col: 6, before: '我们以前的批注' }, // the user rewrote it: must stay
    { row: 5, col: 2, before: '不存在' }, // nothing there
  );
  plan.columnWidths.push({ col: 7, width: 12 });
  return plan;
}

let dir: string;
let out: string;
let applied: ApplyResult;
let reread: ExcelJS.Workbook;
let ws: ExcelJS.Worksheet;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'apply-plan-'));
  out = join(dir, 'out.xlsx');
  const wb = await roundTrip(buildMessyWorkbook());
  const sheet = wb.getWorksheet(SHEET)!;
  sheet.getCell('F3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  sheet.getCell('F3').font = { name: '宋体', size: 11 };
  sheet.getCell('F5').note = '用户改过的批注';
  const done = await applyThroughPackage(wb, handMadePlan());
  applied = done.results[0];
  writeFileSync(out, done.bytes);
  reread = done.wb;
  ws = reread.getWorksheet(SHEET)!;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('applyPlan', () => {
  it('counts what it did', () => {
    expect(applied).toEqual({
      cellsWritten: 1 + 4 + 4 + 4,
      formulasWritten: 8,
      mergesAdded: 1,
      rulesAdded: 2,
      rulesRemoved: 1,
      notesWritten: 1,
      notesRemoved: 1,
      notesKept: 1,
      mergedCellsSkipped: 0,
      sheet: 'existing',
      cellsCleared: 0,
      mergesRemoved: 0,
      validationCells: 0,
      frozen: false,
      leftOut: [],
      cellsStyled: 0,
      pageSetup: false,
    });
  });

  it('writes formulas without "=" in exceljs, constants as values, and the number format', () => {
    expect(ws.getCell('E5').formula).toBe('IFERROR(D5/C5,"--")');
    expect(ws.getCell('G6').formula).toBe('IFERROR((C6-VALUE(SUBSTITUTE(B6,",","")))/VALUE(SUBSTITUTE(B6,",","")),"--")');
    for (const a of ['E5', 'E8', 'G5', 'G8']) expect(ws.getCell(a).numFmt).toBe('0.00%');
    expect([ws.getCell('H5').value, ws.getCell('H6').value, ws.getCell('H7').value, ws.getCell('H8').value]).toEqual(['--', 42, false, null]);
  });

  it('does not spread a number format to cells that shared a style object', () => {
    for (const a of ['B5', 'C5', 'D5', 'C8', 'D8', 'A5']) expect(ws.getCell(a).numFmt ?? 'General').toBe('General');
  });

  it('styles an added header like its left neighbour, bold, centred, wrapped, with a thin border', () => {
    const g3 = ws.getCell('G3');
    expect(g3.value).toBe('预算调整率');
    expect(g3.font?.bold).toBe(true);
    expect(g3.font?.name).toBe('宋体');
    expect(g3.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(g3.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(g3.border?.left?.style).toBe('thin');
    expect(ws.getColumn(7).width).toBe(12);
  });

  it('adds merges once (an identical merge already there is kept as is)', () => {
    const s = readSnapshot(ws);
    expect(s.merges).toContainEqual({ top: 3, left: 7, bottom: 4, right: 7 });
    expect(s.merges.filter((m) => m.left === 1 && m.top === 3)).toHaveLength(1);
  });

  it('removes the out-of-date rule, keeps the user rule, and numbers ours after it', () => {
    const blocks = (ws as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }).conditionalFormattings;
    const summary = blocks.map((b) => ({ ref: b.ref, type: b.rules[0].type, priority: b.rules[0].priority, formula: (b.rules[0].formulae as string[])[0] }));
    expect(summary).toEqual([
      { ref: 'B5:B7', type: 'cellIs', priority: 2, formula: '1000' },
      { ref: 'E5:E6 E8', type: 'expression', priority: 3, formula: 'AND(ISNUMBER(E5),E5<0.6)' },
      { ref: 'E5:E8', type: 'expression', priority: 4, formula: 'AND(ISNUMBER(E5),E5<0.8)' },
    ]);
    const low = blocks[1].rules[0] as { style: ExcelJS.Style };
    expect(low.style.fill).toMatchObject({ type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } });
    expect(low.style.font?.color).toMatchObject({ argb: 'FF9C0006' });
    // stopIfTrue: exceljs does not read it; the next test looks at the XML.
  });

  it('writes stopIfTrue and fullCalcOnLoad into the file', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<cfRule[^>]*stopIfTrue="1"[^>]*>\s*<formula>AND\(ISNUMBER\(E5\),E5&lt;0\.6\)<\/formula>/);
    expect(sheetXml.match(/stopIfTrue/g)).toHaveLength(1);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/fullCalcOnLoad="1"/);
  });

  it('replaces and removes only our notes', () => {
    expect(noteText(ws.getCell('E7').note)).toBe('预算执行率 45.90%，低于 90%');
    expect(ws.getCell('A9').note).toBeUndefined();
    expect(ws.getCell('F5').note).toBe('用户改过的批注');
  });

  it('re-reads into a snapshot that shows the new rules and notes (what a second run sees)', () => {
    const s = readSnapshot(ws);
    // (with their colours, which the reader also gives)
    expect(s.conditionalFormats).toMatchObject([
      { ranges: ['E5:E6', 'E8'], formula: '=AND(ISNUMBER(E5),E5<0.6)' },
      { ranges: ['E5:E8'], formula: '=AND(ISNUMBER(E5),E5<0.8)' },
    ]);
    expect(s.notes).toContainEqual({ row: 7, col: 5, text: '预算执行率 45.90%，低于 90%' });
    expect(s.formulas[4][4]).toBe('=IFERROR(D5/C5,"--")');
  });

  it('gives the right numbers when a formula engine computes the file', async () => {
    const value = await computeWorkbook(out);
    expect(value(SHEET, 'E5')).toBeCloseTo(5968.79 / 6039.87, 9);
    expect(value(SHEET, 'E7')).toBeCloseTo(45.895 / 100, 9);
    expect(value(SHEET, 'E8')).toBe('--'); // zero budget: no #DIV/0!
    expect(value(SHEET, 'G5')).toBeCloseTo((6039.87 - 6266.31) / 6266.31, 9);
    expect(value(SHEET, 'G6')).toBe(0); // "1,550.00" typed as text still computes
    expect(value(SHEET, 'G7')).toBeCloseTo(-1 / 6, 9);
    expect(value(SHEET, 'G8')).toBe('--'); // no initial budget
  });
});

describe('applyPlan guards', () => {
  it('skips a write into a merged area rather than overwrite its top-left cell', async () => {
    const wb = await roundTrip(buildMessyWorkbook());
    const plan = emptyPlan(SHEET);
    plan.writes.push({ row: 4, col: 1, inputs: [['x']], before: [[null]], purpose: 'value' });
    const done = await applyThroughPackage(wb, plan);
    expect(done.results[0].mergedCellsSkipped).toBe(1);
    expect(done.wb.getWorksheet(SHEET)!.getCell('A3').value).toBe('项目');
  });

  it('refuses a merge that overlaps a different merged area', async () => {
    const wb = await roundTrip(buildMessyWorkbook());
    const plan = emptyPlan(SHEET);
    plan.merges.push({ top: 4, left: 2, bottom: 4, right: 3 });
    await expect(applyThroughPackage(wb, plan)).rejects.toThrow(MergeConflictError);
  });

  it('an empty plan changes nothing and does not ask for a recalculation', async () => {
    const wb = await roundTrip(buildMessyWorkbook());
    const done = await applyThroughPackage(wb, emptyPlan(SHEET));
    const { sheet, frozen, leftOut, pageSetup, ...counts } = done.results[0];
    expect([sheet, frozen, leftOut, pageSetup]).toEqual(['existing', false, [], false]);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(done.wb.calcProperties?.fullCalcOnLoad).toBeFalsy();
  });
});

describe('shared formulas', () => {
  it('replacing the top cell of a filled-down formula keeps the cells below working', async () => {
    const wb = await roundTrip(buildMessyWorkbook()); // E5:E7 is one shared formula, master E5
    const plan = emptyPlan(SHEET);
    plan.writes.push({ row: 5, col: 5, inputs: [['=IFERROR(D5/C5,"--")']], before: [['=D5/C5']], purpose: 'rate' });
    const back = (await applyThroughPackage(wb, plan)).wb;
    const s = readSnapshot(back.getWorksheet(SHEET)!);
    expect([s.formulas[4][4], s.formulas[5][4], s.formulas[6][4]]).toEqual(['=IFERROR(D5/C5,"--")', '=D6/C6', '=D7/C7']);
    expect(s.values[6][4]).toBeCloseTo(0.45895, 10); // cached result kept
  });
});
