/**
 * `Excel.NoteCollection` / `Excel.Note` (ExcelApi 1.18): Excel's plain notes, keyed by cell address.
 * On a host below 1.18 every use fails with ApiNotFound, as on Excel 2021 (1.14) or LTSC 2024 (1.17).
 */
import { cellAddress } from '../../core';
import { SimClientObject, SimClientResult, SimCollection } from './clientObject';
import type { SimRequestContext } from './context';
import { accessDenied, invalidArgument, itemNotFound } from './errors';
import { SimRange, rectOnSheet } from './rangeProxy';
import { requireApi } from './requirements';
import { internalError } from './limits';
import type { SimNote, SimSheet } from './sheetModel';

interface NoteTarget {
  sheet: SimSheet;
  note: SimNote;
}

const key = (row: number, col: number) => `${row},${col}`;

function cellOf(sheet: SimSheet, address: string): { row: number; col: number } {
  const r = rectOnSheet(sheet, address);
  if (r.top !== r.bottom || r.left !== r.right) throw invalidArgument(`A note belongs to one cell, not ${address}.`);
  return { row: r.top, col: r.left };
}

function sorted(sheet: SimSheet): SimNote[] {
  return [...sheet.notes.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

export class SimNoteCollection extends SimCollection<SimSheet, NoteTarget, SimNoteProxy> {
  protected readonly simTypeName = 'NoteCollection';

  constructor(context: SimRequestContext, private readonly resolver: () => SimSheet | null) {
    super(context);
  }

  protected simResolve(): SimSheet | null {
    requireApi(this.context, '1.18', 'Worksheet.notes');
    return this.resolver();
  }

  /**
   * Excel on the web (the quirk webNotes): loading all of the notes' properties fails — visible, width and height
   * are not supported there — while loading named ones works (office-js#6198, "by design", with that workaround).
   */
  override simPopulate(paths: string[] | null): number {
    const itemPaths = (paths ?? []).filter((p) => p === 'items' || p.startsWith('items/'));
    const all = paths === null || itemPaths.includes('items') || itemPaths.some((p) => /^items\/(visible|width|height)$/.test(p));
    if (this.context.simBook.quirks.webNotes && all) throw internalError('NoteCollection.load: visible, width and height are not supported on the web');
    return super.simPopulate(paths);
  }

  protected simList(sheet: SimSheet): NoteTarget[] {
    return sorted(sheet).map((note) => ({ sheet, note }));
  }

  protected simMakeItem(): SimNoteProxy {
    return new SimNoteProxy(this.context, () => null);
  }

  add(cell: SimRange | string, content: string): SimNoteProxy {
    const proxy = new SimNoteProxy(this.context, () => null);
    this.simCall({ cell: typeof cell === 'string' ? cell : '', content }, (sheet) => {
      if (sheet.isProtected) throw accessDenied(sheet.name);
      const { row, col } = typeof cell === 'string' ? cellOf(sheet, cell) : cellOfRange(cell);
      if (sheet.notes.has(key(row, col))) throw invalidArgument(`${cellAddress(row, col)} already has a note.`);
      const note: SimNote = { row, col, content: String(content), author: 'Simulated user' };
      sheet.notes.set(key(row, col), note);
      sheet.host.changed(sheet, { top: row, left: col, bottom: row, right: col });
      proxy.simBind({ sheet, note });
    });
    return proxy;
  }

  getItem(address: string): SimNoteProxy {
    return new SimNoteProxy(this.context, () => {
      const sheet = this.simTargetOrThrow();
      const { row, col } = cellOf(sheet, address);
      const note = sheet.notes.get(key(row, col));
      if (!note) throw itemNotFound(`note at ${address}`);
      return { sheet, note };
    });
  }

  getItemOrNullObject(address: string): SimNoteProxy {
    return new SimNoteProxy(this.context, () => {
      const sheet = this.simTargetOrThrow();
      const { row, col } = cellOf(sheet, address);
      const note = sheet.notes.get(key(row, col));
      return note ? { sheet, note } : null;
    });
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.simCall({}, (sheet) => {
      result.simResolveWith(sheet.notes.size);
      return 8;
    });
    return result;
  }
}

function cellOfRange(range: SimRange): { row: number; col: number } {
  const t = range.simTargetOrThrow();
  return { row: t.rect.top, col: t.rect.left };
}

export class SimNoteProxy extends SimClientObject<NoteTarget> {
  protected readonly simTypeName = 'Note';

  constructor(context: SimRequestContext, private readonly resolver: () => NoteTarget | null) {
    super(context);
  }

  protected simResolve(): NoteTarget | null {
    return this.resolver();
  }

  protected simScalars(): Record<string, (t: NoteTarget) => unknown> {
    return { content: (t) => t.note.content, authorName: (t) => t.note.author };
  }

  get content(): string { return this.simGet('content'); }
  set content(text: string) {
    this.simSet('content', text, (t) => {
      if (t.sheet.isProtected) throw accessDenied(t.sheet.name);
      t.note.content = text;
      t.sheet.host.changed(t.sheet, null);
    });
  }
  get authorName(): string { return this.simGet('authorName'); }

  delete(): void {
    this.simCall({}, (t) => {
      if (t.sheet.isProtected) throw accessDenied(t.sheet.name);
      t.sheet.notes.delete(key(t.note.row, t.note.col));
      t.sheet.host.changed(t.sheet, null);
    });
  }

  getLocation(): SimRange {
    return new SimRange(this.context, () => {
      const t = this.simTargetOrThrow();
      return { sheet: t.sheet, rect: { top: t.note.row, left: t.note.col, bottom: t.note.row, right: t.note.col } };
    });
  }
}
