/**
 * The live formulas of the built sheet. They read only the sheet's own number columns (目标值, 实际值, 方向, 定性评级,
 * 分值), so a number the user corrects there flows through 完成率, 得分, 状态 and the total. They follow the same
 * rules as completion.ts (the report's numbers): DOMAIN.md §3.
 *   完成率: higher / equal: actual ÷ target; lower: 1 when actual ≤ target, else target ÷ actual; "--" otherwise.
 *   得分: weight × share; lower-is-better share by settings ('deviation' or 'ratio'); qualitative: weight × the top
 *         of the band the user chose (达成 100 %, 部分达成 80 %, 未达成 60 %), empty while no band is chosen.
 *   状态: 定性 / 无法解析 / 未完成 (< 100 %) / 超额 (> 150 %: the target was set too low) / 已完成.
 */
import { cellAddress } from '../snapshot';
import type { ScoringSettings } from '../settings';
import { BAND_WORDS, DIRECTION_WORD, OWN_COLUMNS, type OwnColumn } from './headers';
import { OVER_ACHIEVEMENT, QUALITATIVE_BANDS } from './completion';

export const STATUS_WORD = { short: '未完成', achieved: '已完成', over: '超额', qualitative: '定性', unparsed: '无法解析' } as const;

const at = (key: OwnColumn, row: number) => cellAddress(row, OWN_COLUMNS[key].col);
const q = (s: string) => `"${s}"`;
const LOWER = q(DIRECTION_WORD.lower);
const QUALITATIVE = q(DIRECTION_WORD.qualitative);

/** 完成率 of a row that holds one pair of numbers. */
export function completionFormula(row: number): string {
  const [F, G, I] = [at('target', row), at('actual', row), at('direction', row)];
  const unreadable = `OR(${I}="",${I}=${QUALITATIVE},NOT(ISNUMBER(${F})),NOT(ISNUMBER(${G})))`;
  const lower = `IF(${G}<=${F},1,${F}/${G})`;
  const higher = `IF(${F}=0,"--",${G}/${F})`;
  return `=IF(${unreadable},"--",IF(${I}=${LOWER},${lower},${higher}))`;
}

/** 完成率 of a several-part indicator: the mean of its part rows, once every part has one. */
export function partsCompletionFormula(first: number, last: number): string {
  const range = `${at('completion', first)}:${at('completion', last)}`;
  return `=IF(COUNT(${range})=${last - first + 1},AVERAGE(${range}),"--")`;
}

/** Share of the weight earned by one pair (the row's numbers, the direction of `directionRow`). */
function shareExpression(row: number, directionRow: number, variant: ScoringSettings['lowerIsBetter']): string {
  const [F, G, I] = [at('target', row), at('actual', row), at('direction', directionRow)];
  const lower =
    variant === 'ratio'
      ? `IF(${G}<=${F},1,MIN(1,${F}/${G}))`
      : `IF(${G}<=${F},1,IF(OR(${F}<=0,${G}>=2*${F}),0,1-(${G}-${F})/${F}))`;
  // Over-achievement earns no more than full marks.
  const higher = `IF(${G}>=${F},1,IF(${F}>0,MAX(0,${G}/${F}),0))`;
  return `IF(${I}=${LOWER},${lower},${higher})`;
}

/** weight × the top of the chosen band; "" while no band is chosen. */
function qualitativeExpression(row: number): string {
  const [K, L] = [at('band', row), at('weight', row)];
  const [achieved, partial, not] = BAND_WORDS;
  const top = (b: keyof typeof QUALITATIVE_BANDS) => QUALITATIVE_BANDS[b][1];
  return `IF(${K}=${q(achieved)},${L}*${top('achieved')},IF(${K}=${q(partial)},${L}*${top('partial')},IF(${K}=${q(not)},${L}*${top('not')},"")))`;
}

/** 得分 of an indicator row; `partRows` are the rows holding its pairs (the row itself for a single value). */
export function scoreFormula(row: number, partRows: number[], variant: ScoringSettings['lowerIsBetter']): string {
  const [I, J, L] = [at('direction', row), at('completion', row), at('weight', row)];
  const shares = partRows.map((r) => shareExpression(r, row, variant));
  const numeric = shares.length === 1 ? `${L}*${shares[0]}` : `${L}*(${shares.join('+')})/${shares.length}`;
  return `=IF(NOT(ISNUMBER(${L})),"",IF(${I}=${QUALITATIVE},${qualitativeExpression(row)},IF(NOT(ISNUMBER(${J})),"",${numeric})))`;
}

/** 得分 of 预算执行率: min(rate, 100 %) × weight, or the Jiangxi tiers (100 % → all, 80 % → 70 %, 60 % → 50 %). */
export function executionScoreFormula(row: number, rule: ScoringSettings['executionRule']): string {
  const [F, G, L] = [at('target', row), at('actual', row), at('weight', row)];
  const rate = `${G}/${F}`;
  const share = rule === 'jiangxi' ? `IF(${rate}>=1,1,IF(${rate}>=0.8,0.7,IF(${rate}>=0.6,0.5,0)))` : `MIN(MAX(${rate},0),1)`;
  return `=IF(OR(NOT(ISNUMBER(${L})),NOT(ISNUMBER(${F})),NOT(ISNUMBER(${G})),${F}=0),"",${L}*${share})`;
}

/** 状态 of a row with one pair (an indicator or a part). */
export function statusFormula(row: number, directionRow = row): string {
  const [I, J] = [at('direction', directionRow), at('completion', row)];
  const s = STATUS_WORD;
  return `=IF(${I}=${QUALITATIVE},${q(s.qualitative)},IF(NOT(ISNUMBER(${J})),${q(s.unparsed)},IF(${J}<1,${q(s.short)},IF(${J}>${OVER_ACHIEVEMENT},${q(s.over)},${q(s.achieved)}))))`;
}

/** 状态 of a several-part indicator: short when any part is short (completion.ts says the same). */
export function partsStatusFormula(row: number, first: number, last: number): string {
  const [I, J] = [at('direction', row), at('completion', row)];
  const range = `${at('status', first)}:${at('status', last)}`;
  const s = STATUS_WORD;
  return (
    `=IF(${I}=${QUALITATIVE},${q(s.qualitative)},IF(COUNTIF(${range},${q(s.unparsed)})>0,${q(s.unparsed)},` +
    `IF(COUNTIF(${range},${q(s.short)})>0,${q(s.short)},IF(${J}>${OVER_ACHIEVEMENT},${q(s.over)},${q(s.achieved)}))))`
  );
}

/** The linked rate: the budget cell × 100 (the sheet writes percentages as 98.15 with 单位 %); "" when it is "--". */
export function linkedRateFormula(ref: string): string {
  return `=IFERROR(${ref}*100,"")`;
}

export function sumFormula(key: OwnColumn, first: number, last: number): string {
  return `=SUM(${at(key, first)}:${at(key, last)})`;
}

/** 等级: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (report.ts gradeOf says the same). */
export function gradeFormula(totalCell: string): string {
  return `=IF(NOT(ISNUMBER(${totalCell})),"",IF(${totalCell}>=90,"优",IF(${totalCell}>=80,"良",IF(${totalCell}>=60,"中","差"))))`;
}

export { at as ownCell };
