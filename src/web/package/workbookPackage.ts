/**
 * What the 网页版 needs from a workbook file held in the page: open its bytes, read every sheet as engine
 * snapshots, apply plans, write the bytes back. The one implementation in use is bound in openPackage.ts (the
 * lossless package reader/writer of src/xlsx/package), so changing the library behind the page is one file.
 */
import type { Plan, SheetSnapshot } from '../../core';
import type { AppliedCounts } from '../../taskpane/host/WorkbookFrontEnd';

/** What applying one plan did, in the pane's terms (the port's counts; a file always says whether it made the sheet). */
export type PackageApplied = Omit<AppliedCounts, 'sheetCreated' | 'sheetDeleted' | 'sheets'> & { sheetCreated: boolean };

export interface OpenWorkbook {
  /** Sheet names in workbook order. */
  sheetNames(): string[];
  /** ".xlsx", or ".xlsm" for a workbook with macros (the saved file keeps it). */
  extension(): string;
  /** Every worksheet as the engine reads it, in workbook order. */
  readSheets(): Promise<SheetSnapshot[]>;
  applyPlan(plan: Plan): Promise<PackageApplied>;
  /** The pane's settings saved in the file (its settings part's XML), or null. */
  settingsXml(): Promise<string | null>;
  setSettingsXml(xml: string): Promise<void>;
  /** The workbook as a file again: everything the plans did not touch stays as it was. */
  save(): Promise<Uint8Array>;
}

/** A file the page cannot work on, with what to do next in Chinese and English. */
export class PackageOpenError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'PackageOpenError';
  }
}

export type OpenPackage = (bytes: Uint8Array, fileName: string) => Promise<OpenWorkbook>;
