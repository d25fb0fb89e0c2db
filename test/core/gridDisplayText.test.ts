import { describe, expect, it } from 'vitest';
import { SheetGrid } from '../../src/core/grid';
import { sheet } from '../helpers/snapshot';

describe('SheetGrid.displayText', () => {
  it('reads a number in a percent cell as the percentage a person typed', () => {
    const s = sheet('s', [[0.95, 1, 0.9815, 30000, '不少于 70000 名']]);
    s.numberFormats = [['0%', '0%', '0.00%', '#,##0', 'General']];
    const grid = new SheetGrid(s);
    expect([1, 2, 3, 4, 5].map((c) => grid.displayText(1, c))).toEqual(['95%', '100%', '98.15%', '30000', '不少于 70000 名']);
  });
});
