/**
 * 序时进度 lights (DOMAIN.md §2): progress ratio = 执行率 ÷ (N/12) × 100, red below 60, yellow from 60 to 80, green
 * from 80 — the budget engine's PROGRESS_RED / PROGRESS_YELLOW, as percentages. The ratio is rounded to two
 * decimals in the sheet and here alike, so a ratio shown as 60.00 is yellow, whatever the last binary digit says.
 */
import type { Fill } from '../plan';
import { FLAG_STYLE, PROGRESS_RED, PROGRESS_YELLOW } from '../budget/flags';
import { LIGHT_WORDS, type Light } from './layout';

export const RED_BELOW = Math.round(PROGRESS_RED * 100);
export const YELLOW_BELOW = Math.round(PROGRESS_YELLOW * 100);

export const LIGHT_STYLE: Record<Light, Fill> = {
  red: FLAG_STYLE['behind-schedule'],
  yellow: FLAG_STYLE['behind-schedule-yellow'],
  green: { fill: '#C6EFCE', font: '#006100' },
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The progress ratio (× 100, two decimals) of a rate at `month`; null without a rate. */
export function progressRatio(rate: number | null, month: number): number | null {
  return rate === null ? null : round2((rate / (month / 12)) * 100);
}

export function lightOf(progress: number | null): Light | null {
  if (progress === null) return null;
  return progress < RED_BELOW ? 'red' : progress < YELLOW_BELOW ? 'yellow' : 'green';
}

/** =IF(ISNUMBER(rate),ROUND(rate/schedule*100,2),"--"). */
export function progressFormula(rateRef: string, scheduleRef: string): string {
  return `=IF(ISNUMBER(${rateRef}),ROUND(${rateRef}/${scheduleRef}*100,2),"--")`;
}

/** =IF(ISNUMBER(progress),IF(progress<60,"红灯",IF(progress<80,"黄灯","绿灯")),""). */
export function lightFormula(progressRef: string): string {
  const w = LIGHT_WORDS;
  return `=IF(ISNUMBER(${progressRef}),IF(${progressRef}<${RED_BELOW},"${w.red}",IF(${progressRef}<${YELLOW_BELOW},"${w.yellow}","${w.green}")),"")`;
}
