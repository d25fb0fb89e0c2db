/**
 * Saying "请先结束单元格编辑" while a batch waits. runExcel passes `delayForCellEdit: true`, so a batch sent while
 * the user is typing in a cell waits instead of failing — and the pane seems to hang, sometimes until the user
 * clicks another cell, not just the pane (office-js#806, #1393; learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-delay-in-cell-edit). So when a request has had no answer for PROBE_AFTER_MS, a tiny request is
 * sent without the delay: if Excel refuses it with InvalidOperationInCellEditMode, the batch is waiting for the
 * cell edit, and listeners hear it until the request is answered. (Should a host queue the probe behind the
 * waiting batch, it simply never answers and nothing is shown — never a wrong message.)
 */
import { officeErrorCode } from './errors';

export const PROBE_AFTER_MS = 800;

type Listener = (waiting: boolean) => void;
const listeners = new Set<Listener>();
let waitingNow = false;

function tell(waiting: boolean): void {
  if (waitingNow === waiting) return;
  waitingNow = waiting;
  for (const l of listeners) l(waiting);
}

/** Hears true when a batch starts waiting for a cell edit to end, false when it goes on; returns a function that stops. */
export function watchCellEditWait(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function inCellEditMode(excel: typeof Excel): Promise<boolean> {
  try {
    await excel.run(async (context) => {
      context.workbook.load('name');
      await context.sync();
    });
    return false;
  } catch (e) {
    return officeErrorCode(e) === 'InvalidOperationInCellEditMode';
  }
}

/** Makes every sync of `context` tell the listeners when it is held up by a cell being edited. */
export function watchSyncs(excel: typeof Excel, context: Excel.RequestContext): void {
  const sync = context.sync.bind(context);
  context.sync = (<T>(passThrough?: T) => {
    let answered = false;
    const timer = setTimeout(() => {
      void inCellEditMode(excel).then((editing) => !answered && editing && tell(true));
    }, PROBE_AFTER_MS);
    return sync(passThrough).finally(() => {
      answered = true;
      clearTimeout(timer);
      tell(false);
    });
  }) as typeof context.sync;
}
