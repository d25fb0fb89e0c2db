/**
 * Edits of workbook.xml and its neighbours: registering a new sheet (tab position, relationship, content type,
 * the index-based references that follow it), asking for a full recalculation on open, and dropping calcChain.
 */
import type { Book, SheetEntry } from './book';
import { addOverride, addRel, CONTENT_TYPE, freeRelId, REL, relativeTarget, removeOverride, removeRels, resolveTarget } from './opc';
import { esc, local, rootChildren, scanXml, startTag, withAttrs } from './xml';

const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

interface SheetTag {
  name: string;
  start: number;
  end: number;
  attrs: Record<string, string>;
}

/** The `<sheet>` elements of workbook.xml in tab order (chart sheets included: positions count them). */
function sheetTags(xml: string): SheetTag[] {
  const out: SheetTag[] = [];
  scanXml(xml, {
    open(name, a, start, end) {
      if (local(name) === 'sheet') out.push({ name: a.name ?? '', start, end: end + 1, attrs: a });
    },
  });
  return out;
}

/** A part name like `template` not yet in the package: "xl/worksheets/sheet3.xml" → "…/sheet4.xml" when taken. */
export function freePartName(book: Book, template: string): string {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(template)!;
  const taken = (name: string) => book.zip.has(name) || book.zip.names().some((n) => n.toLowerCase() === name.toLowerCase());
  if (!m[2] && !taken(template)) return template;
  let n = Number(m[2] || 1);
  while (taken(`${m[1]}${n}${m[3]}`)) n++;
  return `${m[1]}${n}${m[3]}`;
}

/** Tab position of a sheet by name among all `<sheet>` elements, or -1. */
export function tabIndex(book: Book, name: string): number {
  return sheetTags(book.workbookXml).findIndex((t) => t.name === name);
}

/**
 * Registers worksheet part `part` as sheet `name`, right after the sheet `after` (else last). Sheet-scoped
 * defined names and the active/first tab are numbered by position: those at or after the new one move by one.
 */
export function registerSheet(book: Book, name: string, part: string, after: string | undefined): SheetEntry {
  const tags = sheetTags(book.workbookXml);
  const rels = book.workbookRels();
  const rid = freeRelId(rels);
  const sheetId = Math.max(0, ...tags.map((t) => Number(t.attrs.sheetId) || 0)) + 1;
  const anchor = after === undefined ? -1 : tags.findIndex((t) => t.name === after);
  const at = anchor >= 0 ? anchor + 1 : tags.length;
  const ridAttr = Object.keys(tags[0]?.attrs ?? {}).find((k) => k.endsWith(':id')) ?? 'r:id';
  const tagName = /^<([\w:]+)/.exec(book.workbookXml.slice(tags[0]?.start ?? 0))?.[1] ?? 'sheet';
  const el = startTag(tags.length > 0 ? tagName : 'sheet', { name, sheetId: String(sheetId), [ridAttr]: rid }, true);
  let xml = book.workbookXml;
  if (tags.length === 0) throw new Error('workbook without sheets');
  const insertAt = at < tags.length ? tags[at].start : tags[tags.length - 1].end;
  xml = xml.slice(0, insertAt) + el + xml.slice(insertAt);
  xml = shiftPositions(xml, at);
  book.workbookXml = xml;
  book.workbookRelsXml = addRel(book.workbookRelsXml || null, { id: rid, type: REL.worksheet, target: relativeTarget(book.workbookPart, part), external: false });
  book.contentTypes = addOverride(book.contentTypes, part, CONTENT_TYPE.worksheet);
  const entry: SheetEntry = { name, sheetId, rid, part };
  // book.sheets lists worksheets only, in tab order.
  const before = new Set(sheetTags(xml).slice(0, at).map((t) => t.name));
  const pos = book.sheets.filter((s) => before.has(s.name)).length;
  book.sheets.splice(pos, 0, entry);
  return entry;
}

/** localSheetId, activeTab and firstSheet at or after `at` move up by one (a sheet was inserted there). */
function shiftPositions(xml: string, at: number): string {
  const edits: { start: number; end: number; text: string }[] = [];
  scanXml(xml, {
    open(name, a, start, end) {
      const n = local(name);
      const changes: Record<string, string> = {};
      if (n === 'definedName' && a.localSheetId !== undefined && Number(a.localSheetId) >= at) changes.localSheetId = String(Number(a.localSheetId) + 1);
      if (n === 'workbookView') {
        if (a.activeTab !== undefined && Number(a.activeTab) >= at) changes.activeTab = String(Number(a.activeTab) + 1);
        if (a.firstSheet !== undefined && Number(a.firstSheet) >= at) changes.firstSheet = String(Number(a.firstSheet) + 1);
      }
      if (Object.keys(changes).length > 0) edits.push({ start, end: end + 1, text: withAttrs(xml.slice(start, end + 1), changes) });
    },
  });
  for (const e of edits.reverse()) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
  return xml;
}

/** Print areas and print titles of sheet `from` repeated for the copy `to` (at tab position `toIndex`). */
export function copyPrintNames(book: Book, fromIndex: number, from: string, toIndex: number, to: string): void {
  const adds: string[] = [];
  let prefixed = '';
  scanXml(book.workbookXml, {
    open(name, a, start) {
      if (local(name) !== 'definedName' || Number(a.localSheetId) !== fromIndex || !/^_xlnm\.Print_(Area|Titles)$/.test(a.name ?? '')) return;
      prefixed = /^<([\w:]+)/.exec(book.workbookXml.slice(start))![1];
      adds.push(a.name!);
    },
  });
  if (adds.length === 0) return;
  const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const texts: Record<string, string> = {};
  let current: string | null = null;
  scanXml(book.workbookXml, {
    open: (name, a) => (current = local(name) === 'definedName' && Number(a.localSheetId) === fromIndex && adds.includes(a.name ?? '') ? a.name! : null),
    text: (t) => current && (texts[current] = (texts[current] ?? '') + t),
    close: () => (current = null),
  });
  const els = adds.map((n) => {
    const formula = texts[n].split(`${quoted(from)}!`).join(`${quoted(to)}!`).split(`${from}!`).join(`${quoted(to)}!`);
    return `${startTag(prefixed, { name: n, localSheetId: String(toIndex) })}${esc(formula)}</${prefixed}>`;
  });
  book.workbookXml = book.workbookXml.replace(/<\/[\w:]*definedNames>/, (close) => `${els.join('')}${close}`);
}

/** Excel recalculates every formula when the file is opened (cached results of copied or edited cells may be stale). */
export function requestFullCalc(book: Book): void {
  const { children } = rootChildren(book.workbookXml);
  const calc = children.find((c) => local(c.name) === 'calcPr');
  const xml = book.workbookXml;
  if (calc) {
    const open = /^<[^>]*>/.exec(xml.slice(calc.start, calc.end))![0];
    book.workbookXml = xml.slice(0, calc.start) + withAttrs(open, { fullCalcOnLoad: '1' }) + xml.slice(calc.start + open.length);
    return;
  }
  insertWorkbookChild(book, 'calcPr', (p) => `<${p}calcPr fullCalcOnLoad="1"/>`);
}

/** Adds a child of workbook.xml's root where CT_Workbook's order puts it (with the root children's prefix). */
export function insertWorkbookChild(book: Book, name: string, text: (prefix: string) => string): void {
  const xml = book.workbookXml;
  const { children, rootCloseStart } = rootChildren(xml);
  const p = children[0]?.name.includes(':') ? children[0].name.slice(0, children[0].name.indexOf(':') + 1) : '';
  const rank = WORKBOOK_ORDER.indexOf(name);
  const after = children.find((c) => WORKBOOK_ORDER.indexOf(local(c.name)) > rank);
  const at = after ? after.start : rootCloseStart;
  book.workbookXml = xml.slice(0, at) + text(p) + xml.slice(at);
}

/** Removes calcChain.xml with its relationship and content type: Excel rebuilds it; a stale one makes it repair the file. */
export function dropCalcChain(book: Book): void {
  const rel = book.workbookRels().find((r) => r.type === REL.calcChain);
  if (!rel) return;
  const part = resolveTarget(book.workbookPart, rel.target);
  book.zip.delete(part);
  book.workbookRelsXml = removeRels(book.workbookRelsXml, new Set([rel.id]));
  book.contentTypes = removeOverride(book.contentTypes, part);
}

/** A package without styles.xml (some generators leave it out) gets one when a plan needs formats. */
export function addStylesPart(book: Book): void {
  const part = freePartName(book, 'xl/styles.xml');
  const rels = book.workbookRels();
  book.workbookRelsXml = addRel(book.workbookRelsXml || null, { id: freeRelId(rels), type: REL.styles, target: relativeTarget(book.workbookPart, part), external: false });
  book.contentTypes = addOverride(book.contentTypes, part, CONTENT_TYPE.styles);
  book.stylesPart = part;
}
