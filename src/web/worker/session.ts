/**
 * One workbook open in the 网页版: the bytes the user chose (never changed), the package made from them, and the
 * list of everything done since — the pane's plans and the user's own typing in the grid. Because that list is
 * data, going back is exact: reopen the original bytes and replay the list up to a point, then replay the typing
 * made after it (so 撤销上次写入 takes back the pane's write and nothing the user typed). A run that fails half way
 * is rolled back the same way, so the workbook never holds half a write.
 */
import { emptyPlan, parseSavedSettings, snapshotValue, settingsJson, settingsXml, type CellInput, type Plan, type Settings, type SheetSnapshot } from '../../core';
import type { OpenPackage, OpenWorkbook, PackageApplied } from '../package/workbookPackage';
import { WorkbookEvaluator } from '../../xlsx/package/formulaEvaluator';

/** What was done to the workbook: the pane's plans, the user's typing, settings saved into the file. */
export type Operation = { kind: 'plan'; plan: Plan } | { kind: 'edit'; plan: Plan } | { kind: 'settings'; settings: Settings };

/** A conditional-format rule as the grid colours it. */
export interface RuleLook {
  ranges: string[];
  formula: string;
  /** "#RRGGBB"; a rule from the file whose colours the reader does not give shows as a flag in Excel's light yellow. */
  fill: string;
  font?: string;
}

/** Excel's "Light yellow fill" preset: the colour of a rule whose own colours are unknown here. */
const UNKNOWN_RULE_FILL = '#FFEB9C';

export interface Selection {
  sheet: string;
  row: number;
  col: number;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
const ruleKey = (sheet: string, ranges: string[], formula: string) => `${sheet}\u0000${ranges.join(' ')}\u0000${formula}`;

export class WorkbookSession {
  private pkg!: OpenWorkbook;
  private ops: Operation[] = [];
  private sheetsCache: SheetSnapshot[] | null = null;
  private evaluatorCache: WorkbookEvaluator | null = null;
  /** Colours of the rules the pane added (a library may not read them back). */
  private readonly ruleColours = new Map<string, { fill: string; font: string }>();
  activeSheet = '';
  selection: Selection | null = null;
  /** Counts changes to what the grid shows, so the page redraws only when something did change. */
  version = 0;
  /** The settings saved in the file (its settings part), or null when it has none. */
  settings: Settings | null = null;
  /** What was wrong with the saved settings, when they could not be used (in Chinese). */
  settingsProblems: string[] = [];

  private constructor(
    readonly fileName: string,
    private readonly original: Uint8Array,
    private readonly open: OpenPackage,
  ) {}

  static async open(bytes: Uint8Array, fileName: string, open: OpenPackage): Promise<WorkbookSession> {
    const session = new WorkbookSession(fileName, bytes, open);
    session.pkg = await open(bytes, fileName);
    session.activeSheet = session.pkg.sheetNames()[0] ?? '';
    const xml = await session.pkg.settingsXml();
    const saved = xml === null ? null : settingsJson(xml);
    if (saved !== null) {
      const { settings, problems } = parseSavedSettings(saved);
      session.settings = problems.length === 0 ? settings : null;
      session.settingsProblems = problems;
    }
    return session;
  }

  /** Operations done so far: a point to come back to. */
  get checkpoint(): number {
    return this.ops.length;
  }

  get changed(): boolean {
    return this.ops.length > 0;
  }

  sheetNames(): string[] {
    return this.pkg.sheetNames();
  }

  extension(): string {
    return this.pkg.extension();
  }

  async sheets(): Promise<SheetSnapshot[]> {
    return (this.sheetsCache ??= await this.pkg.readSheets());
  }

  async sheet(name: string): Promise<SheetSnapshot | undefined> {
    return (await this.sheets()).find((s) => sameName(s.name, name));
  }

  async evaluator(): Promise<WorkbookEvaluator> {
    return (this.evaluatorCache ??= new WorkbookEvaluator(await this.sheets()));
  }

  /** A sheet's rules with their colours: as the plan that added them said, else a flag's light yellow. */
  rules(snapshot: SheetSnapshot): RuleLook[] {
    return (snapshot.conditionalFormats ?? []).map((r) => {
      const known = r.style ?? this.ruleColours.get(ruleKey(snapshot.name, r.ranges, r.formula));
      return { ranges: r.ranges, formula: r.formula, fill: known?.fill ?? UNKNOWN_RULE_FILL, font: known?.font };
    });
  }

  async apply(plan: Plan): Promise<PackageApplied> {
    this.ops.push({ kind: 'plan', plan });
    return (await this.carryOut(this.ops[this.ops.length - 1]))!;
  }

  /** Settings saved into the file's settings part, as the add-in saves them: they travel with the workbook. */
  async saveSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    this.ops.push({ kind: 'settings', settings });
    await this.carryOut(this.ops[this.ops.length - 1]);
  }

  /** A value or formula the user typed into the grid. */
  async edit(sheet: string, row: number, col: number, input: CellInput): Promise<void> {
    const s = await this.sheet(sheet);
    const before = s ? (s.formulas[row - s.originRow]?.[col - s.originCol] ?? snapshotValue(s, row, col)) : null;
    const plan: Plan = { ...emptyPlan(sheet), writes: [{ row, col, inputs: [[input]], before: [[before]], purpose: 'value' }] };
    this.ops.push({ kind: 'edit', plan });
    await this.carryOut(this.ops[this.ops.length - 1]);
  }

  /** Back to how the workbook was after the first `checkpoint` operations, keeping the user's typing and settings since. */
  async restore(checkpoint: number): Promise<void> {
    if (checkpoint >= this.ops.length) return;
    const kept = this.ops.slice(0, checkpoint);
    const typedSince = this.ops.slice(checkpoint).filter((op) => op.kind !== 'plan');
    this.pkg = await this.open(this.original, this.fileName);
    this.ops = [];
    this.invalidate();
    for (const op of [...kept, ...typedSince]) {
      this.ops.push(op);
      await this.carryOut(op);
    }
    if (!this.pkg.sheetNames().some((n) => sameName(n, this.activeSheet))) this.activeSheet = this.pkg.sheetNames()[0] ?? '';
    if (this.selection && !this.pkg.sheetNames().some((n) => sameName(n, this.selection!.sheet))) this.selection = null;
  }

  save(): Promise<Uint8Array> {
    return this.pkg.save();
  }

  private async carryOut(op: Operation): Promise<PackageApplied | null> {
    if (op.kind === 'settings') {
      await this.pkg.setSettingsXml(settingsXml(op.settings));
      return null;
    }
    this.invalidate();
    const { plan } = op;
    for (const r of plan.conditionalFormats) this.ruleColours.set(ruleKey(plan.sheet, r.ranges, r.formula), { fill: r.style.fill, font: r.style.font });
    return this.pkg.applyPlan(plan);
  }

  /** Another sheet, or another cell selected on it (null keeps the selection). */
  show(sheet: string, selection: Selection | null): void {
    this.activeSheet = sheet;
    if (selection) this.selection = selection;
    this.version++;
  }

  private invalidate(): void {
    this.version++;
    this.sheetsCache = null;
    this.evaluatorCache = null;
  }
}
