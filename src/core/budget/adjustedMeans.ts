/**
 * Is the "adjusted" column the adjusted total (调整后预算数) or the change (调整数)? DOMAIN.md §1's trap.
 * Decided from the numbers: each project row votes for the reading under which its spending is a plausible
 * share of its budget; negative values can only be a change. The header spelling breaks a tie.
 */
import type { AdjustedMeans } from '../settings';
import { keepShape } from '../liveShapes';

export interface AdjustedDecision {
  means: AdjustedMeans;
  evidence: string;
}

/** An execution rate a real project can have (spending a little beyond budget happens; 3× does not). */
const PLAUSIBLE_MAX = 1.2;

function plausible(rate: number | null): boolean {
  return rate !== null && Number.isFinite(rate) && rate >= 0 && rate <= PLAUSIBLE_MAX;
}

/**
 * The votes of a table's project rows, counted as the rows are read (no list of samples kept: this runs for every
 * row of the table).
 */
export class AdjustedVotes {
  /** Rows with both an initial and an adjusted amount. */
  samples = 0;
  negatives = 0;
  forTotal = 0;
  forDelta = 0;

  /** One row with both amounts; `actual` is NaN when the row has none. */
  add(initial: number, adjusted: number, actual: number): void {
    this.samples++;
    if (adjusted < 0) {
      this.negatives++;
      return;
    }
    if (!(actual > 0)) return;
    const asTotal = plausible(adjusted > 0 ? actual / adjusted : null);
    const budget = initial + adjusted;
    const asDelta = plausible(budget > 0 ? actual / budget : null);
    if (asTotal && !asDelta) this.forTotal++;
    if (asDelta && !asTotal) this.forDelta++;
  }
}

export function decideAdjustedMeans(votes: AdjustedVotes, headerSpelling: string | null, override: 'auto' | AdjustedMeans): AdjustedDecision {
  if (override !== 'auto') {
    return { means: override, evidence: `由设置指定为${override === 'total' ? '调整后总数' : '调整额'} / set by override` };
  }
  const { samples: n, negatives, forTotal, forDelta } = votes;
  const counts = `${n} 行中：${negatives} 行为负数，${forTotal} 行只在按总数理解时执行率合理，${forDelta} 行只在按调整额理解时合理`;
  if (negatives + forDelta > forTotal) {
    return { means: 'delta', evidence: `判断为调整额（调整后预算 = 年初 + 调整数）：${counts}` };
  }
  if (forTotal > 0) return { means: 'total', evidence: `判断为调整后总数：${counts}` };
  const spelledAsChange = headerSpelling !== null && /^(调整数|预算调整)$/.test(headerSpelling);
  if (spelledAsChange) return { means: 'delta', evidence: `数据无法区分，按表头“${headerSpelling}”判断为调整额：${counts}` };
  return { means: 'total', evidence: `数据无法区分，按表头${headerSpelling ? `“${headerSpelling}”` : ''}判断为调整后总数：${counts}` };
}

keepShape(new AdjustedVotes());
