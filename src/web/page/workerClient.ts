/**
 * The page's side of the worker: starts it from the script the page carries inline (a file opened from disk may
 * not load a worker from a URL), sends requests, and reports what the worker is doing while it works.
 */
import type { WriteKind } from '../../taskpane/shared/paneTypes';
import type { OnProgress } from '../../taskpane/shared/progress';
import type { Reply, Request, Results } from '../protocol';

type Pending = { resolve(v: unknown): void; reject(e: unknown): void; method: Request['method']; onProgress?: OnProgress };

export interface WorkerState {
  /** What the worker is doing, or null when idle. */
  stage: string | null;
  lastWrite: WriteKind | null;
  /** The workbook differs from the file opened. */
  changed: boolean;
  /** What the grid shows, as last told (see BookState.version). */
  version: number;
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(state: WorkerState, settled: Request['method'] | null) => void>();
  state: WorkerState = { stage: null, lastWrite: null, changed: false, version: 0 };

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (e: MessageEvent<Reply>) => this.receive(e.data));
    // A worker that dies (out of memory on a huge file) must not leave the page waiting for ever.
    worker.addEventListener('error', () => this.failAll());
  }

  private failAll(): void {
    const error = { code: 'worker-failed', messageZh: '处理中断：浏览器停止了后台计算（文件可能太大，内存不足）。', hint: '请关闭其他网页后刷新本页重试；文件很大时可改用命令行 budget-exec。' };
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.update({ ...this.state, stage: null }, null);
    for (const p of waiting) p.reject(error);
  }

  call<M extends Request['method']>(request: Extract<Request, { method: M }>, transfer: Transferable[] = [], onProgress?: OnProgress): Promise<Results[M]> {
    const id = this.nextId++;
    return new Promise<Results[M]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method: request.method, onProgress });
      this.worker.postMessage({ id, request }, transfer);
    });
  }

  /** Hears every change of state; `settled` names a request that just finished. */
  subscribe(listener: (state: WorkerState, settled: Request['method'] | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(reply: Reply): void {
    if (reply.type === 'progress') {
      this.pending.get(reply.id)?.onProgress?.({ step: reply.stage, done: reply.done, total: reply.total });
      this.update({ ...this.state, stage: reply.stage }, null);
      return;
    }
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    const busy = [...this.pending.values()].some((p) => p.method !== 'view');
    // The undo owner and the changed flag are updated before the caller hears back (the pane reads them then).
    this.update({ stage: busy ? this.state.stage : null, lastWrite: reply.lastWrite, changed: reply.changed, version: reply.version }, waiting?.method ?? null);
    if (reply.type === 'done') waiting?.resolve(reply.result);
    else waiting?.reject(reply.error);
  }

  private update(state: WorkerState, settled: Request['method'] | null): void {
    this.state = state;
    for (const l of this.listeners) l(state, settled);
  }
}

/** The worker, from the script the built page carries in <script type="text/plain" id="worker-source">. */
export function startWorker(): Worker {
  const source = document.getElementById('worker-source')?.textContent;
  if (!source) throw new Error('index.html carries no worker script');
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}
