/**
 * The workbook's settings part: the pane's settings as JSON text in one custom XML part of our namespace, which
 * every host reads and writes the same way (the add-in through Office.js customXmlParts, the 网页版 and the
 * package writer in the file itself), so the reviewer who opens the file gets the preparer's thresholds.
 */
import { validateSettings, withDefaults, type Settings } from './settings';

/** The namespace of the workbook's settings part: the part is found by it. */
export const SETTINGS_NAMESPACE = 'urn:budget-exec:settings:1';

/** Saved settings (JSON text or an object) completed with defaults; defaults and the problems when not valid. */
export function parseSavedSettings(raw: unknown): { settings: Settings; problems: string[] } {
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

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

/** The part's XML: the settings as JSON text in one element of our namespace. */
export function settingsXml(settings: Settings): string {
  const json = JSON.stringify(settings).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<budgetExecSettings xmlns="${SETTINGS_NAMESPACE}" version="1">${json}</budgetExecSettings>`;
}

/** The JSON text of the part (Excel may give the XML back with a declaration or other spacing). */
export function settingsJson(xml: string): string | null {
  const m = /<budgetExecSettings\b[^>]*>([\s\S]*?)<\/budgetExecSettings>/.exec(xml);
  return m ? m[1].replace(/&(lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]) : null;
}
