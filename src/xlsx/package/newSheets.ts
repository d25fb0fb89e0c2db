/**
 * Sheets a plan makes: blank (the built sheets 绩效指标完成情况, 绩效运行监控) or a copy of another (next year's).
 * A copy is a new worksheet part with its own relationships; the parts it refers to are copied as new parts
 * (drawings with their charts, notes with their VML, printer settings; the charts then read the copy's cells),
 * pictures are shared, and what cannot be copied safely (Excel tables, whose names must be unique; pivot tables;
 * threaded comments) is reported.
 */
import type { Book } from './book';
import { moveChartRefs } from './chartRefs';
import { addOverride, addRel, contentTypeOf, parseRels, relativeTarget, relsPathOf, resolveTarget } from './opc';
import { newState, readSheet, type SheetState, wholeText } from './sheetState';
import type { SheetText } from './sheetText';
import { copyPrintNames, freePartName, registerSheet, tabIndex } from './workbookEdit';
import { local, rootChildren } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const BLANK_SHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">` +
  '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** Relationship types (last path segment) a copy leaves out, with what the report says about them. */
const NOT_COPIED: Record<string, string> = {
  table: 'Excel 表格对象（单元格已复制）/ Excel table objects (their cells are copied)',
  pivotTable: '数据透视表 / pivot tables',
  threadedComment: '线程批注（保留为普通批注）/ threaded comments (kept as notes)',
  slicer: '切片器 / slicers',
  timeline: '日程表 / timelines',
  queryTable: '查询表 / query tables',
};

export function blankSheet(book: Book, name: string, after: string | undefined): SheetState {
  const part = freePartName(book, 'xl/worksheets/sheet1.xml');
  const entry = registerSheet(book, name, part, after);
  book.zip.write(part, BLANK_SHEET); // reserves the name; the final text is written on save
  return newState(entry, { kind: 'text', xml: BLANK_SHEET }, { relsXml: null, notes: [], relsDirty: false });
}

/** A copy's charts read the copy's cells: their references to the source sheet move to the copy. */
interface SheetMove {
  from: string;
  to: string;
  /** The id block the copy's VML drawing was renumbered to: its form controls' shapeId follow. */
  vmlBlock?: number;
}

/** Chart parts (classic and chartex) by content type, whatever their names. */
const CHART_TYPE = /drawingml\.chart\+xml$|chartex\+xml$/;

/** Copies `part` (and, through its relationships, what it refers to) as new parts; pictures are shared. */
async function copyPartTree(book: Book, part: string, copies: Map<string, string>, move: SheetMove): Promise<string> {
  if (/^xl\/media\//i.test(part)) return part;
  const done = copies.get(part);
  if (done) return done;
  const copy = freePartName(book, part);
  copies.set(part, copy);
  let bytes = await book.zip.bytes(part);
  if (bytes && /\.vml$/i.test(part)) {
    move.vmlBlock = await nextVmlBlock(book);
    bytes = new TextEncoder().encode(renumberVml(new TextDecoder().decode(bytes), move.vmlBlock));
  }
  const type = contentTypeOf(book.contentTypes, part);
  if (bytes && type && CHART_TYPE.test(type)) bytes = new TextEncoder().encode(moveChartRefs(new TextDecoder().decode(bytes), move.from, move.to));
  book.zip.write(copy, bytes ?? new Uint8Array());
  if (type && !contentTypeOf(book.contentTypes, copy)) book.contentTypes = addOverride(book.contentTypes, copy, type);
  const rels = parseRels(await book.zip.text(relsPathOf(part)));
  if (rels.length > 0) {
    let xml: string | null = null;
    for (const r of rels) {
      const target = r.external ? r.target : relativeTarget(copy, await copyPartTree(book, resolveTarget(part, r.target), copies, move));
      xml = addRel(xml, { ...r, target });
    }
    book.zip.write(relsPathOf(copy), xml!);
  }
  return copy;
}

async function nextVmlBlock(book: Book): Promise<number> {
  let max = 0;
  for (const n of book.zip.names()) {
    if (!/\.vml$/i.test(n)) continue;
    const m = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec((await book.zip.text(n)) ?? '');
    for (const b of m ? m[1].split(/[\s,]+/) : []) max = Math.max(max, Number(b) || 0);
  }
  return max + 1;
}

/** Shape ids are unique in the workbook (block × 1024 + n): the copy takes a new block. */
const inBlock = (block: number, n: string) => block * 1024 + (Number(n) % 1024);

function renumberVml(vml: string, block: number): string {
  return vml
    .replace(/(<o:idmap\b[^>]*\bdata=")[^"]*"/, `$1${block}"`)
    .replace(/\b(id|spid)="_x0000_s(\d+)"/g, (_m, attr: string, n: string) => `${attr}="_x0000_s${inBlock(block, n)}"`);
}

/**
 * Sheet XML of a copy: never the selected tab; without the elements of relationships it does not keep; its form
 * controls and OLE objects naming the renumbered VML shapes (`<control shapeId="1025">` is `_x0000_s1025`).
 */
function copyXml(xml: string, dropped: Set<string>, vmlBlock: number | undefined): string {
  let out = xml.replace(/(<[\w:]*sheetView\b[^>]*?)\s+tabSelected=["'](?:1|true)["']/, '$1');
  if (vmlBlock !== undefined) out = out.replace(/(<[\w:]*(?:control|oleObject)\b[^>]*?\sshapeId=["'])(\d+)/g, (_m, head: string, n: string) => `${head}${inBlock(vmlBlock, n)}`);
  if (dropped.size === 0) return out;
  const { children } = rootChildren(out);
  for (const c of [...children].reverse()) {
    const n = local(c.name);
    if (n === 'tableParts' && [...dropped].some((id) => out.slice(c.start, c.end).includes(`"${id}"`))) out = out.slice(0, c.start) + out.slice(c.end);
  }
  return out;
}

/** Marks where the rows go while the rest of a sheet's text is edited as one document. */
const ROWS_MARK = '<!--budget-exec: rows-->';

/**
 * A copy whose rows are read from its source's text as the copy is written (a 100,000-row copy is not held): the
 * text around the rows is edited as a document with no rows (copyXml's edits are all outside the rows).
 */
function copiedAround(text: SheetText, edit: (xml: string) => string): (() => AsyncIterable<string>) | null {
  const outside = text.outside();
  if (!outside || outside.head.includes(ROWS_MARK) || outside.tail.includes(ROWS_MARK)) return null;
  const edited = edit(outside.head + ROWS_MARK + outside.tail);
  const at = edited.indexOf(ROWS_MARK);
  if (at < 0 || edited.includes(ROWS_MARK, at + 1)) return null;
  const head = edited.slice(0, at);
  const tail = edited.slice(at + ROWS_MARK.length);
  return () => text.around(head, tail);
}

export async function copySheet(book: Book, source: SheetState, name: string, after: string | undefined): Promise<{ state: SheetState; leftOut: string[] }> {
  const part = freePartName(book, 'xl/worksheets/sheet1.xml');
  const fromIndex = tabIndex(book, source.entry.name);
  const entry = registerSheet(book, name, part, after);
  // Read (indexed) before the copy is made: the copy's rows are read from the source's text, as it was then.
  await readSheet(book, source);
  const sourceText = source.text!;
  book.zip.write(part, new Uint8Array(0)); // reserves the name; the text is written on save
  copyPrintNames(book, fromIndex, source.entry.name, tabIndex(book, name), name);
  const copies = new Map<string, string>();
  const move: SheetMove = { from: source.entry.name, to: name };
  const dropped = new Set<string>();
  const leftOut = new Set<string>();
  let relsXml: string | null = null;
  for (const r of parseRels(source.relsXml)) {
    const kind = r.type.slice(r.type.lastIndexOf('/') + 1);
    if (NOT_COPIED[kind]) {
      dropped.add(r.id);
      leftOut.add(NOT_COPIED[kind]);
      continue;
    }
    const target = r.external ? r.target : relativeTarget(part, await copyPartTree(book, resolveTarget(source.entry.part, r.target), copies, move));
    relsXml = addRel(relsXml, { ...r, target });
  }
  const edit = (xml: string) => copyXml(xml, dropped, move.vmlBlock);
  const pieces = copiedAround(sourceText, edit);
  // A sheet without rows is small: edited whole.
  const content = pieces ? { kind: 'pieces' as const, pieces } : { kind: 'text' as const, xml: edit(await wholeText(book, source)) };
  const state = newState(entry, content, { relsXml, notes: source.notes.map((n) => ({ ...n })), relsDirty: relsXml !== null });
  return { state, leftOut: [...leftOut] };
}
