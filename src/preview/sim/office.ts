/**
 * Installs the simulator as the globals `Excel`, `Office` and `OfficeExtension`, so the front end runs
 * unchanged — in tests, and in the browser preview where office.js has no host (`Excel` is undefined there).
 */
import { SimRequestContext, type SimRunOptions } from './context';
import { SimErrorCodes, SimOfficeError } from './errors';
import type { SimWorkbook } from './workbookModel';

type AsyncResult<T> = { status: 'succeeded' | 'failed'; value: T; error?: { code: number; name: string; message: string } };
type Callback<T> = (result: AsyncResult<T>) => void;

/** `Office.context.document.settings`: an in-memory copy; saveAsync writes it into the workbook. */
export class SimDocumentSettings {
  private values: Map<string, unknown>;

  constructor(private readonly book: SimWorkbook) {
    this.values = new Map(book.documentSettings);
  }

  get(name: string): unknown {
    // Settings are stored as JSON in the document, so a caller never gets our own object back.
    const v = this.values.get(name);
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }

  set(name: string, value: unknown): void {
    this.values.set(name, JSON.parse(JSON.stringify(value)));
  }

  remove(name: string): void {
    this.values.delete(name);
  }

  saveAsync(a?: unknown, b?: unknown): void {
    const callback = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
    this.book.documentSettings.clear();
    for (const [k, v] of this.values) this.book.documentSettings.set(k, v);
    setTimeout(() => {
      this.book.notifySettingsSaved();
      callback?.({ status: 'succeeded', value: undefined });
    }, 0);
  }

  refreshAsync(callback?: Callback<SimDocumentSettings>): void {
    this.values = new Map(this.book.documentSettings);
    setTimeout(() => callback?.({ status: 'succeeded', value: this }), 0);
  }
}

export type BatchFn<T> = (context: SimRequestContext) => Promise<T> | T;

/** `Excel.run`: one request context per call; queued work left at the end is sent with a last sync. */
export function createRun(book: SimWorkbook) {
  return async function run<T>(a: SimRunOptions | SimRequestContext | BatchFn<T>, b?: BatchFn<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as BatchFn<T> | undefined;
    if (!batch) throw new SimOfficeError(SimErrorCodes.invalidArgument, 'Excel.run needs a batch function.');
    const context = a instanceof SimRequestContext ? a : new SimRequestContext(book, typeof a === 'function' ? {} : (a as SimRunOptions));
    const result = await batch(context);
    if (context.simPendingActions > 0) await context.sync();
    return result;
  };
}

export interface SimulatedOffice {
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
  settings: SimDocumentSettings;
  /** Puts back whatever globals were there before. */
  uninstall(): void;
}

export function createSimulatedOffice(book: SimWorkbook): Omit<SimulatedOffice, 'uninstall'> {
  const settings = new SimDocumentSettings(book);
  const Excel = {
    run: createRun(book),
    RequestContext: SimRequestContext,
    ConditionalFormatType: { custom: 'Custom', dataBar: 'DataBar', colorScale: 'ColorScale', iconSet: 'IconSet', topBottom: 'TopBottom', presetCriteria: 'PresetCriteria', containsText: 'ContainsText', cellValue: 'CellValue' },
    HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right' },
    WorksheetPositionType: { none: 'None', before: 'Before', after: 'After', beginning: 'Beginning', end: 'End' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    DataValidationType: { none: 'None', list: 'List', inconsistent: 'Inconsistent' },
    ErrorCodes: Object.fromEntries(Object.entries(SimErrorCodes)),
  };
  const Office = {
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      requirements: { isSetSupported: (name: string, minVersion?: string | number) => book.isSetSupported(name, minVersion === undefined ? undefined : String(minVersion)) },
      document: { settings },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
  const OfficeExtension = { Error: SimOfficeError, ErrorCodes: { generalException: 'GeneralException', propertyNotLoaded: 'PropertyNotLoaded' } };
  return { Excel, Office, OfficeExtension, settings };
}

export function installSimulatedOffice(book: SimWorkbook): SimulatedOffice {
  const g = globalThis as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const sim = createSimulatedOffice(book);
  g.Excel = sim.Excel;
  g.Office = sim.Office;
  g.OfficeExtension = sim.OfficeExtension;
  return {
    ...sim,
    uninstall() {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    },
  };
}
