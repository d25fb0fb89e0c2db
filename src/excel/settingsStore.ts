/**
 * The pane's settings, saved in the workbook (`Office.context.document.settings`, requirement set
 * "Settings") so that a reviewer who opens the file later sees the same thresholds. Outside Office (tests,
 * the preview before a simulated workbook is installed) the settings live in memory.
 */
import { validateSettings, withDefaults, type Settings } from '../core';

export const SETTINGS_KEY = 'budgetExec.settings';

export interface SettingsStore {
  /** The saved settings completed with defaults; defaults when nothing valid was saved. */
  get(): Settings;
  /** Saves into the document (persisted with the workbook), or into memory outside Office. */
  set(settings: Settings): Promise<void>;
  /** Problems found in what was saved (the pane may show them); empty when fine. */
  readonly problems: string[];
  /** True when the settings travel with the workbook. */
  readonly persistent: boolean;
}

type OfficeSettingsLike = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

function parse(raw: unknown): { settings: Settings; problems: string[] } {
  let partial: unknown = raw;
  if (typeof raw === 'string') {
    try {
      partial = JSON.parse(raw);
    } catch {
      return { settings: withDefaults(), problems: ['保存的设置无法读取，已使用默认设置。'] };
    }
  }
  if (!partial || typeof partial !== 'object') return { settings: withDefaults(), problems: [] };
  const settings = withDefaults(partial as Partial<Settings>);
  const problems = validateSettings(settings);
  return problems.length > 0 ? { settings: withDefaults(), problems } : { settings, problems };
}

class DocumentSettingsStore implements SettingsStore {
  problems: string[] = [];
  readonly persistent = true;

  constructor(private readonly doc: OfficeSettingsLike) {}

  get(): Settings {
    const { settings, problems } = parse(this.doc.get(SETTINGS_KEY));
    this.problems = problems;
    return settings;
  }

  set(settings: Settings): Promise<void> {
    // Stored as a plain JSON object: Office serialises setting values as JSON itself.
    this.doc.set(SETTINGS_KEY, JSON.parse(JSON.stringify(settings)));
    return new Promise((resolve, reject) => {
      this.doc.saveAsync((result) => {
        if (String(result.status) === 'succeeded') resolve();
        else reject(new Error(`设置未能保存到工作簿：${result.error?.message ?? '未知原因'}`));
      });
    });
  }
}

class MemorySettingsStore implements SettingsStore {
  problems: string[] = [];
  readonly persistent = false;
  private saved: unknown = null;

  get(): Settings {
    const { settings, problems } = parse(this.saved);
    this.problems = problems;
    return settings;
  }

  async set(settings: Settings): Promise<void> {
    this.saved = JSON.parse(JSON.stringify(settings));
  }
}

/** Uses the given document settings, else `Office.context.document.settings` when there is one, else memory. */
export function createSettingsStore(doc?: OfficeSettingsLike | null): SettingsStore {
  const office = (globalThis as { Office?: typeof Office }).Office;
  let found: OfficeSettingsLike | null | undefined = doc;
  if (found === undefined) {
    try {
      found = office?.context?.document?.settings ?? null;
    } catch {
      found = null;
    }
  }
  return found ? new DocumentSettingsStore(found) : new MemorySettingsStore();
}
