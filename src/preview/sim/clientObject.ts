/**
 * The proxy half of Office.js's model, as the simulator implements it: a proxy queues work on its request
 * context; `context.sync()` runs the queue against the workbook and fills in what was loaded. Reading a
 * property that was not loaded and synced throws PropertyNotLoaded, as in Excel — office-addin-mock returns
 * an error string instead, which lets exactly the bugs through that this simulator exists to catch.
 */
import { itemNotFound, propertyNotLoaded } from './errors';
import type { SimRequestContext } from './context';

export type LoadSpec = string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

/** Per-action overhead of Office.js's JSON request (object path ids, action type, property name). */
export const ACTION_OVERHEAD_BYTES = 64;

const utf8 = new TextEncoder();

/**
 * Bytes of the value's JSON as it travels: UTF-8, so a Chinese character weighs 3 bytes, not 1 — Excel on the web's
 * 5 MB limit counts bytes (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8.encode(JSON.stringify(value)).length;
}

function splitList(s: string): string[] {
  return s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function objectPaths(spec: Record<string, unknown>, prefix: string): string[] {
  const out: string[] = [];
  for (const [key, v] of Object.entries(spec)) {
    if (key === '$all' || key === '$top' || key === '$skip') continue;
    if (v === true) out.push(prefix + key);
    else if (v && typeof v === 'object') out.push(...objectPaths(v as Record<string, unknown>, `${prefix}${key}/`));
  }
  return out;
}

/** The property paths a `load()` argument names ("values, format/columnWidth"); null means all scalars. */
export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  if (typeof spec === 'string') return splitList(spec);
  if (Array.isArray(spec)) return spec.flatMap(splitList);
  if ('select' in spec || 'expand' in spec) {
    const s = spec as { select?: string; expand?: string };
    return [...splitList(s.select ?? ''), ...splitList(s.expand ?? '')];
  }
  const paths = objectPaths(spec, '');
  return paths.length === 0 ? null : paths;
}

/** Groups "a/b", "a/c", "d" into { a: ["b","c"], d: [] }. */
export function groupPaths(paths: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('/');
    const key = head.trim();
    const list = groups.get(key) ?? [];
    if (rest.length > 0) list.push(rest.join('/'));
    groups.set(key, list);
  }
  return groups;
}

export abstract class SimClientObject<T> {
  protected readonly simLoaded = new Map<string, unknown>();
  private simNull: boolean | undefined;
  private simTarget: { value: T | null } | undefined;

  constructor(readonly context: SimRequestContext) {}

  /** Office.js class name, for messages. */
  protected abstract readonly simTypeName: string;
  /** Finds what the proxy stands for; runs inside sync(). Null means a null object (the *OrNullObject methods). */
  protected abstract simResolve(): T | null;
  /** Loadable scalar properties and how to read them from the target. */
  protected abstract simScalars(): Record<string, (target: T) => unknown>;
  /** Navigation properties (format, custom, rule, …) that a load path may go through. */
  protected simChild(_name: string): SimClientObject<unknown> | undefined {
    return undefined;
  }

  /** Binds the proxy to a known target (collection items, objects created by add()). */
  simBind(target: T | null): this {
    this.simTarget = { value: target };
    return this;
  }

  /** The target, resolved once — an object keeps pointing at what it was created for, as in Excel. */
  simTargetOrNull(): T | null {
    if (!this.simTarget) this.simTarget = { value: this.simResolve() };
    return this.simTarget.value;
  }

  simTargetOrThrow(): T {
    const t = this.simTargetOrNull();
    if (t === null) throw itemNotFound(`${this.simTypeName} (null object)`);
    return t;
  }

  get isNullObject(): boolean {
    if (this.simNull === undefined) throw propertyNotLoaded(this.simTypeName, 'isNullObject');
    return this.simNull;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.simEnqueue({
      kind: 'load',
      bytes: ACTION_OVERHEAD_BYTES + jsonBytes(paths),
      run: () => this.simPopulate(paths),
    });
    return this;
  }

  /** Fills in loaded properties from the target; returns the response bytes. */
  simPopulate(paths: string[] | null): number {
    const target = this.simTargetOrNull();
    this.simNull = target === null;
    if (target === null) return 16;
    const scalars = this.simScalars();
    let bytes = 0;
    const groups = groupPaths(paths ?? Object.keys(scalars));
    for (const [name, rest] of groups) {
      const read = scalars[name];
      if (read && rest.length === 0) {
        const value = read(target);
        this.simLoaded.set(name, value);
        bytes += name.length + 3 + jsonBytes(value);
        continue;
      }
      const child = this.simChild(name);
      if (!child) throw new Error(`Simulator: ${this.simTypeName} has no loadable property '${name}'`);
      bytes += child.simPopulate(rest.length > 0 ? rest : null);
    }
    return bytes;
  }

  protected simGet<V>(name: string): V {
    if (!this.simLoaded.has(name)) throw propertyNotLoaded(this.simTypeName, name);
    return this.simLoaded.get(name) as V;
  }

  /** Queues a property write; the value is applied to the target when the batch runs. */
  protected simSet(name: string, value: unknown, apply: (target: T) => void): void {
    this.context.simEnqueue({
      kind: 'set',
      bytes: ACTION_OVERHEAD_BYTES + name.length + jsonBytes(value),
      run: () => {
        apply(this.simTargetOrThrow());
        return 0;
      },
    });
  }

  /** Queues a method call. */
  protected simCall(args: unknown, apply: (target: T) => number | void): void {
    this.context.simEnqueue({
      kind: 'method',
      bytes: ACTION_OVERHEAD_BYTES + jsonBytes(args),
      run: () => apply(this.simTargetOrThrow()) ?? 0,
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.simLoaded);
  }
}

/** `OfficeExtension.ClientResult`: a value known after sync. */
export class SimClientResult<V> {
  private known = false;
  private v: V | undefined;

  simResolveWith(value: V): void {
    this.v = value;
    this.known = true;
  }

  get value(): V {
    if (!this.known) throw propertyNotLoaded('ClientResult', 'value');
    return this.v as V;
  }
}

/** A collection proxy: `items` after load and sync; `load('items/name')` or `load('name')` loads items' properties. */
export abstract class SimCollection<T, M, I extends SimClientObject<M>> extends SimClientObject<T> {
  private simItems: I[] | undefined;

  protected abstract simList(target: T): M[];
  protected abstract simMakeItem(model: M): I;

  get items(): I[] {
    if (!this.simItems) throw propertyNotLoaded(this.simTypeName, 'items');
    return this.simItems;
  }

  protected simScalars(): Record<string, (target: T) => unknown> {
    return {};
  }

  override simPopulate(paths: string[] | null): number {
    const target = this.simTargetOrThrow();
    const itemPaths = (paths ?? []).flatMap((p) => (p === 'items' ? [] : p.startsWith('items/') ? [p.slice(6)] : [p]));
    this.simItems = this.simList(target).map((m) => this.simMakeItem(m).simBind(m));
    let bytes = 2;
    for (const item of this.simItems) bytes += item.simPopulate(itemPaths.length > 0 ? itemPaths : null);
    return bytes;
  }
}
