/**
 * What a row of a budget table is: a project (item), a category heading (基本支出, 一、…), a 小计, a 合计,
 * a part of the row above (其中), a blank separator, or a note / sign-off line.
 */
import type { SheetGrid } from '../grid';
import { parseAmount } from '../cells/parseAmount';
import type { RowKind } from './report';

export interface RowShape {
  firstCol: number;
  lastCol: number;
  /** Label columns (left of the amounts). */
  labelCols: number[];
  /** The 序号 column, if any: its text is not the row's name. */
  serialCol?: number;
  /** The amount columns (initial, adjusted, actual) that exist. */
  amountCols: number[];
}

export interface ClassifiedRow {
  kind: RowKind;
  name: string;
  /** True when at least one amount cell holds a number or a not-applicable mark. */
  hasAmounts: boolean;
}

const NOTE_START = /^(注|备注|说明[:：]|填报人|填表人|填报单位|审核人|复核人|制表|单位负责人|财务负责人|负责人|数据来源|资料来源|联系电话)/;
const TOTAL = /^(合计|总计|总合计|全部合计|总额|支出合计|本年支出合计)/;
const SUBTOTAL = /^(小计)/;
const PART_OF = /^其中/;
/** 一、 二、 (一) （二） — the numbering of category headings in Chinese documents. */
const NUMBERED_CATEGORY = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;
const NAMED_CATEGORY = /^(基本支出|项目支出|一般公共预算|政府性基金预算|国有资本经营预算|财政拨款|其他资金)$/;

/** Every pattern above is anchored at the start: only a label's first characters decide its kind. */
const KEY_LENGTH = 16;

/** The patterns run on a row's name (its key), and those run on its lead text, for the tests that keep the starts complete. */
export const KEY_PATTERNS: readonly RegExp[] = [NOTE_START, TOTAL, SUBTOTAL, PART_OF, NUMBERED_CATEGORY, NAMED_CATEGORY];
export const LEAD_PATTERNS: readonly RegExp[] = [NOTE_START, PART_OF];

/**
 * Every character a pattern above can start with (half-width). A label starting with anything else ("项目1：…",
 * "2080101 行政运行") is an item or a heading whatever follows: no key is built and no pattern is run for it.
 * The name's key is read by all of them (it is the lead text too when no other text stands before it).
 */
export const KEY_START = '注备说填审复制单财负数资联合总全支本小其一二三四五六七八九十(基项政国';
/** The lead text (the row's first text, when it is not its name) is read only for a note or 其中. */
export const LEAD_START = '注备说填审复制单财负数资联其';
const codesOf = (chars: string) => new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
const KEY_START_CODES = codesOf(KEY_START);
const LEAD_START_CODES = codesOf(LEAD_START);

/** The characters regex \s matches (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Reused by squeeze: the key's char codes (at most KEY_LENGTH), so a key costs one string and nothing else. */
const keyCodes: number[] = [];

/**
 * Half-width, no whitespace ("合 计" → "合计"), of the label's first characters: toHalfWidth, then every \s removed,
 * in one pass over at most KEY_LENGTH characters (this runs for every row of every table).
 */
function squeeze(text: string): string {
  const end = Math.min(text.length, KEY_LENGTH);
  let changed = end < text.length;
  keyCodes.length = 0;
  for (let i = 0; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      code -= 0xfee0;
      changed = true;
    }
    if (isSpace(code)) {
      changed = true;
      continue;
    }
    keyCodes.push(code);
  }
  return changed ? String.fromCharCode.apply(null, keyCodes) : text;
}

/** True when the text's key (squeeze) could match a pattern: its first non-space character is one of `starts`. */
function mayMatch(text: string, starts: Set<number>): boolean {
  const end = Math.min(text.length, KEY_LENGTH);
  for (let i = 0; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (!isSpace(code)) return starts.has(code);
  }
  return false;
}

/** The row's name: the rightmost label text (the group label of a merged category column sits to its left). */
function rowName(grid: SheetGrid, row: number, shape: RowShape): string {
  for (let i = shape.labelCols.length - 1; i >= 0; i--) {
    const c = shape.labelCols[i];
    if (c === shape.serialCol) continue;
    const t = grid.text(row, c);
    if (t !== '') return t.includes('\n') ? t.replace(/\s*\n\s*/g, '') : t;
  }
  return shape.serialCol !== undefined ? grid.text(row, shape.serialCol) : '';
}

/** True when none of the row's own cells (merged cells from above do not count) hold anything. */
export function isBlankRow(grid: SheetGrid, row: number, firstCol: number, lastCol: number): boolean {
  for (let c = firstCol; c <= lastCol; c++) {
    const v = grid.rawValue(row, c);
    if (v !== null && v !== '') return false;
  }
  return true;
}

function firstText(grid: SheetGrid, row: number, shape: RowShape): string {
  for (let c = shape.firstCol; c <= shape.lastCol; c++) {
    const v = grid.rawValue(row, c);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return '';
}

export function classifyRow(grid: SheetGrid, row: number, shape: RowShape): ClassifiedRow {
  if (isBlankRow(grid, row, shape.firstCol, shape.lastCol)) return { kind: 'blank', name: '', hasAmounts: false };
  return classifyFilledRow(grid, row, shape);
}

/** classifyRow for a row already known not to be blank (the table scan checks that first: no second pass). */
export function classifyFilledRow(grid: SheetGrid, row: number, shape: RowShape): ClassifiedRow {
  const name = rowName(grid, row, shape);
  let hasAmounts = false;
  let hasNumbers = false;
  for (const c of shape.amountCols) {
    const v = grid.rawValue(row, c);
    // A number cell (the common case) needs no parsing: readTable parses the amounts it keeps.
    if (typeof v === 'number' && Number.isFinite(v)) {
      hasNumbers = hasAmounts = true;
      continue;
    }
    const a = parseAmount(v);
    if (a.kind === 'number') hasNumbers = true;
    if (a.kind === 'number' || a.kind === 'not-applicable') hasAmounts = true;
    else if (a.kind === 'empty' && grid.formula(row, c)) hasAmounts = true;
  }
  const leadText = firstText(grid, row, shape);
  if (mayMatch(name, KEY_START_CODES) || (leadText !== name && mayMatch(leadText, LEAD_START_CODES))) {
    const key = squeeze(name);
    const lead = leadText === name ? key : squeeze(leadText);
    if (!hasNumbers && NOTE_START.test(lead)) return { kind: 'note', name: leadText, hasAmounts: false };
    if (TOTAL.test(key)) return { kind: 'total', name, hasAmounts };
    if (SUBTOTAL.test(key)) return { kind: 'subtotal', name, hasAmounts };
    // "其中：" may stand in the 序号 column with the part's name beside it: the lead text catches that.
    if (PART_OF.test(key) || PART_OF.test(lead)) return { kind: 'part-of', name, hasAmounts };
    if (NUMBERED_CATEGORY.test(key) || (name.length <= KEY_LENGTH && NAMED_CATEGORY.test(key))) return { kind: 'category', name, hasAmounts };
  }
  // A label with no amounts at all and no 序号 is a heading over the rows below it (the 序号 is read only then).
  if (!hasAmounts && name !== '' && (shape.serialCol === undefined || grid.text(row, shape.serialCol) === '')) return { kind: 'category', name, hasAmounts };
  return { kind: 'item', name, hasAmounts };
}
