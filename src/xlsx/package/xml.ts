/**
 * XML through htmlparser2 (XML mode): element events with their exact positions in the source text, so that a
 * part can be rewritten by copying every untouched byte range as it was and replacing only what a plan changes.
 * Names keep their namespace prefix (`x:row`); `local()` drops it for matching.
 */
import { Parser, Tokenizer } from 'htmlparser2';

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  /** `start`/`end`: the open tag's first and last character (inclusive). */
  open?(name: string, attrs: Attrs, start: number, end: number): void;
  /** `start`/`end`: the close tag's span; for `<a/>` the same span as the open tag. */
  close?(name: string, start: number, end: number): void;
  text?(text: string): void;
}

/** Runs the handlers over the whole text (entities decoded in attributes and text). */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  const parser: Parser = new Parser(
    {
      onopentag: handlers.open ? (name, attrs) => handlers.open!(name, attrs, parser.startIndex, parser.endIndex) : undefined,
      onclosetag: handlers.close ? (name) => handlers.close!(name, parser.startIndex, parser.endIndex) : undefined,
      ontext: handlers.text,
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}

/** An element's escaped text content as text (entities and character references decoded by the parser). */
export function unescapeText(escaped: string): string {
  if (!escaped.includes('&')) return escaped;
  let out = '';
  scanXml(`<t>${escaped}</t>`, { text: (t) => (out += t) });
  return out;
}

/** "x:row" → "row". */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** "x:row" → "x:" (the prefix to give new sibling elements), "" when unprefixed. */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or attribute value, escaped. Characters XML 1.0 forbids (C0 controls but tab/CR/LF) are written as Excel does: _xHHHH_. */
export function esc(s: string): string {
  return s
    .replace(/[&<>"]/g, (c) => ESCAPES[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

/** `<name a="1" b="2">` (or `/>` when `selfClose`), attributes in the given order. */
export function startTag(name: string, attrs: Attrs, selfClose = false): string {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs)) s += ` ${k}="${esc(v)}"`;
  return s + (selfClose ? '/>' : '>');
}

/** One element's start tag: its name, attributes and whether it closes itself (`<a x="1"/>`). */
export function parseStartTag(tag: string): { name: string; attrs: Attrs; selfClose: boolean } {
  let name = '';
  let attrs: Attrs = {};
  scanXml(tag.endsWith('/>') ? tag : `${tag.slice(0, -1)}/>`, {
    open(n, a) {
      if (name) return;
      name = n;
      attrs = a;
    },
  });
  return { name, attrs, selfClose: tag.endsWith('/>') };
}

/**
 * A start tag with some attributes set (value) or removed (null); the others keep their order. Used on a few
 * small tags (a row, a cell, an xf, calcPr), never on bulk content.
 */
export function withAttrs(tag: string, changes: Record<string, string | null>): string {
  const { name, attrs, selfClose } = parseStartTag(tag);
  const next: Attrs = {};
  for (const [k, v] of Object.entries(attrs)) if (!(k in changes)) next[k] = v;
  for (const [k, v] of Object.entries(changes)) if (v !== null) next[k] = v;
  // Keep the original order for attributes that stay; changed ones take their old place when they had one.
  const ordered: Attrs = {};
  for (const k of Object.keys(attrs)) if (k in next) ordered[k] = next[k];
  for (const k of Object.keys(next)) if (!(k in ordered)) ordered[k] = next[k];
  return startTag(name, ordered, selfClose);
}

/** A direct child of a root element: its name and where it is in the text ([start, end) ). */
export interface ChildSpan {
  name: string;
  start: number;
  end: number;
  attrs: Attrs;
}

/** The root element's start tag span and its direct children, from one pass over a (small) part. */
export function rootChildren(xml: string): { rootName: string; rootOpenEnd: number; rootCloseStart: number; children: ChildSpan[] } {
  let depth = 0;
  let rootName = '';
  let rootOpenEnd = -1;
  let rootCloseStart = xml.length;
  const children: ChildSpan[] = [];
  let current: ChildSpan | null = null;
  scanXml(xml, {
    open(name, attrs, start, end) {
      depth++;
      if (depth === 1) {
        rootName = name;
        rootOpenEnd = end + 1;
      } else if (depth === 2) current = { name, start, end: end + 1, attrs };
    },
    close(_name, start, end) {
      if (depth === 2 && current) {
        current.end = end + 1;
        children.push(current);
        current = null;
      } else if (depth === 1) rootCloseStart = start;
      depth--;
    },
  });
  return { rootName, rootOpenEnd, rootCloseStart, children };
}

const NO_ATTRS: Attrs = Object.freeze({}) as Attrs;

export interface TagHandlers {
  /** `localName`: the name without its prefix (found once per tag here, so the handler need not). */
  open(name: string, attrs: Attrs, start: number, end: number, localName: string): void;
  close(name: string, start: number, end: number, localName: string): void;
  /** Text between tags as a range of the source ([start, end)), or a decoded entity. */
  text(start: number, end: number): void;
  entity(char: string): void;
}

/** Where tag handlers read text from: a whole string, or a part's pieces as they stream (tagStream.ts). */
export interface TagText {
  slice(from: number, to: number): string;
}

/** A whole string as TagText. */
export function wholeTagText(xml: string): TagText {
  return { slice: (from, to) => xml.slice(from, to) };
}

/** What scanTagTokens drives: the tokenizer to write text to, and how far the text has been read. */
export interface TagTokens {
  tokenizer: Tokenizer;
  /** Where the text the tokenizer may still hand out starts: what lies before it is never sliced again. */
  readTo(): number;
}

/**
 * scanXml for big parts (a 100,000-row sheet): htmlparser2's tokenizer driven directly, so that attributes are
 * collected only for the elements named in `withAttrs` (by local name) and text is never copied unless the
 * handler asks. Expects well-formed XML, as every spreadsheet part is.
 */
export function scanTags(xml: string, h: TagHandlers, withAttrs: ReadonlySet<string>): void {
  const { tokenizer } = scanTagTokens(wholeTagText(xml), h, withAttrs);
  tokenizer.write(xml);
  tokenizer.end();
}

/**
 * The tokenizer behind scanTags, for text written to it whole or in pieces: its positions are offsets into the
 * whole text either way (a name or a value cut between two pieces is read from both through `xml`).
 */
export function scanTagTokens(xml: TagText, h: TagHandlers, withAttrs: ReadonlySet<string>): TagTokens {
  let tagName = '';
  let tagLocal = '';
  let tagStart = 0;
  let attrs: Attrs = NO_ATTRS;
  let collecting = false;
  let attrName = '';
  let attrValue = '';
  /** The end of the last stretch handed out (every later one starts at or after it). */
  let readTo = 0;
  const stack: string[] = [];
  const localStack: string[] = [];
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      onopentagname(start, end) {
        readTo = end;
        tagName = xml.slice(start, end);
        const colon = tagName.indexOf(':');
        tagLocal = colon < 0 ? tagName : tagName.slice(colon + 1);
        tagStart = start - 1;
        collecting = withAttrs.has(tagLocal);
        attrs = collecting ? {} : NO_ATTRS;
      },
      onattribname(start, end) {
        readTo = end;
        if (!collecting) return;
        attrName = xml.slice(start, end);
        attrValue = '';
      },
      onattribdata(start, end) {
        readTo = end;
        if (collecting) attrValue += xml.slice(start, end);
      },
      onattribentity(cp) {
        if (collecting) attrValue += String.fromCodePoint(cp);
      },
      onattribend(_quote, end) {
        readTo = end;
        if (collecting) attrs[attrName] = attrValue;
      },
      onopentagend(end) {
        readTo = end;
        stack.push(tagName);
        localStack.push(tagLocal);
        h.open(tagName, attrs, tagStart, end, tagLocal);
      },
      onselfclosingtag(end) {
        readTo = end;
        h.open(tagName, attrs, tagStart, end, tagLocal);
        h.close(tagName, tagStart, end, tagLocal);
      },
      onclosetag(start, end) {
        readTo = end;
        const name = stack.pop() ?? xml.slice(start, end);
        h.close(name, start - 2, end, localStack.pop() ?? local(name));
      },
      ontext(start, end) {
        readTo = end;
        h.text(start, end);
      },
      ontextentity(cp, end) {
        readTo = end;
        h.entity(String.fromCodePoint(cp));
      },
      oncdata(start, end, offset) {
        readTo = end;
        h.text(start, end - offset);
      },
      oncomment: (_start, end) => void (readTo = end),
      ondeclaration: (_start, end) => void (readTo = end),
      onprocessinginstruction: (_start, end) => void (readTo = end),
      onend: () => undefined,
    },
  );
  return { tokenizer, readTo: () => readTo };
}
