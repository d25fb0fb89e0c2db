/**
 * One screen of a sheet as the shared grid (src/preview/components/SheetGrid) draws it: computed values through
 * their number formats, the colours of the conditional-format rules that are true (the flags), notes, merges and
 * the selection. Only the rows asked for are computed, so a 20,000-row sheet costs one screen.
 */
import { cellAddress, parseRect, shiftFormula, snapshotSize, snapshotValue, type CellRect, type CellValue, type SheetSnapshot } from '../../core';
import type { DisplayCell, DisplayGrid } from '../../preview/sim/display';
import { formatValue } from '../../preview/sim/numberFormat';
import type { WorkbookEvaluator } from '../../xlsx/package/formulaEvaluator';
import type { RuleLook, WorkbookSession } from './session';

export interface ViewWindow {
  top: number;
  /** Rows drawn at most. */
  rows: number;
}

export interface SheetView {
  grid: DisplayGrid;
  /** Last used row of the sheet. */
  usedRows: number;
  /** Row heights in points, by row. */
  rowHeights: Record<string, number>;
}

const MARGIN_ROWS = 3;
const MARGIN_COLUMNS = 2;
const MIN_COLUMNS = 8;
const MAX_COLUMNS = 52;

const within = (r: CellRect, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const isTrue = (v: unknown) => v === true || (typeof v === 'number' && v !== 0);

interface Rule {
  look: RuleLook;
  areas: CellRect[];
}

/** The fill and font the first true rule gives a cell (rules listed in priority order). */
function ruleLook(evaluator: WorkbookEvaluator, sheet: string, rules: Rule[], row: number, col: number) {
  const out: { fill?: string; font?: string; matched: string[] } = { matched: [] };
  for (const [i, rule] of rules.entries()) {
    if (!rule.areas.some((a) => within(a, row, col))) continue;
    const anchor = rule.areas[0];
    const formula = shiftFormula(rule.look.formula, row - anchor.top, col - anchor.left);
    if (!isTrue(evaluator.evaluate(formula, sheet, row, col))) continue;
    out.matched.push(String(i));
    out.fill ??= rule.look.fill;
    out.font ??= rule.look.font;
  }
  return out;
}

/** Pixels a text takes in the grid's 13 px font: Chinese characters about twice a Latin one. */
const textPx = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7.5), 0);

/**
 * Column widths (points) that fit what the screen shows, as Excel's AutoFit would: the package reader does not
 * give the file's own widths, and 64-pixel columns would cut every Chinese header short.
 */
function fittedWidths(cells: DisplayCell[][], right: number): Record<number, number> {
  const px: number[] = new Array(right + 1).fill(0);
  for (const line of cells) for (const c of line) if (!c.span && !c.hiddenByMerge && !c.wrapText) px[c.col] = Math.max(px[c.col], textPx(c.text) + 12);
  const out: Record<number, number> = {};
  for (let c = 1; c <= right; c++) if (px[c] > 64) out[c] = Math.round(Math.min(px[c], 320) * 0.75);
  return out;
}

/**
 * What a formula cell shows: its computed value, or, when the grid cannot know it (a function the parser lacks,
 * such as WPS's DISPIMG for a cell picture, or a sheet that was not read), the value the file last saved, as Excel
 * shows a file's values until it recalculates. Never the parser's own "#ERROR!", which no spreadsheet shows: a
 * function it does not know is #NAME?, as in Excel.
 */
function shownFormulaValue(evaluator: WorkbookEvaluator, snapshot: SheetSnapshot, row: number, col: number): CellValue {
  const known = evaluator.knownValue(snapshot.name, row, col);
  if (known !== undefined) return known;
  const saved = snapshotValue(snapshot, row, col);
  if (saved !== null && saved !== '') return saved;
  const computed = evaluator.value(snapshot.name, row, col);
  return computed === '#ERROR!' ? '#NAME?' : computed;
}

export async function sheetView(session: WorkbookSession, sheetName: string, window: ViewWindow): Promise<SheetView> {
  const snapshot = await session.sheet(sheetName);
  const names = session.sheetNames();
  if (!snapshot) throw new Error(`No sheet ${sheetName}`);
  const evaluator = await session.evaluator();
  const size = snapshotSize(snapshot);
  const usedRows = snapshot.originRow + size.rows - 1;
  const usedCols = snapshot.originCol + size.cols - 1;
  const top = Math.max(1, Math.min(window.top, Math.max(1, usedRows - window.rows + 1)));
  const bottom = Math.max(top, Math.min(usedRows + MARGIN_ROWS, top + window.rows - 1));
  const right = Math.min(Math.max(usedCols + MARGIN_COLUMNS, MIN_COLUMNS), MAX_COLUMNS);
  const rules: Rule[] = session.rules(snapshot).map((r) => ({ look: r, areas: r.ranges.map(parseRect) }));
  const notes = new Map((snapshot.notes ?? []).map((n) => [`${n.row},${n.col}`, n.text]));
  const selection = session.selection && session.selection.sheet.toLocaleLowerCase() === snapshot.name.toLocaleLowerCase() ? session.selection : null;
  const cells: DisplayCell[][] = [];
  for (let row = top; row <= bottom; row++) {
    const line: DisplayCell[] = [];
    for (let col = 1; col <= right; col++) {
      const i = row - snapshot.originRow;
      const j = col - snapshot.originCol;
      const formula = snapshot.formulas[i]?.[j] ?? null;
      const raw = formula ? shownFormulaValue(evaluator, snapshot, row, col) : evaluator.value(snapshot.name, row, col);
      const value = raw === '' ? null : raw;
      const numberFormat = snapshot.numberFormats?.[i]?.[j] ?? 'General';
      const colours = ruleLook(evaluator, snapshot.name, rules, row, col);
      const cell: DisplayCell = {
        row,
        col,
        address: cellAddress(row, col),
        value,
        text: formatValue(value, numberFormat),
        numberFormat,
        isSelected: selection !== null && selection.row === row && selection.col === col,
        conditionalFormats: colours.matched,
      };
      if (formula) cell.formula = formula;
      if (colours.fill) cell.fill = colours.fill;
      if (colours.font) cell.fontColor = colours.font;
      const note = notes.get(`${row},${col}`);
      if (note !== undefined) cell.note = note;
      // A merged area that starts above the window is drawn from the window's first row.
      const merge = snapshot.merges.find((m) => within(m, row, col));
      const mergeTop = merge ? Math.max(merge.top, top) : 0;
      if (merge && mergeTop === row && merge.left === col)
        cell.span = { rows: Math.min(merge.bottom, bottom) - mergeTop + 1, cols: merge.right - merge.left + 1 };
      else if (merge) cell.hiddenByMerge = true;
      line.push(cell);
    }
    cells.push(line);
  }
  const columnWidths = fittedWidths(cells, right);
  const rowHeights: Record<string, number> = {};
  return {
    grid: {
      sheet: snapshot.name,
      sheets: names,
      top,
      left: 1,
      bottom,
      right,
      cells,
      columnWidths,
      selection: selection ? cellAddress(selection.row, selection.col) : null,
      frozen: null,
    },
    usedRows,
    rowHeights,
  };
}
