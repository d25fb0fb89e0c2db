/**
 * What the engine asks a front end to do. A plan is data: the Office.js front end and the .xlsx front end
 * apply the same plan. Writes are rectangles (2D arrays), so a front end can send them in row blocks.
 */
import type { CellValue } from './snapshot';

/** One input to a cell: a formula (leading "=") or a constant. */
export type CellInput = string | number | boolean | null;

/** A rectangle of cell inputs written at once. Rows and columns are the worksheet's own (1-based). */
export interface RangeWrite {
  row: number;
  col: number;
  /** inputs[r][c] goes to (row + r, col + c): formulas start with "=", anything else is a constant. */
  inputs: CellInput[][];
  /** Number format for every cell of the rectangle, when set. */
  numberFormat?: string;
  /**
   * What the formulas compute, where the engine knows it (the rates: same rule as the formula). A file writer stores
   * them as cached results, so a viewer that does not recalculate (a preview pane, a phone) shows the right numbers.
   */
  results?: CellValue[][];
  /** What the cells held before (formula or value), so the write can be undone. */
  before: CellInput[][];
  /** Number formats before, when known. */
  beforeFormats?: string[][];
  /** Why: 'rate' (rate formulas), 'header' (a column header the engine added), 'sum' (a total formula), 'value'. */
  purpose: 'rate' | 'header' | 'sum' | 'value';
  /** Optional cell style for headers the engine adds: bold, centred, wrapped. */
  headerStyle?: boolean;
  /**
   * Set (not enumerable) on a one-column write the engine keeps compact: a table's rate column of 100,000 rows is
   * a few typed arrays, not 100,000 one-cell arrays and formula strings. `inputs`, `before`, `beforeFormats` and
   * `results` are then made when first read (and kept), so every front end can still read them; a front end that
   * knows the column reads its cells through it and makes nothing per cell. Not enumerable, so a copy of the
   * write (`{ ...w, results }`), JSON and test comparisons see the plain write.
   */
  readonly column?: WriteColumn;
}

/** The cells of a one-column write, read by index (r: 0-based in the write). */
export interface WriteColumn {
  readonly height: number;
  input(r: number): CellInput;
  /** The cached result of the cell, undefined when not known. */
  result(r: number): CellValue | undefined;
  readonly hasResults: boolean;
  /**
   * When every cell's formula is these pieces joined with its row number (a formula filled down, as ours are on
   * rows whose amounts are plain numbers): a file writer can write the column as one shared formula.
   */
  readonly filledDown?: readonly string[];
}

/** Rows of a write. */
export function writeHeight(w: RangeWrite): number {
  return w.column ? w.column.height : w.inputs.length;
}

/** Cells in row r of a write. */
export function writeRowWidth(w: RangeWrite, r: number): number {
  return w.column ? 1 : w.inputs[r].length;
}

/** Columns of a write (its widest row: every row of a rectangle). */
export function writeWidth(w: RangeWrite): number {
  if (w.column) return 1;
  let width = 0;
  for (const line of w.inputs) width = Math.max(width, line.length);
  return width;
}

/** The input of a write's cell (r, c), without making the write's arrays. */
export function writeInput(w: RangeWrite, r: number, c: number): CellInput {
  return w.column ? w.column.input(r) : w.inputs[r][c];
}

/** The cached result of a write's cell (r, c), undefined when not known, without making the write's arrays. */
export function writeResult(w: RangeWrite, r: number, c: number): CellValue | undefined {
  return w.column ? w.column.result(r) : w.results?.[r]?.[c];
}

/** True when the write carries the engine's results (a file writer then computes none). */
export function hasResults(w: RangeWrite): boolean {
  return w.column ? w.column.hasResults : w.results !== undefined;
}

export interface Fill {
  /** "#RRGGBB" */
  fill: string;
  font: string;
}

/** A conditional-format rule, formula-based, on one or more areas of a column. */
export interface ConditionalFormatRule {
  /** The flag rule it shows ('low-execution', …). */
  rule: string;
  /** A1 areas, e.g. ["F5:F9","F11:F20"]; the formula is written relative to the first area's top-left cell. */
  ranges: string[];
  /** Formula with a leading "=", relative to the first area's top-left cell. */
  formula: string;
  style: Fill;
  /** Lower numbers win. */
  priority: number;
  stopIfTrue?: boolean;
}

export interface NoteWrite {
  row: number;
  col: number;
  text: string;
  /** The note there before (ours, being replaced), or null. */
  before: string | null;
}

/** A drop-down list on some cells (data validation of type list). */
export interface ListValidation {
  ranges: string[];
  items: string[];
}

/**
 * How a rectangle of a built sheet looks beyond number formats (title, header, borders): what a finance office
 * would print. Front ends apply what their host can; nothing here is read back.
 */
export interface RangeLook {
  rect: { top: number; left: number; bottom: number; right: number };
  bold?: boolean;
  /** Solid fill, "#RRGGBB". */
  fill?: string;
  /** Wrap text (and centre it vertically). */
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  /** Thin borders around and between the cells. */
  borders?: boolean;
}

/** Print settings of a built sheet: landscape, one page wide, header rows repeated on every page. */
export interface PageSetup {
  landscape: boolean;
  fitToWidth: boolean;
  /** Rows printed at the top of every page (1-based, inclusive). */
  titleRows?: { first: number; last: number };
}

export interface Plan {
  sheet: string;
  /** Create the sheet when it does not exist (sheets the engine builds: 绩效指标完成情况, 绩效运行监控, next year's). */
  createSheet?: boolean;
  /**
   * Create the sheet as a copy of this sheet (layout, merges, widths, heights, formats, frozen panes, print
   * settings: whatever the front end's library can carry), then apply the rest of the plan to the copy.
   * Used for next year's sheets. Ignored when the sheet already exists.
   */
  copyFrom?: string;
  /** Put the new sheet right after this one (when it is created). */
  createAfter?: string;
  /** Before writing, clear these rectangles (values, formats, rules) — a built sheet refreshed in place. */
  clear?: { top: number; left: number; bottom: number; right: number }[];
  /** Drop-down lists. */
  validations?: ListValidation[];
  /** Freeze the top rows / left columns. */
  freeze?: { rows: number; cols: number };
  writes: RangeWrite[];
  /** Merges to add (headers over two header rows). */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Rules to add. */
  conditionalFormats: ConditionalFormatRule[];
  /** Rules of ours already on the sheet that are out of date and must go (matched by ranges + formula). */
  removeConditionalFormats: { ranges: string[]; formula: string }[];
  notes: NoteWrite[];
  /** Our notes that no longer apply (the flag went away). */
  removeNotes: { row: number; col: number; before: string }[];
  /** Column widths to set for added columns (characters). */
  columnWidths: { col: number; width: number }[];
  /** The look of a sheet the engine builds (applied after the values). */
  looks?: RangeLook[];
  pageSetup?: PageSetup;
}

export function emptyPlan(sheet: string): Plan {
  return {
    sheet,
    writes: [],
    merges: [],
    conditionalFormats: [],
    removeConditionalFormats: [],
    notes: [],
    removeNotes: [],
    columnWidths: [],
  };
}

/** Rows the plan's writes cover, counted per write (what a front end's progress counts as it writes). */
export function planRows(p: Plan): number {
  return p.writes.reduce((n, w) => n + writeHeight(w), 0);
}

/** True when applying the plan would change nothing. */
export function isEmptyPlan(p: Plan): boolean {
  return (
    p.writes.length === 0 &&
    p.merges.length === 0 &&
    p.conditionalFormats.length === 0 &&
    p.removeConditionalFormats.length === 0 &&
    p.notes.length === 0 &&
    p.removeNotes.length === 0 &&
    p.columnWidths.length === 0
  );
}

/** Number of cells a plan writes. */
export function countWrittenCells(p: Plan): number {
  return p.writes.reduce((n, w) => n + writeHeight(w) * writeWidth(w), 0);
}

export type { CellValue };
