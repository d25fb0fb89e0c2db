/** What the indicator, next-year and monitor commands can find missing in a workbook (phrased by the CLI). */

/** No indicator table (and nothing else to build the sheet from): see indicatorsFile.ts for when this is raised. */
export class NoIndicatorTableError extends Error {
  readonly code = 'no-indicator-table';
  constructor(
    readonly file: string,
    /** The sheet asked for with --sheet, when one was. */
    readonly sheet: string | undefined,
  ) {
    super(`No indicator table found in ${sheet ? `sheet ${sheet} of ` : ''}${file}`);
    this.name = 'NoIndicatorTableError';
  }
}

/** No budget or indicator table: no sheet to make for next year. */
export class NothingForNextYearError extends Error {
  readonly code = 'nothing-for-next-year';
  constructor(readonly file: string) {
    super(`No budget or indicator table in ${file}: no sheet to make for next year`);
    this.name = 'NothingForNextYearError';
  }
}

/** No project and no indicator to monitor. */
export class NothingToMonitorError extends Error {
  readonly code = 'nothing-to-monitor';
  constructor(readonly file: string) {
    super(`No budget or indicator table in ${file}: nothing to monitor`);
    this.name = 'NothingToMonitorError';
  }
}
