/**
 * Text clean-up before any number is read. Indicator cells come from PDFs and Word tables: full-width digits
 * and signs (９５％, ＞＝), line breaks inside words ("31103人\n次", "招生人 数") and stray spaces ("17.42 万人").
 */
import { toHalfWidth } from '../cells/text';

/**
 * Full-width ASCII (U+FF01–FF5E) to half-width and ideographic space to space (the shared cell helper), then
 * the comparison signs to ASCII pairs. After this the rest of the engine only needs ASCII patterns:
 * ',' ';' ':' '(' ')' '%' '>=' '<='. Chinese-only marks (、。“”) are left as they are.
 */
function halfWidthWithSigns(text: string): string {
  return toHalfWidth(text)
    .replace(/[≥≧⩾]/g, '>=')
    .replace(/[≤≦⩽]/g, '<=')
    // Small-form signs (﹦ ﹥ ﹤) are really used in filed forms.
    .replace(/﹦/g, '=')
    .replace(/﹥/g, '>')
    .replace(/﹤/g, '<')
    .replace(/[−﹣–]/g, '-')
    .replace(/[﹪]/g, '%');
}

/**
 * Half-width text with whitespace removed, except one space between two digits or letters: "2000 8000" must
 * stay two numbers, while "17.42 万人", "招生人 数" and "31103人\n次" close up.
 */
export function normalizeText(text: string): string {
  const half = halfWidthWithSigns(text);
  return half
    .replace(/\s+/g, (_space, offset: number) => {
      const before = half[offset - 1] ?? '';
      const after = half[offset + _space.length] ?? '';
      return /[0-9A-Za-z]/.test(before) && /[0-9A-Za-z]/.test(after) ? ' ' : '';
    })
    .trim();
}

/** Labels that introduce the target inside a longer cell ("指标解释：…；预期实现值：不超10次。"). Longest first. */
const TARGET_LABEL = /(?:预期实现值|预期实现|预期目标值|预期值|目标值|年度指标值|指标值)\s*[:：]?/;

/**
 * The part of a target cell that holds the value: what follows 预期实现值 (or 预期实现, 预期值, 目标值…) up to the
 * next ';' or '。'. Seed 002 writes "预期实现值 95%；人社部指标 90%；省人社厅指标 95%": only the first clause is
 * ours. Without a label the whole (normalised) text is returned.
 */
export function targetClause(normalised: string): string {
  const m = TARGET_LABEL.exec(normalised);
  if (!m) return normalised;
  const rest = normalised.slice(m.index + m[0].length);
  const end = rest.search(/[;。]/);
  const clause = (end < 0 ? rest : rest.slice(0, end)).trim();
  // "达成年度指标值" is a qualitative answer, not a label with nothing after it.
  return clause === '' ? normalised : clause;
}

/** Not-applicable or empty cells: "", "--", "—", "/", "暂无". ("无" is a real answer: 无重大事故.) */
export function isBlankValue(normalised: string): boolean {
  return /^(?:|-+|—+|\/|、|暂无|N\/?A)$/i.test(normalised);
}
