/**
 * The simulated workbook: sheets (contents computed by HyperFormula), selection, document settings, which
 * ExcelApi version the "host" supports, and the host's moods (a cell in edit mode, a protected sheet, an
 * injected failure). Proxies change it only inside `sync()`; the preview grid may also edit it directly,
 * as a user typing in Excel would. Listeners hear about every change (to re-render a grid).
 */
import { HyperFormula } from 'hyperformula';
import type { CellRect } from '../../core';
import { formatRect } from './addresses';
import { accessDenied, itemNotFound, SimErrorCodes, SimOfficeError } from './errors';
import { SimSheet, type SimCellInput, type SimSheetHost } from './sheetModel';
import { DEFAULT_QUIRKS, type SimHostQuirks } from './limits';
import type { SimXmlPart } from './customXmlProxy';
import { getDisplayGrid, type DisplayGrid, type DisplayWindow } from './display';

export type SimChange =
  | { kind: 'cells'; sheet: string; rect: CellRect | null; /** Made by an API request (the add-in), not typed. */ byAddin?: boolean }
  | { kind: 'selection'; sheet: string; address: string }
  | { kind: 'sheets' }
  | { kind: 'settings' };

/** One `context.sync()`: how big the request and the response were (bytes of JSON, estimated). */
export interface SyncRecord {
  index: number;
  actions: number;
  requestBytes: number;
  responseBytes: number;
  error?: string;
}

export interface SimWorkbookOptions {
  /** Highest ExcelApi requirement set the simulated host supports (default "1.18"). */
  apiVersion?: string;
  /** Excel on the web refuses requests and responses above 5 MB; desktop Excel has no such cap. */
  payloadLimitBytes?: number;
  /** Host and build differences to play (limits.ts). */
  quirks?: Partial<SimHostQuirks>;
}

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Excel's rules for a sheet name: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with '. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new SimOfficeError(SimErrorCodes.invalidArgument, `The sheet name "${name}" is not valid in Excel.`);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class SimWorkbook implements SimSheetHost {
  readonly hf: HyperFormula;
  readonly sheets: SimSheet[] = [];
  /** Settings as saved in the file (`Office.context.document.settings.saveAsync` writes here). */
  readonly documentSettings = new Map<string, unknown>();
  /** Custom XML parts stored in the file (ExcelApi 1.5, customXmlProxy.ts). */
  readonly customXmlParts: SimXmlPart[] = [];
  readonly syncLog: SyncRecord[] = [];
  payloadLimitBytes: number;
  readonly quirks: SimHostQuirks;
  selection: { sheet: string; rect: CellRect } | null = null;
  private activeName: string | null = null;
  private requirementSets = new Map<string, string>();
  private suspended = false;
  private pending: SimChange[] = [];
  private listeners = new Set<(changes: SimChange[]) => void>();
  private editMode = false;
  private editWaiters: (() => void)[] = [];
  private injected: SimOfficeError[] = [];
  /** True while a request's actions run (changes then come from the add-in: onChanged's triggerSource). */
  inApiBatch = false;

  constructor(options: SimWorkbookOptions = {}) {
    // maxRows/maxColumns: HyperFormula's defaults (40,000 rows) are far below Excel's sheet size.
    this.hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 16_384, undoLimit: 0 });
    this.payloadLimitBytes = options.payloadLimitBytes ?? WEB_PAYLOAD_LIMIT;
    this.quirks = { ...DEFAULT_QUIRKS, ...options.quirks };
    this.setApiVersion(options.apiVersion ?? '1.18');
    this.requirementSets.set('Settings', '1.1');
  }

  // ---- sheets, selection ----

  /** Adds a sheet at the end, or at `index` (0-based, as Worksheet.position counts). */
  addSheet(name: string, index?: number): SimSheet {
    checkSheetName(name);
    if (this.getSheet(name)) throw new SimOfficeError(SimErrorCodes.itemAlreadyExists, `A sheet named ${name} already exists.`);
    const hfName = this.hf.addSheet(name);
    const sheet = new SimSheet(this, name, this.hf.getSheetId(hfName) as number);
    this.sheets.splice(index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    if (!this.activeName) this.activeName = name;
    this.pending.push({ kind: 'sheets' });
    return sheet;
  }

  /** Renames a sheet; formulas that name it follow (HyperFormula rewrites them, as Excel does). */
  renameSheet(sheet: SimSheet, name: string): void {
    if (sheet.name === name) return;
    checkSheetName(name);
    const clash = this.getSheet(name);
    if (clash && clash !== sheet) throw new SimOfficeError(SimErrorCodes.itemAlreadyExists, `A sheet named ${name} already exists.`);
    const old = sheet.name;
    this.hf.renameSheet(sheet.hfId, name);
    sheet.name = name;
    if (this.activeName === old) this.activeName = name;
    if (this.selection?.sheet === old) this.selection = { ...this.selection, sheet: name };
    this.pending.push({ kind: 'sheets' });
  }

  /** Worksheet.position = index (0-based). */
  moveSheet(sheet: SimSheet, index: number): void {
    const from = this.sheets.indexOf(sheet);
    this.sheets.splice(from, 1);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    this.pending.push({ kind: 'sheets' });
  }

  /** Worksheet.delete: formulas that pointed at it show #REF!, as in Excel; the last sheet cannot go. */
  removeSheet(sheet: SimSheet): void {
    if (this.sheets.length === 1) throw new SimOfficeError(SimErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
    if (sheet.isProtected) throw accessDenied(sheet.name);
    const at = this.sheets.indexOf(sheet);
    this.beginWrite();
    this.hf.removeSheet(sheet.hfId);
    this.sheets.splice(at, 1);
    if (this.activeName === sheet.name) this.activeName = this.sheets[Math.max(0, at - 1)].name;
    if (this.selection?.sheet === sheet.name) this.selection = null;
    this.pending.push({ kind: 'sheets' });
  }

  getSheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): SimSheet {
    const s = this.getSheet(name);
    if (!s) throw itemNotFound(`worksheet ${name}`);
    return s;
  }

  get activeSheet(): SimSheet {
    if (!this.activeName) this.addSheet('Sheet1');
    return this.sheet(this.activeName as string);
  }

  activateSheet(name: string): void {
    this.activeName = this.sheet(name).name;
    this.pending.push({ kind: 'sheets' });
  }

  select(sheetName: string, rect: CellRect): void {
    const sheet = this.sheet(sheetName);
    this.activeName = sheet.name;
    this.selection = { sheet: sheet.name, rect: { ...rect } };
    this.pending.push({ kind: 'selection', sheet: sheet.name, address: formatRect(rect) });
  }

  /** Typing in the grid: writes inputs from (row, col) as a user would, outside any API batch. */
  setCells(sheetName: string, row: number, col: number, inputs: SimCellInput[][]): void {
    const rect = { top: row, left: col, bottom: row + inputs.length - 1, right: col + (inputs[0]?.length ?? 1) - 1 };
    this.sheet(sheetName).writeInputs(rect, inputs);
    this.flushChanges();
  }

  setNumberFormats(sheetName: string, row: number, col: number, formats: string[][]): void {
    const rect = { top: row, left: col, bottom: row + formats.length - 1, right: col + (formats[0]?.length ?? 1) - 1 };
    this.sheet(sheetName).writeNumberFormats(rect, formats);
    this.flushChanges();
  }

  protectSheet(name: string, on = true): void {
    this.sheet(name).isProtected = on;
  }

  getDisplayGrid(sheetName?: string, window?: DisplayWindow): DisplayGrid {
    return getDisplayGrid(this, sheetName ?? this.activeSheet.name, window);
  }

  // ---- host moods ----

  setApiVersion(version: string): void {
    this.requirementSets.set('ExcelApi', version);
  }

  /** `Office.context.requirements.isSetSupported` of this host. */
  isSetSupported(name: string, minVersion = '1.1'): boolean {
    const have = this.requirementSets.get(name);
    return have !== undefined && compareVersions(have, String(minVersion)) >= 0;
  }

  get isInCellEditMode(): boolean {
    return this.editMode;
  }

  enterCellEditMode(): void {
    this.editMode = true;
  }

  exitCellEditMode(): void {
    this.editMode = false;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    waiters.forEach((w) => w());
  }

  /** What `delayForCellEdit: true` does: the batch waits until the user leaves the cell. */
  waitForCellEditExit(): Promise<void> {
    return this.editMode ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  /** Makes the next `sync()` fail with this Excel error code (to test how failures reach the user). */
  failNextSync(code: string, message = `Simulated failure: ${code}`): void {
    this.injected.push(new SimOfficeError(code, message));
  }

  takeInjectedFailure(): SimOfficeError | undefined {
    return this.injected.shift();
  }

  // ---- statistics ----

  get syncCount(): number {
    return this.syncLog.length;
  }

  recordSync(record: Omit<SyncRecord, 'index'>): SyncRecord {
    const full = { index: this.syncLog.length + 1, ...record };
    this.syncLog.push(full);
    return full;
  }

  resetStats(): void {
    this.syncLog.length = 0;
  }

  // ---- change notification ----

  onChange(listener: (changes: SimChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notifySettingsSaved(): void {
    this.pending.push({ kind: 'settings' });
    this.flushChanges();
  }

  flushChanges(): void {
    this.settle();
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    for (const l of this.listeners) l(changes);
  }

  // ---- SimSheetHost ----

  beginWrite(): void {
    // Many writes in one batch recalculate once, as Excel does after a request.
    if (!this.suspended) {
      this.hf.suspendEvaluation();
      this.suspended = true;
    }
  }

  settle(): void {
    if (this.suspended) {
      this.suspended = false;
      this.hf.resumeEvaluation();
    }
  }

  changed(sheet: SimSheet, rect: CellRect | null): void {
    this.pending.push({ kind: 'cells', sheet: sheet.name, rect, byAddin: this.inApiBatch });
  }
}
