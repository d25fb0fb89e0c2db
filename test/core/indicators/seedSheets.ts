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

export { table12 } from '../../helpers/seedSheet';
