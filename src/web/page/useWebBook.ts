/**
 * The 网页版's page state: the workbook open in the worker, the screen of the active sheet the grid shows, what
 * the worker is doing, and the writes made (for the saved file's name). Every change the worker settles — a
 * write by the pane, a typed cell, a flag chosen in the 问题清单 — redraws the screen.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cellAddress, parseCell } from '../../core';
import type { PaneActions } from '../../taskpane/host/PaneActions';
import type { OpenedBook } from '../protocol';
import type { SheetView } from '../worker/sheetDisplay';
import { outputName } from './outputName';
import { createWebActions } from './webActions';
import type { WorkerClient, WorkerState } from './workerClient';

const MIME: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.12',
};

/** Rows the grid draws at once: more than a screen, while a 20,000-row sheet stays quick to draw. */
export const SCREEN_ROWS = 120;

export interface WebBook {
  book: OpenedBook | null;
  /** Changes with every file opened: the pane starts afresh for each. */
  generation: number;
  view: SheetView | null;
  /**
   * The selected cell as the page knows it at once (arrow keys, clicks), ahead of the worker's next screen: the
   * formula bar must not jump back under the user's typing when a screen asked for earlier arrives.
   */
  selection: { row: number; col: number } | null;
  worker: WorkerState;
  actions: PaneActions;
  /** A message for the user (a file that cannot be opened, a cell that cannot be typed into). */
  error: { messageZh: string; hint?: string } | null;
  open(file: File): Promise<void>;
  activate(sheet: string): void;
  select(row: number, col: number): void;
  edit(row: number, col: number, text: string): void;
  page(direction: -1 | 1): void;
  save(): Promise<void>;
  dismissError(): void;
}

const asError = (e: unknown) =>
  e && typeof e === 'object' && 'messageZh' in e ? (e as { messageZh: string; hint?: string }) : { messageZh: `操作失败：${String(e)}`, hint: '请重试。' };

export function useWebBook(client: WorkerClient): WebBook {
  const [book, setBook] = useState<OpenedBook | null>(null);
  const [generation, setGeneration] = useState(0);
  const [view, setView] = useState<SheetView | null>(null);
  const [worker, setWorker] = useState<WorkerState>(client.state);
  const [error, setError] = useState<WebBook['error']>(null);
  const [selection, setSelection] = useState<WebBook['selection']>(null);
  const suffixes = useRef<string[]>([]);
  const top = useRef(1);
  /** Counts the page's own selections: a screen asked for before the latest one does not move the selection back. */
  const selections = useRef(0);
  /** The worker's version the grid shows: a read-only action (识别) redraws nothing. */
  const shown = useRef(-1);
  const opened = book !== null;

  const refresh = useCallback(
    async (follow: boolean) => {
      const asked = selections.current;
      shown.current = client.state.version;
      const next = await client.call({ method: 'view', sheet: null, top: top.current, rows: SCREEN_ROWS, follow });
      top.current = next.grid.top;
      setView(next);
      if (asked === selections.current) setSelection(next.grid.selection ? parseCell(next.grid.selection) : null);
    },
    [client],
  );

  useEffect(
    () =>
      client.subscribe((state, settled) => {
        setWorker(state);
        if (!state.changed) suffixes.current = [];
        // Whatever the worker just changed (the pane's writes and selections included) is redrawn.
        if (opened && settled && settled !== 'view' && state.version !== shown.current) void refresh(true).catch((e) => setError(asError(e)));
      }),
    [client, opened, refresh],
  );

  const web = useMemo(() => createWebActions(client, (s) => suffixes.current.push(s)), [client]);

  const guard = useCallback((p: Promise<unknown>) => void p.catch((e) => setError(asError(e))), []);

  return {
    book,
    generation,
    view,
    selection,
    worker,
    actions: web.actions,
    error,
    open: async (file) => {
      setError(null);
      try {
        const bytes = await file.arrayBuffer();
        const next = await client.call({ method: 'open', bytes, fileName: file.name }, [bytes]);
        suffixes.current = [];
        top.current = 1;
        setBook(next);
        setGeneration((g) => g + 1);
        await refresh(false);
      } catch (e) {
        setError(asError(e));
      }
    },
    activate: (sheet) => {
      top.current = 1;
      guard(client.call({ method: 'activate', sheet }));
    },
    select: (row, col) => {
      if (!view) return;
      selections.current++;
      setSelection({ row, col });
      guard(client.call({ method: 'select', sheet: view.grid.sheet, row, col }));
    },
    edit: (row, col, text) => {
      if (!view) return;
      const sheet = view.grid.sheet;
      guard(client.call({ method: 'edit', sheet, row, col, text }).then(() => web.edited({ sheet, address: cellAddress(row, col) })));
    },
    page: (direction) => {
      top.current = Math.max(1, top.current + direction * SCREEN_ROWS);
      guard(refresh(false));
    },
    save: async () => {
      if (!book) return;
      try {
        const bytes = await client.call({ method: 'save' });
        download(new Blob([bytes], { type: MIME[book.extension] ?? MIME['.xlsx'] }), outputName(book.fileName, suffixes.current, book.extension));
      } catch (e) {
        setError(asError(e));
      }
    },
    dismissError: () => setError(null),
  };
}

/** Hands the file to the browser's own download (nothing is sent anywhere: the bytes are already in the page). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
