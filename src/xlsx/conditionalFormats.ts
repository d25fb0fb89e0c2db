/**
 * Conditional-format rules of a Plan, on an exceljs worksheet: adding the engine's rules and removing the
 * out-of-date ones it recognised as its own (matched by areas + formula).
 */
import type ExcelJS from 'exceljs';
import type { ConditionalFormatRule, Plan } from '../core';
import { patchStopIfTrue } from './stopIfTruePatch';
import { type CfBlock, conditionalFormatBlocks, setConditionalFormatBlocks } from './worksheetInternals';

patchStopIfTrue();

/** "#c00" / "#CC0000" / "cc0000" → "FFCC0000" (exceljs wants ARGB). */
export function toArgb(hex: string): string {
  let h = hex.trim().replace(/^#/, '').toUpperCase();
  if (h.length === 3) h = h.replace(/./g, (ch) => ch + ch);
  if (h.length === 8) return h;
  return `FF${h.padStart(6, '0').slice(-6)}`;
}

function normalizeRanges(ranges: string[]): string {
  return ranges
    .map((r) => r.replace(/\$/g, '').toUpperCase().trim())
    .filter(Boolean)
    .sort()
    .join(' ');
}

function bareFormula(f: unknown): string {
  const s = String(f ?? '').trim();
  return s.startsWith('=') ? s.slice(1) : s;
}

/** Removes expression rules whose areas and formula match; drops blocks left without rules. */
export function removeConditionalFormats(ws: ExcelJS.Worksheet, targets: Plan['removeConditionalFormats']): number {
  if (targets.length === 0) return 0;
  const wanted = new Set(targets.map((t) => `${normalizeRanges(t.ranges)}|${bareFormula(t.formula)}`));
  let removed = 0;
  const kept: CfBlock[] = [];
  for (const block of conditionalFormatBlocks(ws)) {
    const key = normalizeRanges(String(block.ref ?? '').split(/\s+/));
    const rules = (block.rules ?? []).filter((rule) => {
      const hit = rule.type === 'expression' && wanted.has(`${key}|${bareFormula(rule.formulae?.[0])}`);
      if (hit) removed++;
      return !hit;
    });
    if (rules.length > 0) kept.push({ ...block, rules });
  }
  setConditionalFormatBlocks(ws, kept);
  return removed;
}

/**
 * Adds the plan's rules. Excel wants priorities unique within a sheet, so ours are numbered after every rule
 * already there, keeping the plan's own order among them; the user's rules are left exactly as they were.
 */
export function applyConditionalFormats(ws: ExcelJS.Worksheet, rules: ConditionalFormatRule[]): number {
  if (rules.length === 0) return 0;
  let base = 0;
  for (const block of conditionalFormatBlocks(ws)) {
    for (const rule of block.rules ?? []) base = Math.max(base, Number(rule.priority) || 0);
  }
  const ordered = [...rules].sort((a, b) => a.priority - b.priority);
  ordered.forEach((rule, i) => {
    ws.addConditionalFormatting({
      ref: rule.ranges.join(' '),
      rules: [
        {
          type: 'expression',
          formulae: [bareFormula(rule.formula)],
          priority: base + i + 1,
          // exceljs's type lacks stopIfTrue; stopIfTruePatch writes it.
          ...(rule.stopIfTrue ? { stopIfTrue: true } : {}),
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: toArgb(rule.style.fill) } },
            font: { color: { argb: toArgb(rule.style.font) } },
          },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
  return ordered.length;
}
