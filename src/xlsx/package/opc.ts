/**
 * Open Packaging Conventions: relationships (`_rels/*.rels`) and content types (`[Content_Types].xml`).
 * Edits add or remove single elements and keep the rest of the part's text as it was.
 */
import { rootChildren, scanXml, startTag } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  strictOfficeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
  customXmlProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  macroWorkbook: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** As written (relative to the source part's folder, or absolute from the package root with a leading "/"). */
  target: string;
  external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target's percent-escapes decoded ("%20" → " "): targets are URIs, zip entries carry the plain name. */
function unescapeUri(target: string): string {
  try {
    return target.includes('%') ? decodeURIComponent(target) : target;
  } catch {
    return target;
  }
}

/** A relationship target resolved to a part name (no leading slash). */
export function resolveTarget(sourcePart: string, uri: string): string {
  const target = unescapeUri(uri);
  if (target.startsWith('/')) return target.slice(1);
  const base = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/')).split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** A part name as a target relative to `sourcePart`'s folder ("xl/comments1.xml" from a sheet: "../comments1.xml"). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/**
 * The relationship id on an element that has one (`<sheet r:id>`, `<legacyDrawing r:id>`), whatever prefix its
 * writer gave the relationships namespace (`r:id`, `rel:id`, `d2p1:id`): these elements have no other `…:id`.
 */
export function relId(attrs: Record<string, string>): string | undefined {
  if (attrs['r:id'] !== undefined) return attrs['r:id'];
  for (const k in attrs) if (k.endsWith(':id')) return attrs[k];
  return undefined;
}

export function parseRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  scanXml(xml, {
    open(name, a) {
      if (name.endsWith('Relationship') && a.Id !== undefined)
        out.push({ id: a.Id, type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
    },
  });
  return out;
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** A new relationship id not used in `rels`: rId1, rId2, … */
export function freeRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** The rels part with one relationship added (the part is made when there was none). */
export function addRel(xml: string | null, rel: Relationship): string {
  const text = xml ?? EMPTY_RELS;
  const { rootCloseStart } = rootChildren(text);
  const el = startTag('Relationship', { Id: rel.id, Type: rel.type, Target: rel.target, ...(rel.external ? { TargetMode: 'External' } : {}) }, true);
  return text.slice(0, rootCloseStart) + el + text.slice(rootCloseStart);
}

/** The rels part without the relationships whose id is in `ids`. */
export function removeRels(xml: string, ids: Set<string>): string {
  const { children } = rootChildren(xml);
  let out = xml;
  for (const c of [...children].reverse()) if (ids.has(c.attrs.Id)) out = out.slice(0, c.start) + out.slice(c.end);
  return out;
}

/** [Content_Types].xml edits: an Override per part, a Default per extension. */
export function addOverride(xml: string, part: string, contentType: string): string {
  const partName = `/${part}`;
  const { children, rootCloseStart } = rootChildren(xml);
  if (children.some((c) => c.attrs.PartName?.toLowerCase() === partName.toLowerCase())) return xml;
  return xml.slice(0, rootCloseStart) + startTag('Override', { PartName: partName, ContentType: contentType }, true) + xml.slice(rootCloseStart);
}

export function addDefault(xml: string, extension: string, contentType: string): string {
  const { children, rootOpenEnd } = rootChildren(xml);
  if (children.some((c) => c.attrs.Extension?.toLowerCase() === extension.toLowerCase())) return xml;
  // Defaults come first by convention; after the root's start tag is always valid.
  return xml.slice(0, rootOpenEnd) + startTag('Default', { Extension: extension, ContentType: contentType }, true) + xml.slice(rootOpenEnd);
}

export function removeOverride(xml: string, part: string): string {
  const partName = `/${part}`.toLowerCase();
  const { children } = rootChildren(xml);
  const hit = children.find((c) => c.attrs.PartName?.toLowerCase() === partName);
  return hit ? xml.slice(0, hit.start) + xml.slice(hit.end) : xml;
}

/** The content type of a part: its Override, else the Default of its extension. */
export function contentTypeOf(xml: string, part: string): string | undefined {
  const { children } = rootChildren(xml);
  const partName = `/${part}`.toLowerCase();
  const o = children.find((c) => c.attrs.PartName?.toLowerCase() === partName);
  if (o) return o.attrs.ContentType;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return children.find((c) => c.attrs.Extension?.toLowerCase() === ext)?.attrs.ContentType;
}

