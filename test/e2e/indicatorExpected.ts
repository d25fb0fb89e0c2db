/**
 * What the 绩效指标 part must show, computed from the seed tables the samples were built from
 * (test/fixtures/seedIndicators.ts) — never copied from the screen — and how to find an indicator's row in the
 * built sheet as the grid shows it.
 */
import { columnLetter } from '../../src/core';
import { OWN_COLUMNS } from '../../src/core/indicators';
import { SEED000_INDICATORS, SEED002_INDICATORS, type SeedIndicator } from '../fixtures/seedIndicators';
import type { ShownGrid } from './gridReader';

/** Column letters of the built sheet (三级指标 C, 完成率 J, 得分 M, 状态 N, 偏差原因 O…). */
export const COL = Object.fromEntries(Object.entries(OWN_COLUMNS).map(([k, v]) => [k, columnLetter(v.col)])) as Record<keyof typeof OWN_COLUMNS, string>;

export interface ExpectedCompletion {
  name: string;
  /** A fraction: 2.0039 for 200.39 %. */
  completion: number;
}

/** Seed 002 (广州 2022) prints the completion of its first rows: 122.2 %, 200.39 %, 115.13 %, 127.09 %. */
export const GUANGZHOU_PRINTED: ExpectedCompletion[] = SEED002_INDICATORS.filter((r) => r.printedCompletion).map((r) => ({
  name: r.name,
  completion: Number(r.printedCompletion!.replace('%', '')) / 100,
}));

const SIMPLE = /^\s*(\d+(?:\.\d+)?)\s*([^\d\s、，,]*)\s*$/;

/** Seed 000 (荔湾 2021): rows whose target and actual are one number each in the same unit ("30000 个" / "52635 个"). */
export function simpleCompletion(r: SeedIndicator): number | null {
  const t = SIMPLE.exec(r.targetText);
  const a = SIMPLE.exec(r.actualText);
  if (!t || !a || t[2] !== a[2] || Number(t[1]) === 0) return null;
  return Number(a[1]) / Number(t[1]);
}

export const LIWAN_SIMPLE: ExpectedCompletion[] = SEED000_INDICATORS.flatMap((r) => {
  const c = simpleCompletion(r);
  return c === null ? [] : [{ name: r.name, completion: c }];
});

/** "200.39%" → 2.0039. */
export const shownPercent = (text: string) => Number(text.replace('%', '')) / 100;

/** The first row of the built sheet whose 三级指标 is `name`. */
export function builtRow(cells: ShownGrid, name: string): number {
  for (let r = 3; r < 500; r++) if (cells[`${COL.level3}${r}`]?.text.trim() === name) return r;
  throw new Error(`no row for "${name}" in the built sheet`);
}

/** The row whose column A says `label` (分值合计 / 自评得分 / 等级 of the built sheet, summary rows of the monitor). */
export function labelRow(cells: ShownGrid, label: string): number {
  for (let r = 1; r < 500; r++) if (cells[`A${r}`]?.text.trim() === label) return r;
  throw new Error(`no row labelled "${label}"`);
}
