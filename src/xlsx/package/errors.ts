/** Errors of the package front end that are about the request, not the file (worded by the command line / 网页版). */

/** A worksheet was asked for that the workbook does not have. */
export class SheetNotFoundError extends Error {
  readonly code = 'sheet-not-found';
  constructor(
    readonly sheet: string,
    readonly available: string[],
  ) {
    super(`Sheet "${sheet}" not found; the workbook has: ${available.join(', ')}`);
    this.name = 'SheetNotFoundError';
  }
}

/** The plan names a sheet that is not there and does not ask for it to be made. */
export class PlanSheetMissingError extends Error {
  readonly code = 'plan-sheet-missing';
  constructor(readonly sheet: string) {
    super(`Plan for sheet "${sheet}" but the workbook has no such sheet`);
    this.name = 'PlanSheetMissingError';
  }
}
