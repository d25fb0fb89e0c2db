/**
 * Units of indicator values. A target and an actual may only be divided when their units belong to one
 * family (DOMAIN.md §4: "Units must agree (万人 vs 人) before dividing"). Values are carried in a base unit:
 * counts as written (万人 → 人 × 10000), money in 万元 like the budget tables (元 × 1e-4, 亿元 × 10000).
 */

/** Unit spelling → family. Spellings in one family are the same measure: 528 名 博士后 is 528 人. */
const FAMILY: Record<string, string> = {
  人: 'people', 名: 'people', 位: 'people', 人员: 'people',
  人次: 'person-times', 名次: 'person-times',
  件: 'cases', 宗: 'cases', 单: 'cases',
  场: 'sessions', 场次: 'sessions',
  天: 'days', 日: 'days',
  工作日: 'working-days',
  户: 'households', 家: 'organisations', 所: 'schools',
  '%': 'percent', '‰': 'permille',
  万元: 'money',
};

/** Count and measure units, longest first so "个工作日" wins over "个" and "人次" over "人". */
const COUNT_UNITS: Array<[spelling: string, base: string]> = (
  [
    ['个工作日', '工作日'], ['工作日', '工作日'], ['个月', '月'], ['平方米', '平方米'], ['人次', '人次'],
    ['名次', '名次'], ['场次', '场次'], ['人员', '人'], ['小时', '小时'], ['分钟', '分钟'], ['公里', '公里'],
    ['人', '人'], ['名', '名'], ['位', '位'], ['个', '个'], ['件', '件'], ['宗', '宗'], ['起', '起'], ['次', '次'],
    ['场', '场'], ['户', '户'], ['家', '家'], ['项', '项'], ['所', '所'], ['天', '天'], ['日', '日'], ['篇', '篇'],
    ['本', '本'], ['期', '期'], ['批', '批'], ['台', '台'], ['套', '套'], ['份', '份'], ['条', '条'], ['张', '张'],
    ['座', '座'], ['处', '处'], ['门', '门'], ['类', '类'], ['单', '单'], ['亩', '亩'], ['吨', '吨'], ['米', '米'],
    ['%', '%'], ['‰', '‰'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);

/** Money spellings and their factor to 万元. 万元 is matched as a whole, before 万 is read as a multiplier. */
const MONEY_UNITS: Array<[spelling: string, toWanYuan: number]> = [
  ['亿元', 1e4], ['万元', 1], ['千元', 0.1], ['元', 1e-4],
];

/** Multipliers written before a unit or alone ("1690万"). 千 only counts before a unit ("3千人"). */
const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

export interface UnitReading {
  /** Base unit, or null when only a multiplier (or nothing) follows the number. */
  unit: string | null;
  /** Factor from the written number to the base unit (multiplier × money factor). */
  scale: number;
  /** Characters consumed after the number. */
  length: number;
}

function countUnitAt(text: string, pos: number): [string, string] | null {
  for (const entry of COUNT_UNITS) if (text.startsWith(entry[0], pos)) return entry;
  return null;
}

/**
 * Reads the unit written right after a number at `pos`: "万人" → 人 × 10000, "万元" → 万元 × 1, "元" → 万元 × 1e-4,
 * "万" alone → null × 10000, "元/月" → '元/月' (a rate unit is its own family). Nothing known → null × 1.
 */
export function readUnit(text: string, pos: number): UnitReading {
  for (const [spelling, factor] of MONEY_UNITS) {
    if (text.startsWith(spelling, pos)) return withPer(text, pos, spelling.length, '万元', factor, spelling);
  }
  let p = pos;
  let multiplier = 1;
  const m = MULTIPLIERS[text[p] ?? ''];
  if (m !== undefined && (text[p] !== '千' || countUnitAt(text, p + 1))) {
    multiplier = m;
    p += 1;
  }
  const unit = countUnitAt(text, p);
  if (!unit) return { unit: null, scale: multiplier, length: p - pos };
  return withPer(text, p, unit[0].length, unit[1], multiplier, unit[0], pos);
}

/** Adds a "/月" or "/人" suffix: 3929 元/月 is a rate, not an amount, and must not meet 元 or 人. */
function withPer(text: string, at: number, len: number, base: string, scale: number, spelling: string, from = at): UnitReading {
  const per = /^\/([\u4e00-\u9fff]{1,2})/.exec(text.slice(at + len));
  if (!per) return { unit: base, scale, length: at + len - from };
  // A rate keeps its written spelling and is not converted: '元/月' is not '万元/月'.
  const written = base === '万元' ? spelling : base;
  return { unit: `${written}/${per[1]}`, scale: base === '万元' ? 1 : scale, length: at + len + per[0].length - from };
}

/** A unit's family; units outside the table are a family of their own. */
export function unitFamily(unit: string | null): string | null {
  if (unit === null) return null;
  return FAMILY[unit] ?? unit;
}

/**
 * May these two units be divided? Same family, or one side bare: a bare number ("1690万", "52635") can stand
 * for any count, but never for a rate (%), money or a per-unit rate, which a bare number does not express.
 */
export function unitsCompatible(a: string | null, b: string | null): boolean {
  if (a === null && b === null) return true;
  if (a === null || b === null) {
    const family = unitFamily(a ?? b);
    return family !== 'percent' && family !== 'permille' && family !== 'money' && !(a ?? b ?? '').includes('/');
  }
  return unitFamily(a) === unitFamily(b);
}

/** A unit name given by the caller (preferUnit, a header's "（万人）"): its base unit and factor, or null if unknown. */
export function resolveUnit(spelling: string): UnitReading | null {
  const reading = readUnit(spelling.trim(), 0);
  return reading.length === spelling.trim().length && reading.length > 0 ? reading : null;
}
