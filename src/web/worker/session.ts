/**
 * One workbook open in the 网页版: the bytes the user chose (never changed), the package made from them, and the
 * list of everything done since — the pane's plans and the user's own typing in the grid. Because that list is
 * data, going back is exact: reopen the original bytes and replay the list up to a point, then replay the typing
 * made after it (so 撤销上次写入 takes back the pane's write and nothing the user typed). A run that fails half way
 * is rolled back the same way, so the workbook never holds half a write.
 */
import { emptyPlan, type CellInput, type Plan, type Settings, type SheetSnapshot } from '../../core';
import type { OpenPackage, PackageApplied, RuleLook, SheetLook, WorkbookPackage } from '../package/workbookPackage';
import { WorkbookEvaluator } from './evaluator';

export type Operation = { kind: 'plan'; plan: Plan } | { kind: 'edit'; plan: Plan };

export interface Selection {
  sheet: string;
  row: number;
  col: number;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
const ruleKey = (sheet: string, ranges: string[], formula: string) => `${sheet}\u0000${ranges.join(' ')}\u0000${formula}`;

export class WorkbookSession {
  private pkg!: WorkbookPackage;
  private ops: Operation[] = [];
  private sheetsCache: SheetSnapshot[] | null = null;
  private evaluatorCache: WorkbookEvaluator | null = null;
  /** Colours of the rules the pane added (a library may not read them back). */
  private readonly ruleColours = new Map<string, Pick<RuleLook, 'fill' | 'font'>>();
  activeSheet = '';
  selection: Selection | null = null;
  settings: Partial<Settings> | null = null;

  private constructor(
    readonly fileName: string,
    private readonly original: Uint8Array,
    private readonly open: OpenPackage,
  ) {}

  static async open(bytes: Uint8Array, fileName: string, open: OpenPackage): Promise<WorkbookSession> {
    const session = new WorkbookSession(fileName, bytes, open);
    session.pkg = await open(bytes, fileName);
    session.activeSheet = session.pkg.sheetNames()[0] ?? '';
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

  sheets(): SheetSnapshot[] {
    return (this.sheetsCache ??= this.pkg.readSheets());
  }

  sheet(name: string): SheetSnapshot | undefined {
    return this.sheets().find((s) => sameName(s.name, name));
  }

  evaluator(): WorkbookEvaluator {
    return (this.evaluatorCache ??= new WorkbookEvaluator(this.sheets()));
  }

  /** Widths, frozen panes and rules of a sheet; a rule's colours from the file, else from the plan that added it. */
  look(sheet: string): SheetLook {
    const look = this.pkg.look(sheet);
    const rules = look.rules.map((r): RuleLook => {
      const known = this.ruleColours.get(ruleKey(sheet, r.ranges, r.formula));
      return { ...r, fill: r.fill ?? known?.fill, font: r.font ?? known?.font };
    });
    return { ...look, rules };
  }

  apply(plan: Plan): PackageApplied {
    this.ops.push({ kind: 'plan', plan });
    return this.carryOut(plan);
  }

  /** A value or formula the user typed into the grid. */
  edit(sheet: string, row: number, col: number, input: CellInput): void {
    const s = this.sheet(sheet);
    const before = s ? (s.formulas[row - s.originRow]?.[col - s.originCol] ?? s.values[row - s.originRow]?.[col - s.originCol] ?? null) : null;
    const plan: Plan = { ...emptyPlan(sheet), writes: [{ row, col, inputs: [[input]], before: [[before]], purpose: 'value' }] };
    this.ops.push({ kind: 'edit', plan });
    this.carryOut(plan);
  }

  /** Back to how the workbook was after the first `checkpoint` operations, keeping the user's typing made since. */
  async restore(checkpoint: number): Promise<void> {
    if (checkpoint >= this.ops.length) return;
    const kept = this.ops.slice(0, checkpoint);
    const typedSince = this.ops.slice(checkpoint).filter((op) => op.kind === 'edit');
    this.pkg = await this.open(this.original, this.fileName);
    this.ops = [];
    this.invalidate();
    for (const op of [...kept, ...typedSince]) {
      this.ops.push(op);
      this.carryOut(op.plan);
    }
    if (!this.pkg.sheetNames().some((n) => sameName(n, this.activeSheet))) this.activeSheet = this.pkg.sheetNames()[0] ?? '';
    if (this.selection && !this.pkg.sheetNames().some((n) => sameName(n, this.selection!.sheet))) this.selection = null;
  }

  save(): Promise<Uint8Array> {
    return this.pkg.save();
  }

  private carryOut(plan: Plan): PackageApplied {
    this.invalidate();
    for (const r of plan.conditionalFormats) this.ruleColours.set(ruleKey(plan.sheet, r.ranges, r.formula), { fill: r.style.fill, font: r.style.font });
    return this.pkg.applyPlan(plan);
  }

  private invalidate(): void {
    this.sheetsCache = null;
    this.evaluatorCache = null;
  }
}
