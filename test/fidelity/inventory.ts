/**
 * What a worksheet part holds, for comparing a sheet before and after a command: its top-level elements' raw text,
 * the raw text of every cell, and the children of the containers a plan may add to (rules, lists, merges).
 */
import { Parser } from 'htmlparser2';

export interface SheetInventory {
  /** Top-level elements (not sheetData) as raw text, by local name. */
  elements: Map<string, string[]>;
  /** Children of mergeCells / dataValidations / conditionalFormatting blocks, as raw text. */
  children: Map<string, string[]>;
  /** Every cell's raw text by address, with its row number. */
  cells: Map<string, { row: number; xml: string }>;
}

const local = (n: string) => n.slice(n.indexOf(':') + 1);
const CONTAINERS = new Set(['mergeCells', 'dataValidations', 'conditionalFormatting']);

export function inventory(xml: string): SheetInventory {
  const elements = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  const cells = new Map<string, { row: number; xml: string }>();
  const stack: { name: string; start: number }[] = [];
  let row = 0;
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => m.set(k, [...(m.get(k) ?? []), v]);
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push({ name: local(name), start: parser.startIndex });
        if (local(name) === 'row') row = Number(attrs.r);
      },
      onclosetag() {
        const el = stack.pop()!;
        const text = xml.slice(el.start, parser.endIndex + 1);
        if (stack.length === 1 && el.name !== 'sheetData') push(elements, el.name, text);
        if (stack.length === 2 && CONTAINERS.has(stack[1].name)) push(children, stack[1].name, text);
        if (el.name === 'c' && stack.length === 3) {
          const r = /\sr="([A-Z]+\d+)"/.exec(text)?.[1] ?? `?${cells.size}`;
          cells.set(r, { row, xml: text });
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return { elements, children, cells };
}
