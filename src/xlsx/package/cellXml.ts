/** One `<c>` element as the writer makes it: a formula (with its cached result when known), a number, text, a truth value. */
import { type CellInput, type CellValue } from '../../core';
import { esc } from './xml';

/** Text is written inline (`t="inlineStr"`), so sharedStrings.xml stays as it was. */
function textBody(p: string, text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<${p}is><${p}t${space}>${esc(text)}</${p}t></${p}is>`;
}

/** A cached formula result as the `t` attribute and `<v>` body. */
function cached(p: string, value: CellValue | undefined): { t: string; v: string } {
  if (value === undefined || value === null) return { t: '', v: '' };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: '', v: `<${p}v>${value}</${p}v>` } : { t: '', v: '' };
  if (typeof value === 'boolean') return { t: ' t="b"', v: `<${p}v>${value ? 1 : 0}</${p}v>` };
  if (/^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(value)) return { t: ' t="e"', v: `<${p}v>${value}</${p}v>` };
  return { t: ' t="str"', v: `<${p}v>${esc(value)}</${p}v>` };
}

export interface FormulaShare {
  si: number;
  /** Set on the master cell only. */
  ref?: string;
}

/**
 * The cell's XML, or '' when it ends up empty and unstyled (then it is left out). `style` < 0: no style.
 * `share`: part of a shared formula (the master carries the text and the ref, the others only point at it).
 */
export function cellXml(p: string, ref: string, style: number, input: CellInput, result?: CellValue, share?: FormulaShare): string {
  const s = style >= 0 ? ` s="${style}"` : '';
  if (typeof input === 'string' && input.startsWith('=')) {
    const c = cached(p, result);
    let f: string;
    if (share?.ref) f = `<${p}f t="shared" ref="${share.ref}" si="${share.si}">${esc(input.slice(1))}</${p}f>`;
    else if (share) f = `<${p}f t="shared" si="${share.si}"/>`;
    else f = `<${p}f>${esc(input.slice(1))}</${p}f>`;
    return `<${p}c r="${ref}"${s}${c.t}>${f}${c.v}</${p}c>`;
  }
  if (typeof input === 'number') return Number.isFinite(input) ? `<${p}c r="${ref}"${s}><${p}v>${input}</${p}v></${p}c>` : `<${p}c r="${ref}"${s}/>`;
  if (typeof input === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${input ? 1 : 0}</${p}v></${p}c>`;
  if (typeof input === 'string') return input === '' ? (s ? `<${p}c r="${ref}"${s}/>` : '') : `<${p}c r="${ref}"${s} t="inlineStr">${textBody(p, input)}</${p}c>`;
  return s ? `<${p}c r="${ref}"${s}/>` : '';
}

/** A shared-formula child cell made stand-alone: its `<f …/>` replaced by the formula text it stood for. */
export function detachedCell(raw: string, p: string, formula: string): string {
  return raw.replace(new RegExp(`<${p}f\\b[^>]*?(?:/>|>[^<]*</${p}f>)`), () => `<${p}f>${esc(formula)}</${p}f>`);
}
