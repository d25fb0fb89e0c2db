/**
 * One pass over a worksheet part: the engine's view of it (values as displayed, formulas, number formats,
 * merges, formula rules) and, in the same pass, the SheetIndex the writer uses to patch it.
 */
import { type CellRect, type ExistingConditionalFormat, parseRect, ValueColumns } from '../../core';
import { cellColumn, displayed, readFormula } from './cellRead';
import { emptyIndex, BitList, byteList, intList, signedList, unsignedList, FORMULA_NONE, type SheetIndex } from './sheetIndex';
import { blankCovered, filled, GENERAL, pad } from './snapshotGrid';
import { relId } from './opc';
import { PieceText, scanTagStream } from './tagStream';
import { ownCopy } from './textChunks';
import { prefixOf, scanTags, type TagHandlers, type TagText, wholeTagText } from './xml';

/** The elements whose attributes the reader uses (the others' are never collected: most of a sheet is cells). */
const WITH_ATTRS = new Set(['conditionalFormatting', 'legacyDrawing', 'row', 'c', 'f', 'cfRule', 'mergeCell']);

export interface SheetRead {
  /** The values column by column (the snapshot's valueColumns; its `values` rows are made only if read). */
  values: ValueColumns;
  formulas: (string | null)[][];
  numberFormats: string[][];
  merges: CellRect[];
  conditionalFormats: ExistingConditionalFormat[];
  index: SheetIndex;
}

export interface ReadContext {
  sharedStrings: string[];
  /** Number format of each cell format index. */
  formats: string[];
  /** The colours of a differential format (a rule's look), by its index in styles.xml. */
  ruleStyle?: (dxfId: number) => ExistingConditionalFormat['style'];
}

/** The sheet's whole text, read at once (a text held anyway: a new sheet, a copy, a changed sheet read again). */
export function readSheetXml(xml: string, ctx: ReadContext): SheetRead {
  const reading = sheetReading(wholeTagText(xml), ctx);
  scanTags(xml, reading.handlers, WITH_ATTRS);
  return reading.done();
}

/** A sheet read as its part is inflated, and the text outside its rows (what SheetText keeps), collected meanwhile. */
export interface StreamedSheet {
  read: SheetRead;
  /** The text before the rows ([0, dataOpenEnd), or all of it when there is no sheetData). */
  head: string;
  tail: string;
  /** Where `tail` starts. */
  tailFrom: number;
}

/**
 * The sheet's text in pieces, never whole: only the pieces the tokenizer is still in are held, and the text
 * before and after the rows (kept while it streams past). `text`: given by a test, to see what was held.
 */
export async function readSheetStream(pieces: AsyncIterable<string>, ctx: ReadContext, text = new PieceText()): Promise<StreamedSheet | null> {
  let head: string | null = null;
  let again = false;
  const reading = sheetReading(text, ctx, {
    dataOpened(end) {
      if (head !== null) again = true;
      head ??= text.slice(0, end);
      text.keepFrom = Infinity;
    },
    dataClosed(start) {
      text.keepFrom = start;
    },
  });
  await scanTagStream(pieces, text, reading.handlers, WITH_ATTRS);
  const read = reading.done();
  // A second sheetData (never written by Excel): the text before it was let go; such a sheet is read whole (null).
  if (again) return null;
  const tailFrom = head === null ? text.length : read.index.dataCloseStart;
  return { read, head: head ?? text.slice(0, text.length), tail: text.slice(tailFrom, text.length), tailFrom };
}

/** Where the reader says that sheetData's rows start and end (a streamed text keeps what lies outside them). */
interface DataBounds {
  dataOpened(end: number): void;
  dataClosed(start: number): void;
}

function sheetReading(xml: TagText, ctx: ReadContext, bounds?: DataBounds): { handlers: TagHandlers; done: () => SheetRead } {
  const ix = emptyIndex();
  const L = {
    rowNum: intList(),
    rowStart: intList(),
    rowOpenLength: unsignedList(),
    rowLength: unsignedList(),
    cellFrom: intList(),
    cellCol: unsignedList(),
    cellOffset: unsignedList(),
    cellLength: unsignedList(),
    cellStyle: signedList(),
    cellFormula: byteList(),
  };
  const noRef = new BitList();
  L.cellFrom.push(0);
  const values = new ValueColumns();
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const merges: CellRect[] = [];
  const conditionalFormats: ExistingConditionalFormat[] = [];
  let lastRow = 0;
  let lastCol = 0;

  let depth = 0;
  let inData = false;
  let row = 0;
  /** Cells of the row so far (its formulas' and formats' rows, when made, are this long). */
  let rowWidth = 0;
  // Made only when the row has a formula / a format other than General: most rows share one constant row (pad).
  let rowF: (string | null)[] | null = null;
  let rowN: string[] | null = null;
  let col = 0;
  let cellT: string | undefined;
  let cellS = -1;
  let cellTextStart = 0;
  let text = '';
  let capture: 'v' | 'f' | 'is' | 'cf' | null = null;
  let inPhonetic = false;
  /** Inside a `<t>` of an inline string: only those hold its text (not the whitespace an indenting writer puts around them). */
  let inInlineT = false;
  let vText: string | null = null;
  let fText: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let cfRanges: string[] | null = null;
  let cfRuleExpression = false;
  let cfFirstFormula = true;
  let cfDxf: string | undefined;

  const handlers: TagHandlers = {
    open(name, a, start, end, n) {
      depth++;
      if (depth === 1) {
        ix.prefix = prefixOf(name);
        ix.rootOpenEnd = end + 1;
        return;
      }
      if (depth === 2) {
        ix.children.push({ name, start, end: end + 1, attrs: a });
        if (n === 'sheetData') {
          inData = true;
          ix.sheetData = ix.children.length - 1;
          ix.dataOpenEnd = end + 1;
          ix.dataCloseStart = end + 1;
          bounds?.dataOpened(end + 1);
        } else if (n === 'conditionalFormatting') cfRanges = (a.sqref ?? '').split(/\s+/).filter(Boolean);
        else if (n === 'legacyDrawing' && ix.legacyDrawingRid === undefined) ix.legacyDrawingRid = relId(a);
        return;
      }
      if (inData) {
        if (depth === 3 && n === 'row') {
          row = a.r ? Number(a.r) : row + 1;
          L.rowNum.push(row);
          L.rowStart.push(start);
          L.rowOpenLength.push(end + 1 - start);
          L.rowLength.push(end + 1 - start);
          // Arrays are grown by push (never by index past their end), so they stay packed: the engine reads them a lot.
          while (formulas.length < row - 1) {
            formulas.push(undefined as unknown as (string | null)[]);
            numberFormats.push(undefined as unknown as string[]);
          }
          rowWidth = 0;
          rowF = null;
          rowN = null;
          formulas[row - 1] = undefined as unknown as (string | null)[];
          numberFormats[row - 1] = undefined as unknown as string[];
          col = 0;
        } else if (depth === 4 && n === 'c') {
          col = cellColumn(a.r, col);
          cellT = a.t;
          cellS = a.s === undefined ? -1 : Number(a.s);
          vText = null;
          fText = null;
          fAttrs = null;
          L.cellCol.push(col);
          cellTextStart = start;
          L.cellOffset.push(start - L.rowStart.a[L.rowStart.length - 1]);
          L.cellLength.push(end + 1 - start);
          L.cellStyle.push(cellS);
          L.cellFormula.push(FORMULA_NONE);
          noRef.push(!a.r);
        } else if (depth === 5) {
          if (n === 'v') capture = 'v';
          else if (n === 'f') {
            capture = 'f';
            fAttrs = a;
          } else if (n === 'is') capture = 'is';
          text = '';
        } else if (capture === 'is' && n === 'rPh') inPhonetic = true;
        else if (capture === 'is' && n === 't') inInlineT = true;
        return;
      }
      if (cfRanges && n === 'cfRule') {
        cfRuleExpression = a.type === 'expression';
        cfFirstFormula = true;
        cfDxf = a.dxfId;
      } else if (cfRanges && n === 'formula' && cfRuleExpression && cfFirstFormula) {
        capture = 'cf';
        text = '';
      } else if (depth === 3 && n === 'mergeCell' && a.ref) merges.push(parseRect(a.ref));
    },
    text(start, end) {
      if (capture !== null && !inPhonetic && (capture !== 'is' || inInlineT)) text += xml.slice(start, end);
    },
    entity(ch) {
      if (capture !== null && !inPhonetic && (capture !== 'is' || inInlineT)) text += ch;
    },
    close(_name, start, end, n) {
      if (inData && depth === 5) {
        if (capture === 'v') vText = text;
        else if (capture === 'f') fText = ownCopy(text);
        else if (capture === 'is') vText = text;
        capture = null;
      } else if (inData && capture === 'is' && n === 'rPh') inPhonetic = false;
      else if (inData && capture === 'is' && n === 't') inInlineT = false;
      else if (inData && depth === 4 && n === 'c') {
        const k = L.cellCol.length - 1;
        L.cellLength.set(k, end + 1 - cellTextStart);
        const i = col - 1;
        if (col > lastCol) lastCol = col;
        while (rowWidth < i) {
          rowF?.push(null);
          rowN?.push(GENERAL);
          rowWidth++;
        }
        values.set(row - 1, i, vText === null ? null : displayed(cellT, vText, ctx));
        const format = cellS >= 0 ? (ctx.formats[cellS] ?? GENERAL) : GENERAL;
        const formula = readFormula(ix, L.cellFormula.a, k, row, col, fAttrs, fText);
        if (formula !== null && rowF === null) formulas[row - 1] = rowF = filled(rowWidth, null);
        if (format !== GENERAL && rowN === null) numberFormats[row - 1] = rowN = filled(rowWidth, GENERAL);
        if (i === rowWidth) {
          rowN?.push(format);
          rowF?.push(formula);
          rowWidth++;
        } else {
          if (rowN) rowN[i] = format;
          if (rowF) rowF[i] = formula;
        }
      } else if (inData && depth === 3 && n === 'row') {
        const r = L.rowLength.length - 1;
        L.rowLength.set(r, end + 1 - L.rowStart.a[r]);
        L.cellFrom.push(L.cellCol.length);
        lastRow = row;
      } else if (depth === 2) {
        const child = ix.children[ix.children.length - 1];
        child.end = end + 1;
        if (n === 'sheetData') {
          inData = false;
          ix.dataCloseStart = start === child.start ? ix.dataOpenEnd : start;
          bounds?.dataClosed(ix.dataCloseStart);
        } else if (n === 'conditionalFormatting') cfRanges = null;
      } else if (depth === 1) ix.rootCloseStart = start;
      else if (capture === 'cf' && n === 'formula') {
        const style = cfDxf !== undefined ? ctx.ruleStyle?.(Number(cfDxf)) : undefined;
        conditionalFormats.push({ ranges: (cfRanges ?? []).map(ownCopy), formula: ownCopy(text.startsWith('=') ? text : `=${text}`), ...(style ? { style } : {}) });
        capture = null;
        cfFirstFormula = false;
      } else if (n === 'formula') cfFirstFormula = false;
      depth--;
    },
  };
  return { handlers, done };

  function done(): SheetRead {
    for (const [k, list] of Object.entries(L)) (ix as unknown as Record<string, unknown>)[k] = list.done();
    // What is kept of the text is copied: the sheet's text can then go once it is read (see ownCopy).
    ix.children = ix.children.map((c) => ({ ...c, name: ownCopy(c.name), attrs: Object.fromEntries(Object.entries(c.attrs).map(([k, v]) => [ownCopy(k), ownCopy(v)])) }));
    if (ix.legacyDrawingRid !== undefined) ix.legacyDrawingRid = ownCopy(ix.legacyDrawingRid);
    ix.cellNoRef = noRef.done();
    pad(formulas, numberFormats, lastRow, lastCol);
    values.finish(lastRow, lastCol);
    blankCovered(values, formulas, merges);
    return { values, formulas, numberFormats, merges, conditionalFormats, index: ix };
  }
}

