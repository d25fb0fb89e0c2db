/**
 * The pane's settings (thresholds, scoring scheme), kept in the workbook itself: a custom XML part (ExcelApi 1.5)
 * that every copy of the add-in reads, whoever installed it and however. `Office.context.document.settings`, used
 * before, is kept per add-in instance: a sideloaded copy and one from the catalog or the admin center are
 * different instances and never see each other's settings (office-js#840, "by design") — the reviewer would not
 * get the preparer's thresholds. Settings found only there are moved into the part on first read. Either way
 * nothing reaches the file until it is saved (Ctrl+S): the pane says so after saving.
 *
 * Outside Office (tests, a page without a workbook) the settings live in memory.
 */
import { SETTINGS_NAMESPACE, parseSavedSettings as parse, settingsJson, settingsXml, type Settings } from '../core';
import { runExcel } from './runExcel';

/** Where the settings were kept before (Office.context.document.settings), read for the move into the part. */
export const SETTINGS_KEY = 'budgetExec.settings';
export { SETTINGS_NAMESPACE };

export interface SettingsStore {
  /** The saved settings completed with defaults; defaults when nothing valid was saved. */
  get(): Promise<Settings>;
  /** Saves into the workbook (kept once the file is saved), or into memory outside Office. */
  set(settings: Settings): Promise<void>;
  /** Problems found in what was saved (the pane may show them); empty when fine. */
  readonly problems: string[];
  /** True when the settings travel with the workbook. */
  readonly persistent: boolean;
  /** The last get() moved settings of an earlier version into the workbook: the file should be saved. */
  readonly migrated: boolean;
}

type OfficeSettingsLike = Pick<Office.Settings, 'get'>;

class WorkbookSettingsStore implements SettingsStore {
  problems: string[] = [];
  migrated = false;
  readonly persistent = true;

  constructor(private readonly legacy: OfficeSettingsLike | null) {}

  private take(raw: unknown): Settings {
    const { settings, problems } = parse(raw);
    this.problems = problems;
    return settings;
  }

  get(): Promise<Settings> {
    return runExcel(async (context) => {
      const parts = context.workbook.customXmlParts;
      const part = parts.getByNamespace(SETTINGS_NAMESPACE).getOnlyItemOrNullObject().load('id');
      await context.sync();
      if (!part.isNullObject) {
        const xml = part.getXml();
        await context.sync();
        return this.take(settingsJson(xml.value));
      }
      const old = this.legacy?.get(SETTINGS_KEY) ?? null;
      const settings = this.take(old);
      if (old !== null && this.problems.length === 0) {
        parts.add(settingsXml(settings));
        await context.sync();
        this.migrated = true;
      }
      return settings;
    });
  }

  set(settings: Settings): Promise<void> {
    return runExcel(async (context) => {
      const parts = context.workbook.customXmlParts;
      const part = parts.getByNamespace(SETTINGS_NAMESPACE).getOnlyItemOrNullObject().load('id');
      await context.sync();
      if (part.isNullObject) parts.add(settingsXml(settings));
      else part.setXml(settingsXml(settings));
      await context.sync();
      this.migrated = false;
    });
  }
}

class MemorySettingsStore implements SettingsStore {
  problems: string[] = [];
  readonly persistent = false;
  readonly migrated = false;
  private saved: unknown = null;

  async get(): Promise<Settings> {
    const { settings, problems } = parse(this.saved);
    this.problems = problems;
    return settings;
  }

  async set(settings: Settings): Promise<void> {
    this.saved = JSON.parse(JSON.stringify(settings));
  }
}

/**
 * The workbook's store when there is an Excel to run against, else memory. The earlier per-add-in settings are
 * looked up at `Office.context.document.settings` unless given.
 */
export function createSettingsStore(legacy?: OfficeSettingsLike | null): SettingsStore {
  const g = globalThis as { Excel?: { run?: unknown }; Office?: typeof Office };
  if (typeof g.Excel?.run !== 'function') return new MemorySettingsStore();
  let old: OfficeSettingsLike | null | undefined = legacy;
  if (old === undefined) {
    try {
      old = g.Office?.context?.document?.settings ?? null;
    } catch {
      old = null; // Office.context is not ready (outside Office.onReady)
    }
  }
  return new WorkbookSettingsStore(old);
}
