/**
 * `Excel.CustomXmlPartCollection` / `CustomXmlPartScopedCollection` / `CustomXmlPart` (ExcelApi 1.5): XML parts
 * stored inside the workbook file, found by the namespace of their root element. Unlike
 * `Office.context.document.settings` (kept per add-in instance: a sideloaded and a catalog copy of the same add-in
 * do not see each other's, office-js#840), a part belongs to the workbook and every copy of the add-in reads it.
 */
import { SimClientObject, SimClientResult, SimCollection } from './clientObject';
import type { SimRequestContext } from './context';
import { invalidArgument, itemNotFound } from './errors';
import { requireApi } from './requirements';

export interface SimXmlPart {
  id: string;
  xml: string;
}

let nextId = 1;

/** The namespace of the root element; Excel refuses a part that is not XML with a root element. */
function namespaceOf(xml: string): string {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<([\w:.-]+)([^>]*)>/.exec(xml);
  if (!root || !xml.trim().endsWith('>')) throw invalidArgument('The custom XML part is not well-formed XML.', 'CustomXmlPartCollection.add');
  const prefix = root[1].includes(':') ? root[1].split(':')[0] : '';
  const attr = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(root[2]);
  return attr?.[1] ?? '';
}

export class SimCustomXmlPart extends SimClientObject<SimXmlPart> {
  protected readonly simTypeName = 'CustomXmlPart';

  constructor(context: SimRequestContext, private readonly resolver: () => SimXmlPart | null) {
    super(context);
  }

  protected simResolve(): SimXmlPart | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (p: SimXmlPart) => unknown> {
    return { id: (p) => p.id, namespaceUri: (p) => namespaceOf(p.xml) };
  }

  get id(): string { return this.simGet('id'); }
  get namespaceUri(): string { return this.simGet('namespaceUri'); }

  getXml(): SimClientResult<string> {
    const result = new SimClientResult<string>();
    this.simCall({}, (p) => {
      result.simResolveWith(p.xml);
      return p.xml.length;
    });
    return result;
  }

  setXml(xml: string): void {
    this.simCall({ xml }, (p) => {
      namespaceOf(xml);
      p.xml = xml;
    });
  }

  delete(): void {
    this.simCall({}, (p) => {
      const parts = this.context.simBook.customXmlParts;
      parts.splice(parts.indexOf(p), 1);
    });
  }
}

/** The parts of one namespace (getByNamespace). */
export class SimCustomXmlPartScopedCollection extends SimCollection<SimXmlPart[], SimXmlPart, SimCustomXmlPart> {
  protected readonly simTypeName: string = 'CustomXmlPartScopedCollection';

  constructor(context: SimRequestContext, private readonly namespace: string | null) {
    super(context);
  }

  protected simResolve(): SimXmlPart[] {
    requireApi(this.context, '1.5', 'Workbook.customXmlParts');
    const all = this.context.simBook.customXmlParts;
    return this.namespace === null ? all : all.filter((p) => namespaceOf(p.xml) === this.namespace);
  }

  protected simList(parts: SimXmlPart[]): SimXmlPart[] {
    return parts;
  }

  protected simMakeItem(): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => null);
  }

  /** The one part of the namespace; a null object when there is none; ItemNotFound-like failure when several. */
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => {
      const parts = this.simTargetOrThrow();
      if (parts.length > 1) throw invalidArgument(`${parts.length} custom XML parts in ${this.namespace}.`, 'getOnlyItemOrNullObject');
      return parts[0] ?? null;
    });
  }

  getItemOrNullObject(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => this.simTargetOrThrow().find((p) => p.id === id) ?? null);
  }
}

export class SimCustomXmlPartCollection extends SimCustomXmlPartScopedCollection {
  protected override readonly simTypeName = 'CustomXmlPartCollection';

  constructor(context: SimRequestContext) {
    super(context, null);
  }

  add(xml: string): SimCustomXmlPart {
    const proxy = new SimCustomXmlPart(this.context, () => null);
    this.simCall({ xml }, () => {
      requireApi(this.context, '1.5', 'CustomXmlPartCollection.add');
      namespaceOf(xml);
      const part = { id: `{sim-xml-${nextId++}}`, xml };
      this.context.simBook.customXmlParts.push(part);
      proxy.simBind(part);
    });
    return proxy;
  }

  getByNamespace(namespaceUri: string): SimCustomXmlPartScopedCollection {
    return new SimCustomXmlPartScopedCollection(this.context, namespaceUri);
  }

  getItem(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, () => {
      const part = this.simTargetOrThrow().find((p) => p.id === id);
      if (!part) throw itemNotFound(`custom XML part ${id}`);
      return part;
    });
  }
}
