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

/**
 * Sheets that are another sheet's next-year sheet, whatever year that was made for: an earlier run (or the user)
 * made them. They are found before any year is decided, so their own (later) years never move this year's target.
 */
function successorsOf(scans: SheetScan[]): Set<SheetScan> {
  const years = new Set<number | null>([null]);
  for (const s of scans) if (s.year !== null) [s.year, s.year + 1, s.year + 2].forEach((y) => years.add(y));
  const out = new Set<SheetScan>();
  for (const candidate of scans)
    for (const source of scans) {
      if (source === candidate) continue;
      // Next year is later: a year at or before the source's own never makes a successor of it.
      const made = [...years].some((y) =>
        !(y !== null && source.year !== null && y <= source.year) &&
        isNameOrTwin(candidate.snapshot.name, nextSheetName(source.snapshot.name, y, source.year !== null && y !== null ? y - source.year : null)),
      );
      if (made) out.add(candidate);
    }
  return out;
}

export function planRollover(snapshots: SheetSnapshot[], year?: number): Rollover {
  const all = snapshots.map(scanSheet).filter(hasTemplateTables);
  const successors = successorsOf(all);
  const scans = all.filter((s) => !successors.has(s));
  const workbookYear = latestYear(scans.flatMap((s) => (s.year === null ? [] : [s.year])));
  const proposals = scans.map((scan) => {
    const base = scan.year ?? workbookYear;
    const next = year ?? (base === null ? null : base + 1);
    const yearSource: YearSource | null = year !== undefined ? 'option' : scan.year !== null ? 'sheet' : workbookYear !== null ? 'workbook' : null;
    const delta = scan.year !== null && next !== null ? next - scan.year : null;
    return { scan, next, yearSource, delta, raw: nextSheetName(scan.snapshot.name, next, delta) };
  });

  const existingNames = new Set(snapshots.map((s) => lower(s.name)));
  const taken = new Set<string>();
  const out: Rollover = { targets: [], skipped: [] };
  for (const s of all.filter((x) => successors.has(x))) {
    const sheet = s.snapshot.name;
    out.skipped.push({ sheet, reason: 'next-year-sheet', message: `${sheet} 是另一张表的下一年度表，不再生成` });
  }
  proposals.forEach((p) => {
    const sheet = p.scan.snapshot.name;
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
