/** What each seed-000 indicator completes at: actual ÷ target of the table's two columns, or qualitative. */
export type Expected = number | 'qualitative';

/** Seed 000 in fixture order (the same rows as seedRows.ts and the fixtures' SEED000_INDICATOR_TABLES). */
export const EXPECTED_000: Expected[] = [
  3197 / 2000 / 2 + 12063 / 8000 / 2, 52635 / 30000, 1, 4093 / 850, 100 / 95, 11 / 10, 'qualitative', 100 / 95, 'qualitative',
  31103 / 30000, 3197 / 2000 / 2 + 12063 / 8000 / 2, 59796 / 50000, 410 / 110, 52635 / 30000, 11 / 10, 110 / 100,
  100 / 90, 1, 16.19 / 17.42, 1, 1, 99 / 95, 'qualitative', 100 / 90,
  9770 / 1200, 0.9994, 1, 4093 / 850, 98.05 / 95, 100 / 95, 81.3 / 75, 1,
  1, 100 / 95, 1, 'qualitative', 'qualitative', 1,
];
