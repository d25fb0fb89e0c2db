/**
 * Which sheets get a next-year sheet, and its name. Made once for the workbook so that running twice adds nothing:
 * a sheet that is itself the next-year sheet of another (made by an earlier run) is not a source, and a target that
 * already exists is reported as existing and left alone. Other engines use the same pairs to tell this year's sheets
 * from next year's (the monitor follows the newest: supersededSheets).
 *
 * The year: options.year, else the latest year of the sheet's name, titles, headers and notes + 1, else the latest
 * year of the workbook's other such sheets + 1, else unknown ("（下一年度）").
 */
import type { SheetSnapshot } from '../snapshot';
import { hasTemplateTables, scanSheet, type SheetScan } from './sheetScan';
import { isNameOrTwin, nextSheetName, uniqueSheetName } from './sheetName';
import { latestYear } from './years';

export type YearSource = 'option' | 'sheet' | 'workbook';

export interface NextYearTarget {
  source: string;
  target: string;
  /** Next year, or null when no year is known anywhere. */
  year: number | null;
  yearSource: YearSource | null;
  /** How far the years of the sheet's texts move; null when the sheet names no year. */
  delta: number | null;
  /** The target sheet is already in the workbook (an earlier run made it, or the user did): nothing is planned. */
  existing: boolean;
  scan: SheetScan;
}

export type SkipReason = 'next-year-sheet' | 'same-year';

export interface SkippedSheet {
  sheet: string;
  reason: SkipReason;
  /** In Chinese, for the pane and the command line. */
  message: string;
}

export interface Rollover {
  targets: NextYearTarget[];
  skipped: SkippedSheet[];
}

const lower = (s: string) => s.toLowerCase();

export function planRollover(snapshots: SheetSnapshot[], year?: number): Rollover {
  const scans = snapshots.map(scanSheet).filter(hasTemplateTables);
  const workbookYear = latestYear(scans.flatMap((s) => (s.year === null ? [] : [s.year])));
  const proposals = scans.map((scan) => {
    const base = scan.year ?? workbookYear;
    const next = year ?? (base === null ? null : base + 1);
    const yearSource: YearSource | null = year !== undefined ? 'option' : scan.year !== null ? 'sheet' : workbookYear !== null ? 'workbook' : null;
    const delta = scan.year !== null && next !== null ? next - scan.year : null;
    return { scan, next, yearSource, delta, raw: nextSheetName(scan.snapshot.name, next, delta) };
  });

  // A sheet another sheet rolls over to (or to its "~2" twin) is next year's already: never a source.
  const isSuccessor = (name: string, self: number) => proposals.some((p, i) => i !== self && isNameOrTwin(name, p.raw));

  const existingNames = new Set(snapshots.map((s) => lower(s.name)));
  const taken = new Set<string>();
  const out: Rollover = { targets: [], skipped: [] };
  proposals.forEach((p, i) => {
    const sheet = p.scan.snapshot.name;
    if (isSuccessor(sheet, i)) {
      out.skipped.push({ sheet, reason: 'next-year-sheet', message: `${sheet} 是另一张表的下一年度表，不再生成` });
      return;
    }
    if (lower(p.raw) === lower(sheet)) {
      out.skipped.push({ sheet, reason: 'same-year', message: `${sheet} 已是 ${p.next ?? ''} 年度的表，不再生成` });
      return;
    }
    // Two sources cut to the same name: the later one gets "~2", the same on every run (sheet order is kept).
    const target = uniqueSheetName(p.raw, taken);
    taken.add(lower(target));
    out.targets.push({
      source: sheet,
      target,
      year: p.next,
      yearSource: p.yearSource,
      delta: p.delta,
      existing: existingNames.has(lower(target)),
      scan: p.scan,
    });
  });
  return out;
}

/** Sheets whose next-year sheet is already in the workbook: this year's, once next year's is being filled. */
export function supersededSheets(snapshots: SheetSnapshot[]): Set<string> {
  return new Set(
    planRollover(snapshots)
      .targets.filter((t) => t.existing)
      .map((t) => t.source),
  );
}

/** Sheets that are next year's sheet of another sheet of the workbook. */
export function nextYearSheets(snapshots: SheetSnapshot[]): Set<string> {
  const { targets, skipped } = planRollover(snapshots);
  return new Set([...targets.filter((t) => t.existing).map((t) => t.target), ...skipped.filter((s) => s.reason === 'next-year-sheet').map((s) => s.sheet)]);
}
