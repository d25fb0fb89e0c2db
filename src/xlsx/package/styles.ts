/**
 * styles.xml: read the number format of every cell format, and append what a plan needs (number formats,
 * cell formats, fonts and borders of added headers, differential formats of our rules). Existing entries are
 * never renumbered or rewritten: cells of untouched sheets keep exactly their look.
 */
import { BUILTIN_NUMBER_FORMATS } from './builtinFormats';
import { local, prefixOf, rootChildren, scanXml, startTag, withAttrs } from './xml';

/** styleSheet's children in schema order (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Section = (typeof ORDER)[number];
const EDITABLE: Section[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'];

const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

/** One section's direct children, as raw text. */
function sectionItems(xml: string, start: number, end: number): string[] {
  const body = xml.slice(start, end);
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  scanXml(body, {
    open(_n, _a, s) {
      depth++;
      if (depth === 2) from = s;
    },
    close(_n, _s, e) {
      if (depth === 2) items.push(body.slice(from, e + 1));
      depth--;
    },
  });
  return items;
}

/** What a look sets on a cell format; colours ARGB. */
export interface CellLook {
  bold?: boolean;
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  borders?: boolean;
}

export class Styles {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly items = new Map<Section, string[]>();
  private readonly added = new Map<Section, number>();
  /** numFmtId → format code, custom ones from the file. */
  private readonly customFormats = new Map<number, string>();
  private readonly xfFormatIds: number[] = [];
  private readonly memo = new Map<string, number>();

  constructor(xml: string | null) {
    this.xml = xml ?? MINIMAL;
    const root = rootChildren(this.xml);
    this.prefix = prefixOf(root.rootName);
    for (const child of root.children) {
      const name = local(child.name) as Section;
      if (EDITABLE.includes(name)) this.items.set(name, sectionItems(this.xml, child.start, child.end));
    }
    for (const nf of this.list('numFmts')) {
      scanXml(nf, { open: (_n, a) => a.numFmtId !== undefined && this.customFormats.set(Number(a.numFmtId), a.formatCode ?? '') });
    }
    for (const xf of this.list('cellXfs')) {
      let id = 0;
      scanXml(xf, { open: (n, a) => local(n) === 'xf' && (id = Number(a.numFmtId ?? 0)) });
      this.xfFormatIds.push(id);
    }
  }

  private list(section: Section): string[] {
    let l = this.items.get(section);
    if (!l) {
      l = [];
      this.items.set(section, l);
    }
    return l;
  }

  /** Appends `item`, or finds an identical one (ours from an earlier run, or the file's own): a re-run adds nothing. */
  private append(section: Section, item: string): number {
    const l = this.list(section);
    const same = l.indexOf(item);
    if (same >= 0) return same;
    if (section === 'cellXfs') {
      let id = 0;
      scanXml(item, { open: (n, a) => local(n) === 'xf' && (id = Number(a.numFmtId ?? 0)) });
      this.xfFormatIds.push(id);
    }
    l.push(item);
    this.added.set(section, (this.added.get(section) ?? 0) + 1);
    return l.length - 1;
  }

  get changed(): boolean {
    return this.added.size > 0;
  }

  formatCode(numFmtId: number): string {
    return this.customFormats.get(numFmtId) ?? BUILTIN_NUMBER_FORMATS[numFmtId] ?? 'General';
  }

  /** The number format of cell format `xf` ("General" for none). */
  numberFormatOf(xf: number): string {
    return this.formatCode(this.xfFormatIds[xf] ?? 0);
  }

  /** Number formats of every cell format, by index (for reading a sheet fast). */
  allNumberFormats(): string[] {
    return this.xfFormatIds.map((id) => this.formatCode(id));
  }

  private numFmtId(code: string): number {
    for (const [id, c] of this.customFormats) if (c === code) return id;
    const builtin = BUILTIN_NUMBER_FORMATS.indexOf(code);
    if (builtin >= 0) return builtin;
    const id = Math.max(163, ...this.customFormats.keys()) + 1;
    this.customFormats.set(id, code);
    this.append('numFmts', startTag(`${this.prefix}numFmt`, { numFmtId: String(id), formatCode: code }, true));
    return id;
  }

  private cached(key: string, make: () => number): number {
    let v = this.memo.get(key);
    if (v === undefined) {
      v = make();
      this.memo.set(key, v);
    }
    return v;
  }

  private xfTag(xf: number): string {
    return this.list('cellXfs')[xf] ?? this.list('cellXfs')[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  }

  private xfAttrs(xf: number): Record<string, string> {
    let attrs: Record<string, string> = {};
    scanXml(this.xfTag(xf), { open: (n, a) => local(n) === 'xf' && (attrs = a) });
    return attrs;
  }

  /** A cell format like `base` (an index of cellXfs) but with number format `code`; appended once per pair. */
  withNumberFormat(base: number, code: string): number {
    if (this.numberFormatOf(base) === code) return base;
    return this.cached(`nf|${base}|${code}`, () => {
      const id = this.numFmtId(code);
      const tag = this.xfTag(base);
      const open = /^<[^>]*>/.exec(tag)![0];
      const next = withAttrs(open, { numFmtId: String(id), applyNumberFormat: '1' }) + tag.slice(open.length);
      return this.append('cellXfs', next);
    });
  }

  /**
   * The look of a header the engine adds: the fill of its left neighbour, that neighbour's font in bold,
   * centred and wrapped, thin borders. `base` is the cell's own format (its number format is kept).
   */
  headerFormat(base: number, left: number | undefined): number {
    return this.cached(`hd|${base}|${left}`, () => {
      const own = this.xfAttrs(base);
      const near = left === undefined ? own : this.xfAttrs(left);
      const fonts = this.list('fonts');
      const font = fonts[Number(near.fontId ?? 0)] ?? fonts[0] ?? `<${this.prefix}font/>`;
      const fontId = this.cached(`font|${font}`, () => this.append('fonts', boldFont(font, this.prefix)));
      const p = this.prefix;
      const attrs = { numFmtId: own.numFmtId ?? '0', fontId: String(fontId), fillId: near.fillId ?? '0', borderId: String(this.thinBorder()), xfId: own.xfId ?? '0', applyFont: '1', applyFill: '1', applyBorder: '1', applyAlignment: '1' };
      const xf = `${startTag(`${p}xf`, attrs)}<${p}alignment horizontal="center" vertical="center" wrapText="1"/></${p}xf>`;
      return this.append('cellXfs', xf);
    });
  }

  /** Thin borders on the four sides (automatic colour). */
  private thinBorder(): number {
    const p = this.prefix;
    const sides = ['left', 'right', 'top', 'bottom'].map((s) => `<${p}${s} style="thin"><${p}color auto="1"/></${p}${s}>`).join('');
    return this.append('borders', `<${p}border>${sides}<${p}diagonal/></${p}border>`);
  }

  /**
   * Cell format `base` with a built sheet's look on top (Plan.looks): bold font, solid fill (ARGB), thin borders,
   * wrapped and vertically centred, horizontal alignment. Everything else of `base` stays (number format, font
   * face and size, protection). Applying a look to a format that already has it gives that same format back.
   */
  withLook(base: number, look: CellLook): number {
    return this.cached(`lk|${base}|${look.bold}|${look.fill}|${look.wrap}|${look.horizontal}|${look.borders}`, () => {
      const p = this.prefix;
      const tag = this.xfTag(base);
      const open = /^<[^>]*>/.exec(tag)![0];
      const own = this.xfAttrs(base);
      const changes: Record<string, string> = {};
      if (look.bold) {
        const fonts = this.list('fonts');
        const font = fonts[Number(own.fontId ?? 0)] ?? fonts[0] ?? `<${p}font/>`;
        Object.assign(changes, { fontId: String(this.append('fonts', boldFont(font, p))), applyFont: '1' });
      }
      if (look.fill) {
        const fill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
        Object.assign(changes, { fillId: String(this.append('fills', fill)), applyFill: '1' });
      }
      if (look.borders) Object.assign(changes, { borderId: String(this.thinBorder()), applyBorder: '1' });
      // CT_Xf's children: alignment, protection, extLst. The alignment keeps what it had (indent, rotation …).
      const kids = open.endsWith('/>') ? '' : tag.slice(open.length, tag.lastIndexOf('</'));
      let alignment = new RegExp(`<${p}alignment\\b[^>]*?/>`).exec(kids)?.[0] ?? '';
      const rest = kids.replace(alignment, '');
      if (look.wrap || look.horizontal) {
        const align: Record<string, string> = {};
        if (look.horizontal) align.horizontal = look.horizontal;
        if (look.wrap) Object.assign(align, { vertical: 'center', wrapText: '1' });
        alignment = withAttrs(alignment || `<${p}alignment/>`, align);
        changes.applyAlignment = '1';
      }
      const body = alignment + rest;
      const xf = body ? `${withAttrs(open.replace(/\/>$/, '>'), changes)}${body}</${p}xf>` : withAttrs(open, changes);
      return this.append('cellXfs', xf);
    });
  }

  /** A differential format (a rule's look): font colour and solid fill, ARGB. Equal ones are shared. */
  /** The fill and font colours of differential format `id` ("#RRGGBB"; theme and indexed colours are not resolved). */
  dxfColours(id: number): { fill?: string; font?: string } | undefined {
    const item = this.list('dxfs')[id];
    if (item === undefined) return undefined;
    const out: { fill?: string; font?: string } = {};
    const hex = (argb: string | undefined) => (argb && /^[0-9A-Fa-f]{6,8}$/.test(argb) ? `#${argb.slice(-6).toUpperCase()}` : undefined);
    let inside: 'font' | 'fill' | null = null;
    scanXml(item, {
      open: (n, a) => {
        const name = local(n);
        if (name === 'font' || name === 'fill') inside = name;
        // A rule's solid fill is its pattern's background colour (what Excel writes); a foreground colour otherwise.
        else if (inside === 'fill' && (name === 'bgColor' || (name === 'fgColor' && !out.fill))) out.fill = hex(a.rgb) ?? out.fill;
        else if (inside === 'font' && name === 'color') out.font = hex(a.rgb);
      },
    });
    return out.fill || out.font ? out : undefined;
  }

  dxf(fontArgb: string, fillArgb: string): number {
    const p = this.prefix;
    const xml = `<${p}dxf><${p}font><${p}color rgb="${fontArgb}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${fillArgb}"/></${p}patternFill></${p}fill></${p}dxf>`;
    return this.cached(`dxf|${xml}`, () => this.append('dxfs', xml));
  }

  /** The part's text: untouched sections as they were, grown ones rebuilt with their new count. */
  toXml(): string {
    if (!this.changed) return this.xml;
    let out = this.xml;
    for (const section of [...this.added.keys()].sort((a, b) => ORDER.indexOf(b) - ORDER.indexOf(a))) {
      const root = rootChildren(out);
      const child = root.children.find((c) => local(c.name) === section);
      const items = this.list(section);
      const name = `${this.prefix}${section}`;
      const open = child ? withAttrs(/^<[^>]*>/.exec(out.slice(child.start, child.end))![0].replace(/\/>$/, '>'), { count: String(items.length) }) : startTag(name, { count: String(items.length) });
      const text = `${open}${items.join('')}</${name}>`;
      if (child) out = out.slice(0, child.start) + text + out.slice(child.end);
      else {
        const rank = ORDER.indexOf(section);
        const after = root.children.find((c) => ORDER.indexOf(local(c.name) as Section) > rank);
        const at = after ? after.start : root.rootCloseStart;
        out = out.slice(0, at) + text + out.slice(at);
      }
    }
    return out;
  }
}

/** A font element with bold on (`<b/>` first, where CT_Font's sequence allows any order of its choices). */
function boldFont(font: string, p: string): string {
  if (new RegExp(`<${p}b(\\s|/|>)`).test(font)) return font;
  if (font.endsWith('/>')) return `${font.slice(0, -2)}><${p}b/></${p}font>`;
  const open = /^<[^>]*>/.exec(font)![0];
  return `${open}<${p}b/>${font.slice(open.length)}`;
}
