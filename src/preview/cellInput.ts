/** What typing into the formula bar puts in a cell, as Excel reads it: numbers, booleans, formulas, text. */
import type { SimCellInput } from './sim';

export function parseTyped(text: string): SimCellInput {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith('=')) return t;
  // "1,234.5" and "98.15%" are numbers to Excel; "--" and "6,266.31元" stay text.
  const percent = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%$/.test(t);
  const plain = t.replace(/%$/, '').replace(/,/g, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain) && (percent || !t.endsWith('%'))) {
    const n = Number(plain);
    if (Number.isFinite(n)) return percent ? n / 100 : n;
  }
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  return text;
}
