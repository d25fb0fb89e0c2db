/**
 * Edits of a worksheet's elements other than its cells: merged areas, formula rules, drop-down lists, frozen
 * panes, column widths. Each rebuilds only the element it changes; the user's other rules, lists and the rest
 * of the view (zoom, grid lines, selection of other views) stay as they were.
 */
import { type CellRect, cellAddress, type ConditionalFormatRule, type ListValidation, type Plan, parseRect, rectAddress } from '../../core';
import type { Piece, SheetPieces } from './sheetParts';
import { esc, local, scanXml, startTag, withAttrs } from './xml';

export function overlaps(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRect, inner: CellRect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && inner.bottom <= outer.bottom && inner.right <= outer.right;
}

const sameRect = (a: CellRect, b: CellRect) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** A merge the plan asks for overlaps a different merged area already on the sheet. */
export class MergeConflictError extends Error {
  readonly code = 'merge-conflict';
  constructor(readonly area: string) {
    super(`Cannot merge ${area}: it overlaps another merged area`);
    this.name = 'MergeConflictError';
  }
}

/** An element's direct children as raw text, with their start tags' attributes. */
function items(text: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
  let depth = 0;
  let from = 0;
  let attrs: Record<string, string> = {};
  let name = '';
  scanXml(text, {
    open(n, a, s) {
      depth++;
      if (depth === 2) {
        from = s;
        attrs = a;
        name = local(n);
      }
    },
    close(_n, _s, e) {
      if (depth === 2) out.push({ name, attrs, text: text.slice(from, e + 1) });
      depth--;
    },
  });
  return out;
}

/** Rebuilds a container element with the given children and count, or removes it when none are left. */
function setItems(sheet: SheetPieces, piece: Piece | undefined, name: string, children: string[], withCount: boolean): void {
  if (children.length === 0) {
    if (piece) sheet.remove(piece);
    return;
  }
  const tag = `${sheet.prefix}${name}`;
  const open = piece ? withAttrs(/<[^!?][^>]*>/.exec(piece.text)![0].replace(/\/>$/, '>'), withCount ? { count: String(children.length) } : {}) : startTag(tag, withCount ? { count: String(children.length) } : {});
  const text = `${open}${children.join('')}</${tag}>`;
  if (piece) piece.text = text;
  else sheet.insert(name, text);
}

/** Removes merges reaching into `rects`; adds `add` (an identical one already there is kept; an overlap is refused). */
export function editMerges(sheet: SheetPieces, existing: CellRect[], rects: CellRect[], add: CellRect[], sheetName: string): { added: number; removed: number } {
  const piece = sheet.first('mergeCells');
  const kept = existing.filter((m) => !rects.some((r) => overlaps(r, m)));
  const removed = existing.length - kept.length;
  let added = 0;
  for (const m of add) {
    if (kept.some((e) => sameRect(e, m))) continue;
    if (kept.some((e) => overlaps(e, m))) throw new MergeConflictError(`${sheetName}!R${m.top}C${m.left}:R${m.bottom}C${m.right}`);
    kept.push(m);
    added++;
  }
  if (added === 0 && removed === 0) return { added, removed };
  const old = piece ? items(piece.text).filter((i) => i.name === 'mergeCell') : [];
  const keepOld = old.filter((i) => i.attrs.ref && !rects.some((r) => overlaps(r, parseRect(i.attrs.ref))));
  const fresh = kept.slice(kept.length - added).map((m) => `<${sheet.prefix}mergeCell ref="${rectAddress(m)}"/>`);
  setItems(sheet, piece, 'mergeCells', [...keepOld.map((i) => i.text), ...fresh], true);
  return { added, removed };
}

const normalizeRanges = (ranges: string[]) =>
  ranges
    .map((r) => r.replace(/\$/g, '').toUpperCase().trim())
    .filter(Boolean)
    .map((r) => rectAddress(parseRect(r)))
    .sort()
    .join(' ');
const bare = (f: string) => (f.trim().startsWith('=') ? f.trim().slice(1) : f.trim());

function ruleFormula(rule: string): string | null {
  let text: string | null = null;
  let inFormula = false;
  scanXml(rule, {
    open: (n) => {
      if (local(n) === 'formula' && text === null) {
        inFormula = true;
        text = '';
      }
    },
    text: (t) => {
      if (inFormula) text += t;
    },
    close: (n) => {
      if (local(n) === 'formula') inFormula = false;
    },
  });
  return text;
}

/**
 * Removes expression rules of ours: those matching `targets` (areas + formula), and those whose every area lies
 * inside `rects` (a cleared area). Other rules, and rules of other kinds, stay.
 */
export function removeRules(sheet: SheetPieces, targets: Plan['removeConditionalFormats'], rects: CellRect[]): number {
  if (targets.length === 0 && rects.length === 0) return 0;
  const wanted = new Set(targets.map((t) => `${normalizeRanges(t.ranges)}|${bare(t.formula)}`));
  let removed = 0;
  for (const piece of sheet.all('conditionalFormatting')) {
    const open = /<[^!?][^>]*>/.exec(piece.text)![0];
    let sqref = '';
    scanXml(open.replace(/>$/, '/>'), { open: (_n, a) => (sqref = a.sqref ?? '') });
    const ranges = sqref.split(/\s+/).filter(Boolean);
    const key = normalizeRanges(ranges);
    const inside = ranges.length > 0 && rects.length > 0 && ranges.every((r) => rects.some((x) => contains(x, parseRect(r))));
    const rules = items(piece.text);
    const kept = rules.filter((r) => {
      if (r.name !== 'cfRule' || r.attrs.type !== 'expression') return true;
      const hit = inside || wanted.has(`${key}|${bare(ruleFormula(r.text) ?? '')}`);
      if (hit) removed++;
      return !hit;
    });
    if (kept.length === rules.length) continue;
    if (kept.every((r) => r.name !== 'cfRule')) sheet.remove(piece);
    else piece.text = `${open}${kept.map((r) => r.text).join('')}</${sheet.prefix}conditionalFormatting>`;
  }
  return removed;
}

/** The highest rule priority on the sheet (x14 rules in extLst included: Excel wants them unique per sheet). */
function maxPriority(sheet: SheetPieces): number {
  let max = 0;
  for (const p of sheet.pieces) {
    if (p.name !== 'conditionalFormatting' && p.name !== 'extLst') continue;
    for (const m of p.text.matchAll(/\bpriority=["'](\d+)["']/g)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/** Adds the plan's rules after every rule already there, numbered after them in the plan's own order. */
export function addRules(sheet: SheetPieces, rules: ConditionalFormatRule[], dxf: (rule: ConditionalFormatRule) => number): number {
  if (rules.length === 0) return 0;
  const base = maxPriority(sheet);
  const p = sheet.prefix;
  [...rules]
    .sort((a, b) => a.priority - b.priority)
    .forEach((rule, i) => {
      const attrs: Record<string, string> = { type: 'expression', dxfId: String(dxf(rule)), priority: String(base + i + 1) };
      if (rule.stopIfTrue) attrs.stopIfTrue = '1';
      const text = `<${p}conditionalFormatting sqref="${esc(rule.ranges.join(' '))}">${startTag(`${p}cfRule`, attrs)}<${p}formula>${esc(bare(rule.formula))}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
      sheet.insert('conditionalFormatting', text);
    });
  return rules.length;
}

/** Excel limits a list typed into the rule (not read from cells) to 255 characters. */
const MAX_LIST_LENGTH = 255;

/** The rule's formula: the items in double quotes, comma-separated (an item with a comma is refused loudly). */
export function listFormula(list: string[]): string {
  for (const item of list) if (item.includes(',')) throw new Error(`List item "${item}" contains a comma`);
  const body = list.map((i) => i.replace(/"/g, '""')).join(',');
  if (body.length > MAX_LIST_LENGTH) throw new Error(`List of ${list.length} items is longer than Excel's ${MAX_LIST_LENGTH} characters`);
  return `"${body}"`;
}

function areaCells(area: CellRect): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

/** Drops lists on cells inside `rects` (a list reaching outside keeps its outside cells); adds the plan's lists. */
export function editValidations(sheet: SheetPieces, rects: CellRect[], add: ListValidation[] | undefined): number {
  const piece = sheet.first('dataValidations');
  if (rects.length === 0 && (!add || add.length === 0)) return 0;
  const old = piece ? items(piece.text) : [];
  const kept: string[] = [];
  let changed = false;
  for (const v of old) {
    const areas = (v.attrs.sqref ?? '').split(/\s+/).filter(Boolean).map(parseRect);
    if (!areas.some((a) => rects.some((r) => overlaps(r, a)))) {
      kept.push(v.text);
      continue;
    }
    changed = true;
    const outside: string[] = [];
    for (const a of areas) {
      if (!rects.some((r) => overlaps(r, a))) outside.push(rectAddress(a));
      else for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (!rects.some((x) => contains(x, { top: r, left: c, bottom: r, right: c }))) outside.push(cellAddress(r, c));
    }
    if (outside.length > 0) kept.push(v.text.replace(/\bsqref=(?:"[^"]*"|'[^']*')/, `sqref="${outside.join(' ')}"`));
  }
  let cells = 0;
  const p = sheet.prefix;
  for (const v of add ?? []) {
    // No error message: the cell stays free text (偏差原因分析及改进措施 is an explanation); the list only suggests.
    kept.push(`<${p}dataValidation type="list" allowBlank="1" sqref="${esc(v.ranges.join(' '))}"><${p}formula1>${esc(listFormula(v.items))}</${p}formula1></${p}dataValidation>`);
    cells += v.ranges.reduce((n, r) => n + areaCells(parseRect(r)), 0);
    changed = true;
  }
  if (changed) setItems(sheet, piece, 'dataValidations', kept, true);
  return cells;
}

/** Frozen rows/columns on the first sheet view; its zoom, grid lines and other settings stay. */
export function freezePanes(sheet: SheetPieces, freeze: Plan['freeze']): boolean {
  if (!freeze) return false;
  const rows = Math.max(0, Math.floor(freeze.rows));
  const cols = Math.max(0, Math.floor(freeze.cols));
  const p = sheet.prefix;
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const paneXml =
    rows === 0 && cols === 0
      ? ''
      : `${startTag(`${p}pane`, { ...(cols > 0 ? { xSplit: String(cols) } : {}), ...(rows > 0 ? { ySplit: String(rows) } : {}), topLeftCell: cellAddress(rows + 1, cols + 1), activePane: pane, state: 'frozen' }, true)}<${p}selection pane="${pane}"/>`;
  const piece = sheet.first('sheetViews');
  if (!piece) {
    sheet.insert('sheetViews', `<${p}sheetViews><${p}sheetView workbookViewId="0">${paneXml}</${p}sheetView></${p}sheetViews>`);
    return true;
  }
  const views = items(piece.text);
  const open = /<[^!?][^>]*>/.exec(piece.text)![0];
  const first = views[0];
  const viewOpen = first ? /^<[^>]*>/.exec(first.text)![0].replace(/\/>$/, '>') : `<${p}sheetView workbookViewId="0">`;
  const kids = first ? items(first.text).filter((k) => k.name !== 'pane' && k.name !== 'selection') : [];
  const newFirst = `${viewOpen}${paneXml}${kids.map((k) => k.text).join('')}</${p}sheetView>`;
  piece.text = `${open}${[newFirst, ...views.slice(1).map((v) => v.text)].join('')}</${p}sheetViews>`;
  return true;
}

/** Column widths (characters): a `<col>` range covering the column is split so only that column changes. */
export function setColumnWidths(sheet: SheetPieces, widths: Plan['columnWidths']): void {
  if (widths.length === 0) return;
  const piece = sheet.first('cols');
  let cols = (piece ? items(piece.text) : []).map((c) => ({ min: Number(c.attrs.min), max: Number(c.attrs.max), attrs: c.attrs }));
  for (const { col, width } of widths) {
    const hit = cols.find((c) => c.min <= col && col <= c.max);
    const attrs = { ...(hit?.attrs ?? {}), min: String(col), max: String(col), width: String(width), customWidth: '1' };
    const rest = hit ? [...(hit.min < col ? [{ ...hit, max: col - 1, attrs: { ...hit.attrs, max: String(col - 1) } }] : []), ...(col < hit.max ? [{ ...hit, min: col + 1, attrs: { ...hit.attrs, min: String(col + 1) } }] : [])] : [];
    cols = [...cols.filter((c) => c !== hit), ...rest, { min: col, max: col, attrs }].sort((a, b) => a.min - b.min);
  }
  const p = sheet.prefix;
  setItems(sheet, piece, 'cols', cols.map((c) => startTag(`${p}col`, { ...c.attrs, min: String(c.min), max: String(c.max) }, true)), false);
}

/** The dimension element grown to cover `area` (it is a hint readers use to size the sheet). */
export function growDimension(sheet: SheetPieces, area: CellRect | null): void {
  if (!area) return;
  const piece = sheet.first('dimension');
  const p = sheet.prefix;
  if (!piece) {
    sheet.insert('dimension', `<${p}dimension ref="${rectAddress(area)}"/>`);
    return;
  }
  const ref = /\bref=["']([^"']*)["']/.exec(piece.text)?.[1];
  let cur: CellRect | null = null;
  try {
    cur = ref ? parseRect(ref) : null;
  } catch {
    cur = null;
  }
  const next = cur ? { top: Math.min(cur.top, area.top), left: Math.min(cur.left, area.left), bottom: Math.max(cur.bottom, area.bottom), right: Math.max(cur.right, area.right) } : area;
  piece.text = `<${p}dimension ref="${rectAddress(next)}"/>`;
}
