/**
 * The messages between the page and its worker. The page asks; the worker holds the workbook, runs the engine
 * through the pane's action layer, computes what the grid shows and writes the file, so a 20,000-row workbook
 * never freezes the page. Every answer carries the undo owner, which the pane reads synchronously.
 */
import type { PaneActions } from '../taskpane/host/PaneActions';
import type { PaneError } from '../taskpane/shared/paneError';
import type { WriteKind } from '../taskpane/shared/paneTypes';
import type { SheetView } from './worker/sheetDisplay';

/** The pane's actions the worker runs (lastWrite is answered from the last reply instead). */
export type PaneMethod = Exclude<keyof PaneActions, 'lastWrite'>;

export interface OpenedBook {
  fileName: string;
  sheets: string[];
  active: string;
  /** ".xlsx", or ".xlsm" for a workbook with macros. */
  extension: string;
}

export type Request =
  | { method: 'open'; bytes: ArrayBuffer; fileName: string }
  /** One screen of rows from `top`; `follow` moves the screen to the selection when it lies outside. */
  | { method: 'view'; sheet: string | null; top: number; rows: number; follow: boolean }
  | { method: 'activate'; sheet: string }
  | { method: 'select'; sheet: string; row: number; col: number }
  | { method: 'edit'; sheet: string; row: number; col: number; text: string }
  | { method: 'save' }
  | { method: 'pane'; name: PaneMethod; args: unknown[] };

export interface Results {
  open: OpenedBook;
  view: SheetView;
  activate: null;
  select: null;
  edit: null;
  save: ArrayBuffer;
  pane: unknown;
}

/** Told with every answer: who owns the undo, whether the workbook differs from the file, and what the grid shows. */
export interface BookState {
  lastWrite: WriteKind | null;
  changed: boolean;
  /** Changes whenever what the grid shows may have: a write, an undo, typing, another sheet or selection. */
  version: number;
}

/** A pane action's progress callback, which cannot cross to the worker: the worker reports to it by message. */
export const CALLBACK = { callback: true } as const;

/** What the page is told while a request runs. */
export interface Progress {
  type: 'progress';
  id: number;
  /** What is happening, in Chinese ("正在读取工作簿…"). */
  stage: string;
  /** Rows done and in all, when the step counts them (for the pane's progress bar). */
  done?: number;
  total?: number;
}

export type Reply =
  | ({ type: 'done'; id: number; result: unknown } & BookState)
  | ({ type: 'failed'; id: number; error: PaneError } & BookState)
  | Progress;
