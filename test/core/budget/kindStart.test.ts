/**
 * classifyRow runs its label patterns only for labels whose first character may start one (KEY_START for the name,
 * LEAD_START for the lead text): each list must hold the first character of every alternative of every pattern run
 * on that text, or a row would lose its kind.
 */
import { describe, expect, it } from 'vitest';
import { KEY_PATTERNS, KEY_START, LEAD_PATTERNS, LEAD_START } from '../../../src/core/budget/classifyRow';
import { toHalfWidth } from '../../../src/core/cells/text';

/** The top-level alternatives of a pattern's source ("^(a|b[cd])$" → ["a", "b[cd]"]). */
function alternatives(source: string): string[] {
  let body = source.replace(/^\^/, '').replace(/\$$/, '');
  if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

/** The characters an alternative can start with: its first literal, or every member of its first class. */
function firstChars(alternative: string): string[] {
  if (!alternative.startsWith('[')) return [alternative[0]];
  const members = alternative.slice(1, alternative.indexOf(']'));
  expect(members, 'no ranges or negations in a first class').not.toMatch(/^\^|.-./);
  return [...members];
}

describe('the characters a row-kind pattern can start with', () => {
  it.each([
    ['KEY_START', KEY_PATTERNS, KEY_START],
    ['LEAD_START', LEAD_PATTERNS, LEAD_START],
  ] as const)('%s holds the first character of every alternative of every pattern it guards', (_name, patterns, starts) => {
    const firsts = patterns.flatMap((p) => alternatives(p.source).flatMap(firstChars));
    expect(firsts.length).toBeGreaterThan(patterns.length);
    for (const ch of firsts) expect(starts, `pattern start ${ch}`).toContain(toHalfWidth(ch));
  });
});
