/**
 * The seed indicator tables laid out as sheets, the way scripts/samples/indicatorSheets.ts writes them: a title,
 * then per table a caption merged across, the header, and the rows with the first column (指标类型 / 任务) merged
 * down its run. Not a test file: the tests import it. Also seed 000's 表1-2 (for the 预算执行率 link).
 */
import type { CellValue, SheetSnapshot } from '../../../src/core';
import { cellAddress } from '../../../src/core';
import type { SeedIndicator, SeedIndicatorTable } from '../../fixtures/seedIndicators';
import { sheet } from '../../helpers/snapshot';

export interface SeedSheet {
  snapshot: SheetSnapshot;
  /** Worksheet row of each fixture row, in fixture order. */
  rows: number[];
  indicators: SeedIndicator[];
}

function layOut(
  name: string,
  title: string,
  tables: readonly SeedIndicatorTable[],
  groupOf: (r: SeedIndicator) => string,
  cellsOf: (r: SeedIndicator) => string[],
  caption: (t: SeedIndicatorTable) => string,
): SeedSheet {
  const width = tables[0]!.headers.length;
  const out: CellValue[][] = [[title], []];
  const merges: string[] = [`A1:${cellAddress(1, width)}`];
  const rows: number[] = [];
  const indicators: SeedIndicator[] = [];
  for (const t of tables) {
    out.push([caption(t)]);
    merges.push(`A${out.length}:${cellAddress(out.length, width)}`);
    out.push([...t.headers]);
    let runStart = 0;
    t.rows.forEach((r, i) => {
      const first = i === 0 || groupOf(t.rows[i - 1]!) !== groupOf(r);
      out.push([first ? groupOf(r) : null, ...cellsOf(r)]);
      rows.push(out.length);
      indicators.push(r);
      if (first) runStart = out.length;
      const last = i === t.rows.length - 1 || groupOf(t.rows[i + 1]!) !== groupOf(r);
      if (last && out.length > runStart) merges.push(`A${runStart}:A${out.length}`);
    });
    out.push([]);
  }
  return { snapshot: sheet(name, out, merges), rows, indicators };
}

export function liwanIndicatorSheet(tables: readonly SeedIndicatorTable[], name = '绩效指标'): SeedSheet {
  return layOut(
    name,
    '2021年部门整体支出绩效关键性指标及完成情况',
    tables,
    (r) => r.level1 ?? '',
    (r) => [r.name, r.explanation ?? '', r.formula ?? '', r.targetText, r.actualText],
    (t) => (t.section?.startsWith('（') ? t.title.replace(/：$/, '') : `${t.section} ${t.title}`),
  );
}

export function guangzhouIndicatorSheet(tables: readonly SeedIndicatorTable[], name = '绩效指标完成情况'): SeedSheet {
  return layOut(
    name,
    '2022年度各项工作任务绩效目标完成情况',
    tables,
    (r) => r.task ?? '',
    (r) => [r.name, r.targetText, r.actualText],
    (t) => t.section ?? t.title,
  );
}

/** Seed 000 表1-2 as the budget tests lay it out: two-row header, categories merged, 合计 on row 11, rates empty. */
export function table12(): SheetSnapshot {
  return sheet(
    '表1-2',
    [
      ['2021年部门整体支出资金执行情况'],
      ['单位：万元'],
      ['财政拨款支出', null, '年初预算数', '预算调整数', '实际支出', '预算\n执行率', '预算\n调整率'],
      [null, null, null, null, null, null, null],
      ['基本支出', '人员经费', '6,266.31', '6,039.87', '5,968.79', null, null],
      [null, '日常公用经费', 359.46, 366.37, 336.98, null, null],
      [null, '小计', 6625.77, 6406.24, 6305.77, null, null],
      ['项目支出', '基本建设类项目', '--', '--', '--', null, null],
      [null, '行政事业类项目', 23936.0, 67514.1, 66249.86, null, null],
      [null, '小计', 23936.0, 67514.1, 66249.86, null, null],
      ['合计', null, 30561.77, 73920.34, 72555.63, null, null],
      ['注：数据来源于2021年部门决算。'],
    ],
    ['A3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'A5:A7', 'A8:A10', 'A11:B11'],
  );
}
