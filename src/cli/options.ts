/**
 * Command-line options → the engine's Settings. Commander hands us raw strings; we parse them here so that
 * every bad value gets the same kind of bilingual message (and exit code 2).
 */
import { SCHEME_IDS, SCHEMES, schemeIdOf, type Settings, validateSettings, withDefaults } from '../core';
import { msg } from './messages';

/** The analysis options `apply` accepts, as commander parsed them (strings until checked). */
export interface AnalysisOptionValues {
  threshold?: string;
  adjustmentThreshold?: string;
  asOfMonth?: string;
  adjusted?: string;
  overwrite?: boolean;
  /** Scoring scheme: auto, national-project, finance-defaults, department-guangdong (or national / finance / department). */
  scheme?: string;
}

/**
 * A fraction: "0.9", or a percentage "90%" (people type rates both ways). Full-width digits and the
 * full-width percent sign are accepted as well, since the users write in Chinese input methods.
 */
export function parseFraction(raw: string, option: string): number {
  const text = raw.trim().replace(/[０-９．％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1).trim() : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(body)) throw msg.notANumber(option, raw);
  const value = Number(body) / (percent ? 100 : 1);
  if (!Number.isFinite(value) || value < 0 || value > 10) throw msg.outOfRange(option, raw, '0–10 (如 0.9 / e.g. 0.9)');
  return value;
}

export function parseMonth(raw: string): number {
  const text = raw.trim();
  if (!/^\d{1,2}$/.test(text)) throw msg.badMonth(raw);
  const month = Number(text);
  if (month < 1 || month > 12) throw msg.badMonth(raw);
  return month;
}

/** A four-digit year for --year ("2022", also in full-width digits); refused early with one clear line. */
export function parseYear(raw: string): number {
  const text = raw.trim().replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/年$/, '');
  if (!/^\d{4}$/.test(text)) throw msg.badYear(raw);
  const year = Number(text);
  if (year < 1900 || year > 9999) throw msg.badYear(raw);
  return year;
}

export function parseAdjusted(raw: string): Settings['adjustedMeans'] {
  const text = raw.trim().toLowerCase();
  if (text === 'total' || text === 'delta' || text === 'auto') return text;
  throw msg.badAdjusted(raw);
}

/** --scheme: 'auto' leaves the scoring to the form's kind; a named scheme sets the scoring everywhere. */
export function parseScheme(raw: string): Pick<Settings, 'scheme'> & Partial<Pick<Settings, 'scoring'>> {
  const id = schemeIdOf(raw);
  if (id === null) throw msg.badScheme(raw, SCHEME_IDS);
  return id === 'auto' ? { scheme: 'auto' } : { scheme: id, scoring: { ...SCHEMES[id].scoring } };
}

/** Builds Settings from the options, with the engine's defaults for anything not given. */
export function settingsFromOptions(o: AnalysisOptionValues): Settings {
  const partial: Partial<Settings> = {};
  if (o.threshold !== undefined) partial.executionThreshold = parseFraction(o.threshold, '--threshold');
  if (o.adjustmentThreshold !== undefined) partial.adjustmentThreshold = parseFraction(o.adjustmentThreshold, '--adjustment-threshold');
  if (o.asOfMonth !== undefined) partial.asOfMonth = parseMonth(o.asOfMonth);
  if (o.adjusted !== undefined) partial.adjustedMeans = parseAdjusted(o.adjusted);
  if (o.overwrite) partial.overwrite = true;
  if (o.scheme !== undefined) Object.assign(partial, parseScheme(o.scheme));
  const settings = withDefaults(partial);
  // The engine's own check has the last word, in case it is stricter than ours.
  const problems = validateSettings(settings);
  if (problems.length > 0) throw msg.invalidSettings(problems[0]);
  return settings;
}

