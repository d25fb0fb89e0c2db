/**
 * Long lists a page at a time: a 50,000-row table can have 16,000 flags, and drawing them all froze the pane for
 * ten seconds. The counts per rule and the filter work on the whole list; only the rows shown are drawn.
 */
import { useEffect, useState } from 'react';

export const PAGE_SIZE = 100;

export function usePaging<T>(items: readonly T[], resetKey: unknown): { shown: readonly T[]; more: number; showMore(): void } {
  const [limit, setLimit] = useState(PAGE_SIZE);
  useEffect(() => setLimit(PAGE_SIZE), [resetKey]);
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit), showMore: () => setLimit((n) => n + PAGE_SIZE) };
}
