/**
 * The .xlsx package front end, for the command line and the 网页版 alike: bytes in, bytes out, no Node imports.
 *
 *   const book = await WorkbookPackage.open(bytes);      // refuses .xls, encrypted and Strict files (PackageError)
 *   const snapshots = await book.readSnapshots();        // every worksheet, or readSnapshots('表1') for one
 *   const plans = …engine(snapshots)…;                   // src/core
 *   const applied = await book.applyPlans(plans);        // per plan: { sheet, result: ApplyResult }
 *   const out = await book.save();                       // Uint8Array; name it with book.extension (".xlsx" / ".xlsm")
 *   await book.customXml(ns) / book.setCustomXml(ns, xml) // the custom XML part of a namespace (the pane's settings)
 *
 * Nothing is rebuilt: only the parts a plan changes are rewritten (the changed sheets, styles.xml with appended
 * formats, notes' parts, workbook.xml and [Content_Types].xml for new sheets); every other part is copied as its
 * original compressed bytes. Within a changed sheet every element the plan does not touch keeps its text.
 * PackageError carries `code` ('legacy-xls' | 'encrypted' | 'not-xlsx' | 'strict-ooxml' | 'corrupt') and the
 * message in Chinese (`zh`) and English (`en`), each saying what to do next.
 */
import type { Plan, SheetSnapshot } from '../../core';
import { type ApplyResult, applyPlanToState, type SheetOrigin } from './applyPlan';
import { updateAppProperties } from './appProperties';
import { Book } from './book';
import { sheetsToRead } from './resultsWanted';
import { findCustomXml, writeCustomXml } from './customXml';
import { PlanSheetMissingError, SheetNotFoundError } from './errors';
import { PackageError, sniffPackage } from './inputErrors';
import { blankSheet, copySheet } from './newSheets';
import { relsPathOf } from './opc';
import { loadNoteParts } from './sheetNotes';
import { loadState, readSheet, releaseGrids, type SheetState, snapshotOf, xmlChunks } from './sheetState';
import { addStylesPart, dropCalcChain, requestFullCalc } from './workbookEdit';
import { type RawCodec, ZipParts } from './zipParts';

export type { ApplyResult, SheetOrigin } from './applyPlan';
export { MergeConflictError, listFormula } from './sheetEdits';
export { PackageError, sniffPackage } from './inputErrors';
export type { PackageErrorCode } from './inputErrors';
export type { RawCodec, RawDeflater } from './zipParts';
export { PlanSheetMissingError, SheetNotFoundError } from './errors';

export interface AppliedPlan {
  sheet: string;
  result: ApplyResult;
}

export class WorkbookPackage {
  private readonly states = new Map<string, SheetState>();
  private fullCalc = false;
  /** The worksheets as opened, in tab order: docProps/app.xml lists them, and gets the added ones on save. */
  private readonly openedSheets: string[];

  private constructor(
    private readonly book: Book,
    private readonly source: string | undefined,
  ) {
    this.openedSheets = book.sheets.map((s) => s.name);
  }

  /**
   * Opens workbook bytes (.xlsx / .xlsm). `source` names the file in snapshots, for messages only; `codec` lets
   * a platform with a faster deflate (Node's zlib) do the (de)compression of the parts that are read or written.
   */
  static async open(bytes: Uint8Array, options: { source?: string; codec?: RawCodec } = {}): Promise<WorkbookPackage> {
    sniffPackage(bytes);
    let zip: ZipParts;
    try {
      zip = await ZipParts.open(bytes, options.codec);
    } catch (e) {
      throw new PackageError('corrupt', String((e as Error)?.message ?? e));
    }
    try {
      return new WorkbookPackage(await Book.open(zip), options.source);
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw new PackageError('corrupt', String((e as Error)?.message ?? e));
    }
  }

  /** Worksheet names in tab order (chart sheets have no cells and are not listed). */
  get sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  /** The extension the output should have: a macro-enabled workbook stays one. */
  get extension(): '.xlsx' | '.xlsm' {
    return this.book.macroEnabled ? '.xlsm' : '.xlsx';
  }

  private async state(name: string): Promise<SheetState | undefined> {
    const existing = this.states.get(name);
    if (existing) return existing;
    const entry = this.book.sheet(name);
    if (!entry) return undefined;
    const state = await loadState(this.book, entry);
    this.states.set(name, state);
    return state;
  }

  /** Snapshots of every worksheet, or of the one named (exact, else ignoring stray spaces; SheetNotFoundError). */
  async readSnapshots(sheet?: string): Promise<SheetSnapshot[]> {
    const names = this.sheetNames;
    const wanted = sheet === undefined ? names : [names.find((n) => n === sheet) ?? names.find((n) => n.trim() === sheet.trim())];
    // A workbook without worksheets (only chart sheets) gives no snapshots: the caller says it found no table.
    if (sheet !== undefined && wanted[0] === undefined) throw new SheetNotFoundError(sheet, names);
    const out: SheetSnapshot[] = [];
    for (const name of wanted as string[]) {
      const state = (await this.state(name))!;
      await readSheet(this.book, state, true);
      out.push(snapshotOf(this.book, state, this.source));
    }
    return out;
  }

  /** Applies the plans in order (a later plan sees what an earlier one wrote). */
  async applyPlans(given: Plan[], progress?: (sheet: string) => void): Promise<AppliedPlan[]> {
    const plans = await this.withResults(given);
    for (const state of this.states.values()) releaseGrids(state);
    const out: AppliedPlan[] = [];
    for (const plan of plans) {
      progress?.(plan.sheet);
      out.push({ sheet: plan.sheet, result: await this.applyPlan(plan) });
    }
    return out;
  }

  /** The plans with their formulas' cached results (cachedResults.ts), computed over the sheets they read. */
  private async withResults(plans: Plan[]): Promise<Plan[]> {
    const wanted = sheetsToRead(plans);
    if (wanted.length === 0) return plans;
    const byName = new Map<string, SheetState>();
    for (const name of wanted) {
      // Formulas name sheets as Excel compares them: ignoring case.
      const real = this.sheetNames.find((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase());
      const state = real === undefined ? undefined : await this.state(real);
      if (!state) continue;
      // Read now: the evaluator asks for them synchronously.
      await readSheet(this.book, state, true);
      byName.set(name.toLocaleLowerCase(), state);
    }
    const snapshots = new Map<SheetState, SheetSnapshot>();
    // Loaded only when some formula wants a result: the formula parser costs start-up time a plain apply does not need.
    const { withCachedResults } = await import('./cachedResults');
    try {
      return withCachedResults(plans, (name) => {
        const state = byName.get(name.toLocaleLowerCase());
        if (!state) return undefined;
        if (!snapshots.has(state)) snapshots.set(state, snapshotOf(this.book, state, this.source));
        return snapshots.get(state);
      });
    } catch {
      // Cached results are a courtesy to viewers that do not recalculate (Excel does, on open): a formula the
      // evaluator chokes on must not cost the user the run. The plans are written without them.
      return plans;
    }
  }

  private async applyPlan(plan: Plan): Promise<ApplyResult> {
    let state = await this.state(plan.sheet);
    let origin: SheetOrigin = 'existing';
    let leftOut: string[] = [];
    if (!state) {
      if (plan.copyFrom !== undefined) {
        const source = await this.state(plan.copyFrom);
        if (!source) throw new PlanSheetMissingError(plan.copyFrom);
        ({ state, leftOut } = await copySheet(this.book, source, plan.sheet, plan.createAfter));
        origin = 'copied';
      } else if (plan.createSheet) {
        state = blankSheet(this.book, plan.sheet, plan.createAfter);
        origin = 'created';
      } else throw new PlanSheetMissingError(plan.sheet);
      this.states.set(plan.sheet, state);
    }
    await loadNoteParts(this.book, state);
    await readSheet(this.book, state);
    const result = applyPlanToState(this.book, state, plan, origin, leftOut);
    // Cached results of copied formulas, and of formulas reading changed cells, may be stale: Excel recalculates.
    if (result.formulasWritten > 0 || result.cellsCleared > 0 || origin !== 'existing' || result.cellsWritten > 0) this.fullCalc = true;
    return result;
  }

  /** The text of the workbook's custom XML part whose root has this namespace (the pane's settings), or null. */
  async customXml(namespace: string): Promise<string | null> {
    return (await findCustomXml(this.book, namespace))?.xml ?? null;
  }

  /** Writes that part, adding it (with its properties part) when the workbook has none; saved with the rest. */
  setCustomXml(namespace: string, xml: string): Promise<void> {
    return writeCustomXml(this.book, namespace, xml);
  }

  /** The workbook as bytes: changed parts rewritten, every other part copied raw. */
  async save(): Promise<Uint8Array> {
    const { book } = this;
    for (const state of this.states.values()) {
      if (state.dirty) book.zip.write(state.entry.part, xmlChunks(book, state));
      if (state.relsDirty && state.relsXml) book.zip.write(relsPathOf(state.entry.part), state.relsXml);
    }
    if (this.fullCalc) {
      requestFullCalc(book);
      dropCalcChain(book);
    }
    if (book.styles.changed) {
      if (!book.stylesPart) addStylesPart(book);
      book.zip.write(book.stylesPart!, book.styles.toXml());
    }
    if (book.workbookDirty()) {
      book.zip.write(book.workbookPart, book.workbookXml);
      book.zip.write(relsPathOf(book.workbookPart), book.workbookRelsXml);
    }
    if (book.contentTypesDirty()) book.zip.write('[Content_Types].xml', book.contentTypes);
    await updateAppProperties(book, this.openedSheets);
    return book.zip.save();
  }
}

