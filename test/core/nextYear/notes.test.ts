/**
 * Notes of next year's sheets: indicators completed over 150 % this year (seed 002: 扶持成功创业人数 200.39 %)
 * and projects below the execution threshold (seed 000: 国有企业退休人员社会化管理（中央）财政补助资金 57.99 %)
 * get one; this year's notes of the engine do not follow the copy; the user's notes do.
 */
import { describe, expect, it } from 'vitest';
import { withDefaults, type SheetSnapshot } from '../../../src/core';
import { planNextYear } from '../../../src/core/nextYear';
import { SEED000_LOW_EXECUTION } from '../../fixtures/seedBudget';
import { applyPlansWithCopies } from '../../helpers/copySheet';
import { sheet } from '../../helpers/snapshot';
import { seedWorkbook } from './seedWorkbook';

const settings = withDefaults();

describe('notes on over-achieved indicators and low-execution projects', () => {
  const seed = seedWorkbook();
  const { report, plans } = planNextYear(seed.sheets, settings);
  const wb = applyPlansWithCopies(seed.sheets, plans);
  const notesOf = (name: string) => wb.sheets.find((s) => s.name === name)!.notes ?? [];

  it('seed 002: 扶持成功创业人数 200.39 % gets a note on its 年度指标值 in next year\'s sheet', () => {
    const s = report.sheets.find((x) => x.from === '绩效指标完成情况')!;
    expect(s.notes).toEqual([
      { cell: 'C6', rule: 'over-achievement', name: '扶持成功创业人数', value: expect.closeTo(5.11 / 2.55, 9), text: '【预算执行助手】上年完成率 200.39%，超过 150%，建议复核本年目标值。' },
    ]);
    expect(notesOf(s.to)).toEqual([{ row: 6, col: 3, text: '【预算执行助手】上年完成率 200.39%，超过 150%，建议复核本年目标值。' }]);
  });

  it('seed 000: the over-150 % indicators (481.53 % 处理劳资纠纷案件数…) and no others', () => {
    const s = report.sheets.find((x) => x.from === '绩效指标')!;
    expect(s.notes.every((n) => n.value > 1.5 && n.rule === 'over-achievement')).toBe(true);
    expect(s.notes.map((n) => n.text)).toContain('【预算执行助手】上年完成率 481.53%，超过 150%，建议复核本年目标值。');
    expect(s.notes.map((n) => n.name)).not.toContain('养老保险发放率');
  });

  it('seed 000: the five projects below 90 % get a note on their 年初预算数', () => {
    const s = report.sheets.find((x) => x.from === '2021年项目表')!;
    expect(s.notes.map((n) => n.name)).toEqual([...SEED000_LOW_EXECUTION]);
    expect(s.notes.every((n) => n.cell.startsWith('C') && n.rule === 'low-execution')).toBe(true);
    expect(s.notes[1]!.text).toBe('【预算执行助手】上年预算执行率 57.99%，低于 90%，建议复核预算安排。');
    expect(notesOf('2022年项目表')).toHaveLength(5);
  });

  it('no notes when notes are switched off', () => {
    const off = planNextYear(seed.sheets, withDefaults({ notes: false }));
    expect(off.report.sheets.flatMap((s) => s.notes)).toEqual([]);
    expect(off.plans.flatMap((p) => p.notes)).toEqual([]);
  });

  it('a stricter threshold notes more projects', () => {
    const strict = planNextYear(seed.sheets, withDefaults({ executionThreshold: 0.95 }));
    expect(strict.report.sheets.find((x) => x.from === '2021年项目表')!.notes.length).toBeGreaterThan(5);
  });
});

describe('notes copied with the sheet', () => {
  const src: SheetSnapshot = sheet(
    '2021年项目表',
    [
      ['2021年项目支出情况'],
      ['单位：万元'],
      ['序号', '项目名称', '年初预算数', '调整后预算数', '实际支出', '预算执行率'],
      ['1', '甲项目', 100, 100, 50, '=IFERROR(E4/D4,"--")'],
      ['2', '乙项目', 100, 100, 99, '=IFERROR(E5/D5,"--")'],
      [null, '合计', 200, 200, 149, '=IFERROR(E6/D6,"--")'],
    ],
    [],
    {
      notes: [
        { row: 4, col: 6, text: '【预算执行助手】预算执行率 50.00%，低于 90% 的阈值，需说明原因。' },
        { row: 4, col: 3, text: '财务科：含追加' },
        { row: 5, col: 6, text: '已说明\n【预算执行助手】预算执行率 99.00%…' },
        { row: 5, col: 2, text: '用户备注' },
      ],
    },
  );
  const { report, plans } = planNextYear([src], settings);
  const out = applyPlansWithCopies([src], plans).sheets[1]!;

  it('drops this year\'s engine notes, keeps the user\'s, adds the new note below a user\'s note', () => {
    expect(report.sheets[0]!.staleNotesRemoved).toBe(2);
    const byCell = new Map((out.notes ?? []).map((n) => [`${n.row}:${n.col}`, n.text]));
    expect(byCell.get('4:6')).toBeUndefined();
    expect(byCell.get('5:6')).toBe('已说明');
    expect(byCell.get('5:2')).toBe('用户备注');
    expect(byCell.get('4:3')).toBe('财务科：含追加\n【预算执行助手】上年预算执行率 50.00%，低于 90%，建议复核预算安排。');
    expect(plans[0]!.notes.find((n) => n.row === 4 && n.col === 3)!.before).toBe('财务科：含追加');
  });

  it('keeps the rate formulas the sheet had, as the engine writes them', () => {
    expect(out.formulas[3]![5]).toBe('=IFERROR(E4/D4,"--")');
    expect(out.values[3]!.slice(2, 5)).toEqual([null, null, null]);
  });
});
