/**
 * What Excel checks when it opens a package and "repairs" it when broken, as far as it can be checked without Excel:
 * there is no OOXML schema beside the repository, so the rules are written from ECMA-376 Part 1 (the element order
 * of CT_Worksheet §18.3.1.99 and CT_Stylesheet §18.8.39, the counts and indexes of styles §18.8, rows and cells
 * §18.3.1.73 / §18.3.1.4, shared formulas §18.3.1.40) and Part 2 (OPC: every part has a content type, every internal
 * relationship resolves). Each problem is one line naming the part, so a failing test says what Excel would repair.
 */
import { parseDocument } from 'htmlparser2';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
const isTag = (n: ChildNode): n is Element => n.type === 'tag';

/** CT_Worksheet's sequence: a child out of this order makes Excel repair the sheet. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
/** CT_Stylesheet's sequence. */
const STYLES_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
/** Style lists whose `count` attribute must equal their children. */
const COUNTED = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];

const local = (n: string) => n.slice(n.indexOf(':') + 1);
const elements = (nodes: ChildNode[]): Element[] => nodes.filter(isTag);
const childrenNamed = (e: Element, name: string) => elements(e.children).filter((c) => local(c.name) === name);
const root = (xml: string): Element | undefined => elements(parseDocument(xml, { xmlMode: true }).children)[0];

function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** Children of the main namespace in the order the schema wants; markup-compatibility blocks are skipped. */
function checkOrder(part: string, e: Element, order: string[], problems: string[]): void {
  let last = -1;
  for (const c of elements(e.children)) {
    if (c.name.includes(':') && !c.name.startsWith(e.name.split(':')[0] + ':')) continue; // mc:AlternateContent, x14ac:…
    const at = order.indexOf(local(c.name));
    if (at < 0) problems.push(`${part}: unknown child <${c.name}>`);
    else if (at < last) problems.push(`${part}: <${local(c.name)}> after <${order[last]}>`);
    else if (at === last && local(c.name) !== 'conditionalFormatting') problems.push(`${part}: <${local(c.name)}> twice`);
    last = Math.max(last, at);
  }
}

export function worksheetProblems(part: string, xml: string, cellXfs: number, dxfs: number): string[] {
  const problems: string[] = [];
  const ws = root(xml);
  if (!ws || local(ws.name) !== 'worksheet') return [`${part}: no <worksheet> root`];
  checkOrder(part, ws, WORKSHEET_ORDER, problems);
  const sheetData = childrenNamed(ws, 'sheetData')[0];
  if (!sheetData) problems.push(`${part}: no <sheetData>`);
  let lastRow = 0;
  const masters = new Map<string, string>();
  const children: { si: string; ref: string }[] = [];
  for (const row of sheetData ? childrenNamed(sheetData, 'row') : []) {
    const r = Number(row.attribs.r ?? lastRow + 1);
    if (!(r > lastRow)) problems.push(`${part}: row ${r} after row ${lastRow}`);
    lastRow = r;
    let lastCol = 0;
    for (const c of childrenNamed(row, 'c')) {
      const ref = c.attribs.r;
      const col = ref ? columnOf(ref) : lastCol + 1;
      if (ref && Number(ref.replace(/^[A-Z]+/i, '')) !== r) problems.push(`${part}: cell ${ref} inside row ${r}`);
      if (!(col > lastCol)) problems.push(`${part}: cell ${ref} out of column order in row ${r}`);
      lastCol = col;
      if (c.attribs.s !== undefined && !(Number(c.attribs.s) < cellXfs)) problems.push(`${part}: cell ${ref} uses style ${c.attribs.s} of ${cellXfs}`);
      const f = childrenNamed(c, 'f')[0];
      if (f?.attribs.t === 'shared' && f.attribs.si !== undefined) {
        if (f.attribs.ref) masters.set(f.attribs.si, f.attribs.ref);
        else children.push({ si: f.attribs.si, ref: ref ?? '' });
      }
    }
  }
  for (const child of children) if (!masters.has(child.si)) problems.push(`${part}: shared formula ${child.si} at ${child.ref} has no master cell`);
  const merges = childrenNamed(ws, 'mergeCells')[0];
  if (merges && merges.attribs.count !== undefined && Number(merges.attribs.count) !== childrenNamed(merges, 'mergeCell').length)
    problems.push(`${part}: mergeCells count ${merges.attribs.count} ≠ ${childrenNamed(merges, 'mergeCell').length}`);
  const priorities = new Set<string>();
  for (const block of childrenNamed(ws, 'conditionalFormatting')) {
    if (!block.attribs.sqref) problems.push(`${part}: conditionalFormatting without sqref`);
    for (const rule of childrenNamed(block, 'cfRule')) {
      if (rule.attribs.dxfId !== undefined && !(Number(rule.attribs.dxfId) < dxfs)) problems.push(`${part}: rule uses dxf ${rule.attribs.dxfId} of ${dxfs}`);
      if (rule.attribs.type === 'expression' && childrenNamed(rule, 'formula').length === 0) problems.push(`${part}: expression rule without formula`);
      if (priorities.has(rule.attribs.priority)) problems.push(`${part}: two rules with priority ${rule.attribs.priority}`);
      priorities.add(rule.attribs.priority);
    }
  }
  return problems;
}

export function stylesProblems(xml: string): { problems: string[]; cellXfs: number; dxfs: number } {
  const problems: string[] = [];
  const ss = root(xml)!;
  checkOrder('styles.xml', ss, STYLES_ORDER, problems);
  for (const name of COUNTED) {
    const list = childrenNamed(ss, name)[0];
    if (list?.attribs.count !== undefined && Number(list.attribs.count) !== elements(list.children).length)
      problems.push(`styles.xml: <${name} count="${list.attribs.count}"> has ${elements(list.children).length}`);
  }
  const ids = childrenNamed(childrenNamed(ss, 'numFmts')[0] ?? ss, 'numFmt').map((f) => f.attribs.numFmtId);
  if (new Set(ids).size !== ids.length) problems.push('styles.xml: a numFmtId used twice');
  const count = (name: string) => elements(childrenNamed(ss, name)[0]?.children ?? []).length;
  for (const xf of elements(childrenNamed(ss, 'cellXfs')[0]?.children ?? [])) {
    for (const [attr, list] of [['fontId', 'fonts'], ['fillId', 'fills'], ['borderId', 'borders']] as const)
      if (xf.attribs[attr] !== undefined && !(Number(xf.attribs[attr]) < count(list))) problems.push(`styles.xml: xf ${attr} ${xf.attribs[attr]} of ${count(list)}`);
  }
  return { problems, cellXfs: count('cellXfs'), dxfs: count('dxfs') };
}

/** A part's text: UTF-8, or UTF-16 after its byte order mark (OPC allows both). */
const textOf = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe ? b.toString('utf16le').replace(/^\uFEFF/, '') : b.toString('utf8'));

/** A part by name, ignoring case (OPC part names are case-insensitive). */
function partNamed(parts: Map<string, Buffer>, name: string): [string, Buffer] | undefined {
  const lower = name.toLowerCase();
  for (const entry of parts) if (entry[0].toLowerCase() === lower) return entry;
  return undefined;
}

/** The parts `source`'s relationships of a type (last segment of the Type URI) point at, as stored. */
function relTargets(parts: Map<string, Buffer>, source: string, type: string): string[] {
  const rels = partNamed(parts, source.replace(/([^/]*)$/, '_rels/$1.rels'));
  if (!rels) return [];
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  return childrenNamed(root(textOf(rels[1]))!, 'Relationship')
    .filter((r) => r.attribs.TargetMode !== 'External' && r.attribs.Type?.endsWith(`/${type}`))
    .map((r) => (r.attribs.Target.startsWith('/') ? r.attribs.Target.slice(1) : resolvePath(base, r.attribs.Target)))
    .map((t) => partNamed(parts, t)?.[0] ?? t);
}

/** The workbook part, as the package's root relationships name it. */
const workbookOf = (parts: Map<string, Buffer>) => relTargets(parts, '', 'officeDocument')[0] ?? 'xl/workbook.xml';

/** OPC: every part has a content type; every internal relationship points at a part; workbook sheets are unique. */
export function packageProblems(parts: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const types = root(parts.get('[Content_Types].xml')!.toString('utf8'))!;
  const defaults = new Set(childrenNamed(types, 'Default').map((d) => d.attribs.Extension.toLowerCase()));
  const overrides = new Set(childrenNamed(types, 'Override').map((o) => o.attribs.PartName.toLowerCase()));
  const lower = new Set([...parts.keys()].map((p) => p.toLowerCase()));
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(`/${name.toLowerCase()}`) && !defaults.has(ext)) problems.push(`${name}: no content type`);
  }
  for (const o of overrides) if (!lower.has(o.slice(1))) problems.push(`[Content_Types].xml: override for missing ${o}`);
  for (const [name, data] of parts) {
    if (!name.endsWith('.rels')) continue;
    const base = name.replace(/_rels\/[^/]+\.rels$/, '');
    for (const rel of childrenNamed(root(textOf(data))!, 'Relationship')) {
      if (rel.attribs.TargetMode === 'External') continue;
      const target = rel.attribs.Target.startsWith('/') ? rel.attribs.Target.slice(1) : resolvePath(base, rel.attribs.Target);
      if (!lower.has(decodeURI(target).toLowerCase())) problems.push(`${name}: ${rel.attribs.Id} → missing ${target}`);
    }
  }
  const wbName = workbookOf(parts);
  const wb = root(textOf(partNamed(parts, wbName)![1]))!;
  const sheets = elements(childrenNamed(wb, 'sheets')[0]?.children ?? []);
  const names = sheets.map((s) => s.attribs.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`${wbName}: two sheets with one name`);
  if (names.some((n) => n.length === 0 || n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n))) problems.push(`${wbName}: a sheet name Excel refuses`);
  const ids = sheets.map((s) => s.attribs.sheetId);
  if (new Set(ids).size !== ids.length) problems.push(`${wbName}: two sheets with one sheetId`);
  for (const dn of elements(childrenNamed(wb, 'definedNames')[0]?.children ?? []))
    if (dn.attribs.localSheetId !== undefined && !(Number(dn.attribs.localSheetId) < sheets.length)) problems.push(`${wbName}: name ${dn.attribs.name} on sheet ${dn.attribs.localSheetId}`);
  return problems;
}

function resolvePath(base: string, target: string): string {
  const out = base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Every problem Excel would repair in a saved package (its parts unzipped). */
export function excelProblems(parts: Map<string, Buffer>): string[] {
  const workbook = workbookOf(parts);
  const styles = partNamed(parts, relTargets(parts, workbook, 'styles')[0] ?? 'xl/styles.xml')?.[1];
  const { problems, cellXfs, dxfs } = styles ? stylesProblems(textOf(styles)) : { problems: [], cellXfs: 1, dxfs: 0 };
  problems.push(...packageProblems(parts));
  // The worksheets the workbook names, wherever they are (and any under xl/worksheets/).
  const sheets = new Set([...relTargets(parts, workbook, 'worksheet'), ...[...parts.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))]);
  for (const name of sheets) {
    const data = parts.get(name);
    if (data) problems.push(...worksheetProblems(name, textOf(data), cellXfs, dxfs));
  }
  return problems;
}
