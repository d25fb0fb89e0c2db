/**
 * The grid from the keyboard, as in Excel: arrow keys move the selection (A1 when nothing is selected yet),
 * Enter or F2 edits the selected cell in the formula bar.
 */
import type { KeyboardEvent } from 'react';
import type { WebBook } from './useWebBook';

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function useGridKeys(web: WebBook, editSelected: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    const grid = web.view?.grid;
    if (!grid || e.target !== e.currentTarget) return;
    const at = web.selection ? { top: web.selection.row, left: web.selection.col } : null;
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      const row = at ? Math.max(1, at.top + move[0]) : grid.top;
      const col = at ? Math.max(1, Math.min(grid.right, at.left + move[1])) : 1;
      web.select(row, col);
    } else if ((e.key === 'Enter' || e.key === 'F2') && at) {
      e.preventDefault();
      editSelected();
    }
  };
}
