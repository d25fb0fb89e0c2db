/**
 * What the 网页版 needs from a workbook file held in the page: open its bytes, read every sheet as engine
 * snapshots, apply plans, write the bytes back. The one implementation in use is bound in openPackage.ts, so
 * changing the .xlsx library behind the page is a change to that one file.
 */
import type { Plan, SheetSnapshot } from '../../core';

/** A conditional-format rule as the grid colours it. */
export interface RuleLook {
  ranges: string[];
  formula: string;
  /** "#RRGGBB" */
  fill?: string;
  font?: string;
}

/** What the grid shows besides values: column widths and the colours of existing rules, when the library knows them. */
export interface SheetLook {
  /** Column widths in points, by column number. */
  columnWidths: Record<number, number>;
  /** Row heights in points, by row number. */
  rowHeights: Record<number, number>;
  frozen: { rows: number; cols: number } | null;
  rules: RuleLook[];
}

/** What applying one plan did, in the pane's terms. */
export interface PackageApplied {
  cellsWritten: number;
  formulasWritten: number;
  rulesAdded: number;
  rulesRemoved: number;
  notesWritten: number;
  notesRemoved: number;
  /** Things left undone on purpose, in Chinese. */
  warnings: string[];
  sheetCreated: boolean;
}

export interface WorkbookPackage {
  /** Sheet names in workbook order. */
  sheetNames(): string[];
  /** Every worksheet as the engine reads it, in workbook order. */
  readSheets(): SheetSnapshot[];
  look(sheet: string): SheetLook;
  applyPlan(plan: Plan): PackageApplied;
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

export type OpenPackage = (bytes: Uint8Array, fileName: string) => Promise<WorkbookPackage>;
