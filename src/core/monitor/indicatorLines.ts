/**
 * The goal side of the monitor: one line per indicator of the indicator tables (one per part of "2000、8000 人"),
 * read by the indicator engine (readModel: target and actual split into numbers in the target's unit, the
 * direction). The 当前完成值 is what the table's actual column says now, when it is a number; else the user types
 * it in the monitor. 预算执行率 is left out: the funding block is its monitor.
 *
 * 全年预计完成情况 projects the current value to the year end as current ÷ (N/12) — for quantities that add up
 * over the year (people, cases, sessions). A percentage or a rate (发放率 100%, 满意度 95%, a 发放率 written "1") does
 * not add up month by month: it is projected as it stands.
 */
import type { SheetSnapshot } from '../snapshot';
import { SheetGrid } from '../grid';
import type { Direction } from '../indicators/types';
import { findIndicatorTables } from '../indicators/findTables';
import { readIndicatorTable } from '../indicators/readTable';
import { readModel } from '../indicators/model';
import { isExecutionIndicator } from '../indicators/execution';

export interface IndicatorLine {
  /** The source's key ("绩效指标!B5", "#2" for a second part): how a re-run finds the user's answers. */
  key: string;
  sheet: string;
  row: number;
  name: string;
  unit: string;
  /** A number in `unit` when the target reads as one, else the target text. */
  target: number | string;
  /** The current value from the source, a number in `unit` (or a text for a qualitative indicator); null when there is none. */
  current: number | string | null;
  direction: Direction;
  /** True when the value adds up over the year (projected ÷ N/12); false for percentages. */
  cumulative: boolean;
}

/**
 * A rate or ratio by its name (发放率, 覆盖率, 满意度, 占比…), whatever unit its values are written in ("1", "100"):
 * it is not projected by the calendar either. (养老保险发放率 at 1 projected ÷ 6/12 showed 200 %.)
 */
const RATE_NAME = /率|比例|比重|占比|满意度|覆盖面|达标/;

export function readIndicatorLines(snapshots: SheetSnapshot[]): IndicatorLine[] {
  const lines: IndicatorLine[] = [];
  for (const snapshot of snapshots) {
    const grid = new SheetGrid(snapshot);
    for (const layout of findIndicatorTables(grid)) {
      if (layout.kind === 'own') continue;
      for (const source of readIndicatorTable(grid, snapshot.name, layout).indicators) {
        if (isExecutionIndicator(source.name)) continue;
        const m = readModel(source, undefined);
        const base = { sheet: source.sheet, row: source.row, direction: m.direction, cumulative: m.baseUnit !== '%' && !RATE_NAME.test(source.name) };
        const numeric = (m.target.kind === 'number' || m.target.kind === 'multi') && m.parts.every((p) => p.target !== null);
        if (!numeric) {
          const actual = source.actualText.trim();
          lines.push({ ...base, key: source.key, name: source.name, unit: m.unitLabel, target: source.targetText, current: actual === '' ? null : actual });
          continue;
        }
        m.parts.forEach((p, i) => {
          const several = m.parts.length > 1;
          lines.push({
            ...base,
            key: several ? `${source.key}#${i + 1}` : source.key,
            name: several ? `${source.name}（${i + 1}）` : source.name,
            unit: m.unitLabel,
            target: p.target!,
            current: p.actual,
          });
        });
      }
    }
  }
  return lines;
}
