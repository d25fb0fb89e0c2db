/**
 * Computes formulas as Excel would show them: for the 网页版's grid (the rates the engine writes, the totals, the
 * indicator scores and the conditional-format rules that colour flagged cells), and for the package writer (the
 * cached results of the formulas a plan writes, cachedResults.ts). Lazy: only the cells asked for (and what they
 * depend on) are computed, so a 20,000-row sheet costs what one screen of it needs.
 *
 * fast-formula-parser (MIT) parses and evaluates; the few functions it lacks (MIN, MAX, SUBSTITUTE) come from
 * @formulajs/formulajs (MIT). HyperFormula (GPL-3.0) stays out of this bundle: the project is MIT.
 */
import FormulaParser, { type CellRef, type FunctionArg, type RangeRef } from 'fast-formula-parser';
import * as formulajs from '@formulajs/formulajs';
import { type CellValue, type SheetSnapshot, snapshotSize, snapshotValue } from '../../core';

/** Excel's text for an error value, whichever library made it. */
function errorText(e: unknown): string | null {
  if (e && typeof e === 'object') {
    const code = (e as { error?: unknown; _error?: unknown; message?: unknown }).error ?? (e as { _error?: unknown })._error;
    if (typeof code === 'string' && code.startsWith('#')) return code;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message.startsWith('#')) return message;
  }
  return null;
}

/** A formula's result as a cell shows it: the top-left of an array, an error as its text. */
function toCellValue(result: unknown): CellValue {
  if (Array.isArray(result)) return toCellValue(Array.isArray(result[0]) ? result[0][0] : result[0]);
  if (result === null || result === undefined) return 0;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  return errorText(result) ?? '#VALUE!';
}

/** Text as Excel's text functions read a value: numbers in General format, TRUE/FALSE, empty as "". */
function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

const unwrap = (args: FunctionArg[]) => args.filter((a) => !a.omitted).map((a) => a.value);

/** Text Excel's VALUE reads as a number: digits with thousands commas, a sign, decimals, an exponent, a trailing %. */
const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?(e[-+]?\d+)?%?$/i;

/** Excel's VALUE: a number stays, numeric text is read, anything else is #VALUE!. */
function value(arg: FunctionArg): unknown {
  const v = arg.value;
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  const text = asText(v).trim();
  if (typeof v === 'boolean' || !NUMBER_TEXT.test(text) || !/\d/.test(text)) return FormulaParser.FormulaError.VALUE;
  return formulajs.VALUE(text);
}

/** What fast-formula-parser leaves unimplemented but our formulas use, with Excel's argument rules. */
const EXTRA_FUNCTIONS: Record<string, (...args: FunctionArg[]) => unknown> = {
  MIN: (...args) => formulajs.MIN(...unwrap(args)),
  MAX: (...args) => formulajs.MAX(...unwrap(args)),
  VALUE: value,
  SUBSTITUTE: (text, from, to, instance) =>
    formulajs.SUBSTITUTE(asText(text.value), asText(from.value), asText(to.value), instance && !instance.omitted ? Number(instance.value) : undefined),
};

/** Excel's error values, as the parser's own error objects: what a formula reading an error cell must get. */
const FORMULA_ERRORS: ReadonlyMap<string, unknown> = new Map([
  ['#DIV/0!', FormulaParser.FormulaError.DIV0],
  ['#N/A', FormulaParser.FormulaError.NA],
  ['#NAME?', FormulaParser.FormulaError.NAME],
  ['#NULL!', FormulaParser.FormulaError.NULL],
  ['#NUM!', FormulaParser.FormulaError.NUM],
  ['#REF!', FormulaParser.FormulaError.REF],
  ['#VALUE!', FormulaParser.FormulaError.VALUE],
]);

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** One sheet's cells as the evaluator reads them, by worksheet row and column. */
export interface CellSource {
  readonly name: string;
  /** The formula ("=…") in the cell, or null. */
  formula(row: number, col: number): string | null;
  /** The constant in the cell (or a formula's stored result), null when empty. */
  stored(row: number, col: number): CellValue;
  /** Last row and column holding anything: ranges like F:F stop here. */
  readonly bottom: number;
  readonly right: number;
}

/** A snapshot's cells. */
export class SnapshotCells implements CellSource {
  constructor(readonly snapshot: SheetSnapshot) {}

  get name(): string {
    return this.snapshot.name;
  }

  formula(row: number, col: number): string | null {
    const s = this.snapshot;
    return s.formulas[row - s.originRow]?.[col - s.originCol] ?? null;
  }

  stored(row: number, col: number): CellValue {
    return snapshotValue(this.snapshot, row, col);
  }

  get bottom(): number {
    return this.snapshot.originRow + snapshotSize(this.snapshot).rows - 1;
  }

  get right(): number {
    return this.snapshot.originCol + snapshotSize(this.snapshot).cols - 1;
  }
}

export class WorkbookEvaluator {
  private readonly lookup: (name: string) => CellSource | undefined;
  private readonly computed = new Map<string, CellValue>();
  private readonly inProgress = new Set<string>();
  /** Cells whose result rests on something unknown (doubts below). */
  private readonly doubtful = new Set<string>();
  /** Counts what could not be known: a missing sheet, a formula the parser cannot read, a circular reference. */
  private doubts = 0;
  /** One parser per nesting level: a parser is not re-entrant, and a formula's cells may hold formulas. */
  private readonly parsers: FormulaParser[] = [];
  private depth = 0;

  /**
   * Over snapshots, or over sheets found by name (case-insensitive, as Excel compares). `maxDepth`: formulas nested
   * deeper than this (a running total down thousands of rows) are not computed but counted as unknown, before the
   * stack runs out (the parser would turn that into #VALUE!).
   */
  constructor(
    sheets: SheetSnapshot[] | ((name: string) => CellSource | undefined),
    private readonly maxDepth = Infinity,
  ) {
    if (typeof sheets === 'function') this.lookup = sheets;
    else {
      const cells = sheets.map((s) => new SnapshotCells(s));
      this.lookup = (name) => cells.find((s) => sameName(s.name, name));
    }
  }

  private parser(): FormulaParser {
    return (this.parsers[this.depth] ??= new FormulaParser({
      onCell: (ref: CellRef) => this.operand(this.value(ref.sheet ?? '', ref.row, ref.col)),
      onRange: (ref: RangeRef) => this.range(ref).map((line) => line.map((v) => this.operand(v))),
      functions: EXTRA_FUNCTIONS,
    }));
  }

  /**
   * A cell's value as a formula reading it gets it: an error cell as an error (so IFERROR and ISERROR see one, as
   * in Excel), not as its text. A result that rests on an error is shown but not counted as known: the parser's
   * handling of errors is not Excel's everywhere (its SUM skips an error in a range, Excel's returns it), so a cached
   * result is never made from one; Excel computes it on open.
   */
  private operand(v: CellValue): unknown {
    if (typeof v !== 'string' || v[0] !== '#') return v;
    const error = FORMULA_ERRORS.get(v);
    if (error === undefined) return v;
    this.doubts++;
    return error;
  }

  /** The value a cell shows: its constant, or its formula computed (null when empty). */
  value(sheetName: string, row: number, col: number): CellValue {
    const sheet = this.lookup(sheetName);
    if (!sheet) {
      this.doubts++;
      return '#REF!';
    }
    const formula = sheet.formula(row, col);
    if (!formula) return sheet.stored(row, col);
    const key = `${sheet.name}\u0000${row}\u0000${col}`;
    const known = this.computed.get(key);
    if (known !== undefined) {
      if (this.doubtful.has(key)) this.doubts++;
      return known;
    }
    // A circular reference: Excel warns and shows 0. Too deep a chain: not known here.
    if (this.inProgress.has(key) || this.depth >= this.maxDepth) {
      this.doubts++;
      return 0;
    }
    this.inProgress.add(key);
    const doubtsBefore = this.doubts;
    try {
      const result = this.evaluate(formula, sheet.name, row, col);
      this.computed.set(key, result);
      if (this.doubts > doubtsBefore) this.doubtful.add(key);
      return result;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /**
   * The value of a formula cell when everything it rests on is known; undefined when it reads a sheet that is not
   * here, a formula the parser cannot read (a function it lacks, a defined name) or itself (a circular reference).
   */
  knownValue(sheetName: string, row: number, col: number): CellValue | undefined {
    const before = this.doubts;
    const v = this.value(sheetName, row, col);
    return this.doubts === before ? v : undefined;
  }

  /** Records a formula cell's known value (computed for another cell of the same shape and inputs: formulaShape.ts). */
  remember(sheetName: string, row: number, col: number, value: CellValue): void {
    const sheet = this.lookup(sheetName);
    if (sheet) this.computed.set(`${sheet.name}\u0000${row}\u0000${col}`, value);
  }

  /** Computes a formula ("=…") as if it stood in the given cell. */
  evaluate(formula: string, sheetName: string, row: number, col: number): CellValue {
    const parser = this.parser();
    this.depth++;
    let result: CellValue;
    try {
      result = toCellValue(parser.parse(formula.replace(/^=/, ''), { sheet: sheetName, row, col }));
    } catch (e) {
      // Something the parser does not know (a function, a defined name): the cell shows #NAME? as Excel would
      // for a function it lacks, never a stack trace.
      result = errorText(e) ?? '#NAME?';
    } finally {
      this.depth--;
    }
    // #NAME? here means the parser lacks a function or name Excel may well have; #ERROR! is the parser's own word
    // for a formula it could not read: neither is known.
    if (result === '#NAME?' || result === '#ERROR!') this.doubts++;
    return result;
  }

  private range(ref: RangeRef): CellValue[][] {
    const sheet = this.lookup(ref.sheet ?? '');
    if (!sheet) {
      this.doubts++;
      return [['#REF!']];
    }
    // Whole columns or rows (F:F, 5:5) come as huge ranges: only the used part can hold anything.
    const bottom = Math.min(ref.to.row, Math.max(sheet.bottom, ref.from.row));
    const right = Math.min(ref.to.col, Math.max(sheet.right, ref.from.col));
    const out: CellValue[][] = [];
    for (let r = ref.from.row; r <= bottom; r++) {
      const line: CellValue[] = [];
      for (let c = ref.from.col; c <= right; c++) line.push(this.value(sheet.name, r, c));
      out.push(line);
    }
    return out;
  }
}
