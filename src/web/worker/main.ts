/**
 * The 网页版's worker: holds the open workbook and answers the page's requests one at a time (protocol.ts).
 * The pane's actions run here, over the web front end, with the same action layer as in Excel.
 */
import type { PaneActions } from '../../taskpane/host/PaneActions';
import { toPaneError } from '../../taskpane/shared/paneError';
import type { Progress } from '../../taskpane/shared/progress';
import { createWorkbookActions } from '../../taskpane/host/workbookActions';
import { parseTyped } from '../../preview/cellInput';
import type { CellInput } from '../../core';
import { openPackage } from '../package/openPackage';
import { PackageOpenError } from '../package/workbookPackage';
import type { BookState, PaneMethod, Reply, Request } from '../protocol';
import { WorkbookSession } from './session';
import { sheetView } from './sheetDisplay';
import { createWebFrontEnd } from './webFrontEnd';

interface WorkerScope {
  postMessage(message: Reply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<{ id: number; request: Request }>) => void): void;
}

const scope = self as unknown as WorkerScope;

let session: WorkbookSession | null = null;
let actions: PaneActions | null = null;

const STAGE: Partial<Record<string, string>> = {
  open: '正在读取工作簿…',
  save: '正在生成文件…',
  detect: '正在识别表格…',
  apply: '正在写入…',
  undo: '正在撤销…',
  detectIndicators: '正在识别绩效指标…',
  applyIndicators: '正在生成绩效指标表…',
  previewNextYear: '正在预览下一年度…',
  createNextYear: '正在生成下一年度工作表…',
  buildMonitor: '正在生成运行监控表…',
};

function opened(): WorkbookSession {
  if (!session) throw { code: 'no-workbook', messageZh: '还没有打开工作簿。', hint: '请先点击“打开工作簿”选择一个 .xlsx 文件。' };
  return session;
}

const isCallback = (a: unknown) => typeof a === 'object' && a !== null && (a as { callback?: unknown }).callback === true;

async function handle(id: number, request: Request, transfer: Transferable[]): Promise<unknown> {
  switch (request.method) {
    case 'open': {
      const next = await WorkbookSession.open(new Uint8Array(request.bytes), request.fileName, openPackage);
      session = next;
      actions = createWorkbookActions(createWebFrontEnd(next));
      return { fileName: next.fileName, sheets: next.sheetNames(), active: next.activeSheet, extension: next.extension() };
    }
    case 'view': {
      const s = opened();
      const sheet = request.sheet ?? s.activeSheet;
      const at = s.selection && s.selection.sheet === sheet ? s.selection.row : null;
      const outside = at !== null && (at < request.top || at >= request.top + request.rows);
      // A flag chosen in the 问题清单 far down a long sheet: show the screen around it.
      const top = request.follow && outside ? Math.max(1, at - Math.floor(request.rows / 4)) : request.top;
      return await sheetView(s, sheet, { top, rows: request.rows });
    }
    case 'activate':
      opened().show(request.sheet, null);
      return null;
    case 'select':
      opened().show(request.sheet, { sheet: request.sheet, row: request.row, col: request.col });
      return null;
    case 'edit':
      await opened().edit(request.sheet, request.row, request.col, parseTyped(request.text) as CellInput);
      return null;
    case 'save': {
      const bytes = await opened().save();
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      transfer.push(buffer);
      return buffer;
    }
    case 'pane': {
      opened();
      const fn = (actions as PaneActions)[request.name as PaneMethod] as (...args: unknown[]) => Promise<unknown>;
      // The pane's progress callback stayed in the page: report to it by message.
      const report = (p: Progress) => scope.postMessage({ type: 'progress', id, stage: p.step, done: p.done, total: p.total });
      return fn(...request.args.map((a) => (isCallback(a) ? report : a)));
    }
  }
}

function failure(e: unknown) {
  if (e instanceof PackageOpenError) return { code: e.code, messageZh: e.messageZh, hint: e.messageEn };
  return toPaneError(e);
}

// One request at a time, in the order sent: a view asked for after a write sees the write.
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    const stage = request.method === 'pane' ? STAGE[request.name] : STAGE[request.method];
    if (stage) scope.postMessage({ type: 'progress', id, stage });
    const state = (): BookState => ({ lastWrite: actions?.lastWrite() ?? null, changed: session?.changed ?? false, version: session?.version ?? 0 });
    const transfer: Transferable[] = [];
    try {
      const result = await handle(id, request, transfer);
      scope.postMessage({ type: 'done', id, result, ...state() }, transfer);
    } catch (e) {
      scope.postMessage({ type: 'failed', id, error: failure(e), ...state() });
    }
  });
});
