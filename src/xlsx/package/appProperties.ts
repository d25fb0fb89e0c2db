/**
 * docProps/app.xml lists the workbook's parts for file browsers and document panes: TitlesOfParts holds the names
 * (worksheets, then chart sheets, named ranges …), HeadingPairs says how they are grouped ("Worksheets" 3, "Charts"
 * 1; a Chinese Excel writes "工作表"). Excel rewrites both when a sheet is added; we add the new worksheets to their
 * group, in tab order, and change nothing else of the part: every other byte, the group names and the other groups
 * stay as they were.
 *
 * The worksheet group is recognised by its titles, not by its (language-dependent) name: the group whose titles are
 * exactly the workbook's worksheets before the run. A part of another shape (no HeadingPairs, counts that do not add
 * up, a stale list written by some generator) is left alone: a wrong list would be worse than an old one, and the
 * part is informational (Excel reads the sheets from workbook.xml and rewrites app.xml when it saves).
 */
import type { Book } from './book';
import { parseRels, REL, resolveTarget } from './opc';
import { esc, local, scanXml, withAttrs } from './xml';

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

interface Group {
  /** The span of the group's count (the text inside `<vt:i4>`). */
  count: Span;
  size: number;
}

interface Title extends Span {
  name: string;
}

interface AppLists {
  groups: Group[];
  /** TitlesOfParts' `<vt:vector …>` open tag. */
  vector: Span | null;
  titles: Title[];
  /** The title element's tag name ("vt:lpstr"). */
  titleTag: string;
}

/** The HeadingPairs counts and the TitlesOfParts entries, with where each is in the text. */
function readLists(xml: string): AppLists {
  const out: AppLists = { groups: [], vector: null, titles: [], titleTag: 'vt:lpstr' };
  const path: string[] = [];
  let text = '';
  let textFrom = -1;
  let openStart = -1;
  scanXml(xml, {
    open(name, _a, start, end) {
      openStart = start;
      const n = local(name);
      if (path[path.length - 1] === 'TitlesOfParts' && n === 'vector') out.vector = { start, end: end + 1 };
      if (path[path.length - 1] === 'vector' && path.includes('TitlesOfParts')) out.titleTag = name;
      path.push(n);
      text = '';
      textFrom = end + 1;
    },
    text(t) {
      text += t;
    },
    close(name, start, end) {
      const n = local(name);
      const inHeading = path.includes('HeadingPairs');
      const inTitles = path.includes('TitlesOfParts');
      path.pop();
      if (inHeading && n === 'i4') out.groups.push({ count: { start: textFrom, end: start }, size: Number(text.trim()) });
      if (inTitles && n === 'lpstr') {
        // `<vt:lpstr/>` closes on its own open tag: its span is that tag.
        out.titles.push({ name: start < textFrom ? '' : text, start: openStart, end: end + 1 });
      }
    },
  });
  return out;
}

/**
 * app.xml with the worksheets `after` (tab order) listed in place of `before`, or null when the part does not have
 * the expected shape (then it is left as it is).
 */
export function withWorksheetTitles(xml: string, before: string[], after: string[]): string | null {
  const { groups, vector, titles, titleTag } = readLists(xml);
  if (!vector || groups.length === 0 || groups.some((g) => !Number.isInteger(g.size) || g.size < 0)) return null;
  if (groups.reduce((s, g) => s + g.size, 0) !== titles.length) return null;
  let offset = 0;
  let sheets: Group | null = null;
  let first = 0;
  for (const g of groups) {
    const names = titles.slice(offset, offset + g.size).map((t) => t.name);
    if (!sheets && g.size === before.length && names.every((n, i) => n === before[i])) {
      sheets = g;
      first = offset;
    }
    offset += g.size;
  }
  // HeadingPairs comes before TitlesOfParts (CT_Properties' order): the edits below rely on it.
  if (!sheets || before.length === 0 || sheets.count.end > vector.start) return null;
  // Existing entries keep their exact text; new ones are written like them.
  const raw = new Map(titles.slice(first, first + before.length).map((t) => [t.name, xml.slice(t.start, t.end)]));
  const list = after.map((n) => raw.get(n) ?? `<${titleTag}>${esc(n)}</${titleTag}>`).join('');
  const from = titles[first].start;
  const to = titles[first + before.length - 1].end;
  const size = String(titles.length - before.length + after.length);
  const openTag = withAttrs(xml.slice(vector.start, vector.end), { size });
  // Edits from the end of the text backwards, so the earlier spans stay valid.
  let out = xml.slice(0, from) + list + xml.slice(to);
  out = out.slice(0, vector.start) + openTag + out.slice(vector.end);
  return out.slice(0, sheets.count.start) + String(after.length) + out.slice(sheets.count.end);
}

/** The app.xml part of the package (from the package relationships), or null. */
async function appPart(book: Book): Promise<string | null> {
  const rel = parseRels(await book.zip.text('_rels/.rels')).find((r) => r.type === REL.extendedProperties && !r.external);
  return rel ? resolveTarget('', rel.target) : null;
}

/** Lists the worksheets added since `before` in docProps/app.xml, as Excel does on save; leaves an unexpected part alone. */
export async function updateAppProperties(book: Book, before: string[]): Promise<void> {
  const after = book.sheets.map((s) => s.name);
  if (after.length === before.length) return;
  const part = await appPart(book);
  const xml = part === null ? null : await book.zip.text(part);
  if (part === null || xml === null) return;
  const updated = withWorksheetTitles(xml, before, after);
  if (updated !== null && updated !== xml) book.zip.write(part, updated);
}
