/**
 * Which parts a command may rewrite, found by following the package's own relationships (absolute, relative,
 * `../` targets and any letter case), and the entries of a zip as zip.js reads them.
 */
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';

const relsOf = (part: string) => part.replace(/([^/]*)$/, '_rels/$1.rels');

function resolve(source: string, uri: string): string {
  const target = decodeURIComponent(uri);
  if (target.startsWith('/')) return target.slice(1);
  const base = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The part's relationships: type (last path segment) and resolved target. */
function rels(parts: Map<string, Buffer>, part: string): { type: string; target: string }[] {
  const xml = get(parts, relsOf(part))?.toString('utf8') ?? '';
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\s${n}=["']([^"']*)["']`).exec(m[0])?.[1] ?? '';
    return { type: attr('Type').slice(attr('Type').lastIndexOf('/') + 1), target: resolve(part, attr('Target')) };
  });
}

/** A part by name, ignoring case (OPC part names are case-insensitive). */
function get(parts: Map<string, Buffer>, name: string): Buffer | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of parts) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The workbook part, as the package's root relationships name it. */
export function workbookPartOf(parts: Map<string, Buffer>): string {
  return rels(parts, '').find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
}

/**
 * Lower-cased names of the parts a command may change: content types, the workbook part, its rels and styles,
 * the document's properties when it adds sheets, and (for a command that edits the host sheet) that sheet, its
 * rels and its notes' parts, in either version.
 */
export function allowedParts(hostPart: string | null, addsSheets: boolean, ...versions: Map<string, Buffer>[]): Set<string> {
  const out = new Set<string>(['[content_types].xml']);
  for (const parts of versions) {
    // docProps/app.xml lists the worksheets by name.
    if (addsSheets) for (const r of rels(parts, '')) if (r.type === 'extended-properties') out.add(r.target.toLowerCase());
    const book = workbookPartOf(parts);
    out.add(book.toLowerCase()).add(relsOf(book).toLowerCase());
    for (const r of rels(parts, book)) if (r.type === 'styles') out.add(r.target.toLowerCase());
    if (!hostPart) continue;
    out.add(hostPart.toLowerCase()).add(relsOf(hostPart).toLowerCase());
    for (const r of rels(parts, hostPart)) if (r.type === 'comments' || r.type === 'vmlDrawing') out.add(r.target.toLowerCase());
  }
  return out;
}

/** Every entry's uncompressed bytes, by name (folder entries left out), through zip.js. */
export async function entriesOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(bytes)));
  const out = new Map<string, Buffer>();
  for (const e of await reader.getEntries()) if (!e.directory) out.set(e.filename, Buffer.from(await e.getData!(new Uint8ArrayWriter())));
  return out;
}

/**
 * Form controls and OLE objects whose shapeId names no shape of their sheet's VML drawing (`shapeId="1025"` is
 * `<v:shape id="_x0000_s1025">`): Excel drops such a control when it opens the file.
 */
export function controlShapeProblems(parts: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const sheet of rels(parts, workbookPartOf(parts)).filter((r) => r.type === 'worksheet').map((r) => r.target)) {
    const xml = get(parts, sheet)?.toString('utf8') ?? '';
    const ids = [...xml.matchAll(/<(?:\w+:)?(?:control|oleObject)\b[^>]*\sshapeId=["'](\d+)["']/g)].map((m) => m[1]);
    if (ids.length === 0) continue;
    const vml = rels(parts, sheet)
      .filter((r) => r.type === 'vmlDrawing')
      .map((r) => get(parts, r.target)?.toString('utf8') ?? '')
      .join('');
    for (const id of ids) if (!vml.includes(`id="_x0000_s${id}"`)) problems.push(`${sheet}: shapeId ${id} has no VML shape`);
  }
  return problems;
}
