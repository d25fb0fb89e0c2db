/**
 * Reads the preview's sheet grid out of the page (what a user sees: the shown text, fill, formula, note,
 * selection of each cell) and finds the rows of the seed tables in it, so assertions compare the grid
 * with numbers computed from test/fixtures/seedBudget.ts.
 */
import type { Page } from 'playwright-core';
import type { SeedBudgetRow } from '../fixtures/seedBudget';

export interface ShownCell {
  text: string;
  fill: string | null;
  formula: string | null;
  note: string | null;
  selected: boolean;
}

/** Cells by address ("F43"), for the sheet the grid shows. */
export type ShownGrid = Record<string, ShownCell>;

export async function readGrid(page: Page): Promise<{ sheet: string; cells: ShownGrid }> {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLTableElement>('[data-testid="sheet-grid"]');
    if (!table) throw new Error('no sheet grid on the page');
    const cells: Record<string, { text: string; fill: string | null; formula: string | null; note: string | null; selected: boolean }> = {};
    for (const td of Array.from(table.querySelectorAll<HTMLTableCellElement>('td[data-address]'))) {
      cells[td.dataset.address as string] = {
        text: td.textContent ?? '',
        fill: td.dataset.fill ?? null,
        formula: td.dataset.formula ?? null,
        note: td.getAttribute('title'),
        selected: td.dataset.selected === 'true',
      };
    }
    return { sheet: table.dataset.sheet ?? '', cells };
  });
}

const rowOf = (address: string) => Number(/\d+$/.exec(address)?.[0]);

/**
 * The worksheet row of each seed row, matched in order by the name in column B (or A, where 合计 is merged
 * over A:B). In order, because project names repeat within a table (市级就业补助资金 twice).
 */
export function locateRows(cells: ShownGrid, rows: readonly SeedBudgetRow[]): number[] {
  const lastRow = Math.max(...Object.keys(cells).map(rowOf));
  const found: number[] = [];
  let next = 0;
  for (let r = 1; r <= lastRow && next < rows.length; r++) {
    const name = cells[`B${r}`]?.text.trim() || cells[`A${r}`]?.text.trim();
    if (name === rows[next].name) {
      found.push(r);
      next++;
    }
  }
  if (found.length !== rows.length) throw new Error(`found ${found.length} of ${rows.length} seed rows in the grid; missing "${rows[next]?.name}"`);
  return found;
}

/** Which cells differ between two reads of the grid (text, fill, formula or note), for undo checks. */
export function gridDifferences(before: ShownGrid, after: ShownGrid): string[] {
  const out: string[] = [];
  for (const address of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[address];
    const b = after[address];
    const same = a && b && a.text === b.text && a.fill === b.fill && a.formula === b.formula && a.note === b.note;
    // A cell only one read has (the grid grew by a column) counts only if it shows something.
    const blank = (c?: ShownCell) => !c || (c.text === '' && !c.fill && !c.formula && !c.note);
    if (!same && !(blank(a) && blank(b))) out.push(`${address}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  }
  return out;
}
