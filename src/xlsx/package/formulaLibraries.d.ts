/** The parts of the two MIT formula libraries the 网页版 uses (neither ships its own types). */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  /** What a custom function receives for each argument (already evaluated). */
  export interface FunctionArg {
    value: unknown;
    isArray: boolean;
    omitted?: boolean;
  }
  export interface ParserConfig {
    onCell(ref: CellRef): unknown;
    onRange(ref: RangeRef): unknown[][];
    functions?: Record<string, (...args: FunctionArg[]) => unknown>;
  }
  export default class FormulaParser {
    /** Excel's error values (#VALUE! …), for custom functions to return. */
    static FormulaError: { VALUE: unknown; NA: unknown; DIV0: unknown; NAME: unknown; NULL: unknown; NUM: unknown; REF: unknown };
    constructor(config: ParserConfig);
    parse(formula: string, position: CellRef & { sheet: string }, allowReturnArray?: boolean): unknown;
  }
}

declare module '@formulajs/formulajs' {
  export function MIN(...values: unknown[]): unknown;
  export function MAX(...values: unknown[]): unknown;
  export function VALUE(text: string): unknown;
  export function SUBSTITUTE(text: string, oldText: string, newText: string, instance?: number): unknown;
}
