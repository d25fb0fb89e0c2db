/**
 * The pane's actions in the 网页版: every call goes to the worker, which runs the real action layer on the
 * workbook it holds. Failures arrive as the pane's own { code, messageZh, hint }.
 */
import type { PaneActions } from '../../taskpane/host/PaneActions';
import type { SheetEdit } from '../../taskpane/host/WorkbookFrontEnd';
import type { WriteKind } from '../../taskpane/shared/paneTypes';
import type { OnProgress } from '../../taskpane/shared/progress';
import { CALLBACK, type PaneMethod } from '../protocol';
import type { WorkerClient } from './workerClient';

/** The writes whose output the command line names: apply → xxx.checked.xlsx, and so on. */
export const OUTPUT_SUFFIX: Partial<Record<PaneMethod, string>> = {
  apply: 'checked',
  applyIndicators: 'indicators',
  createNextYear: 'next-year',
  buildMonitor: 'monitor',
};

export interface WebActions {
  actions: PaneActions;
  /** Tells the pane the user typed into a sheet (its 识别 and score may now be out of date). */
  edited(edit: SheetEdit): void;
}

export function createWebActions(client: WorkerClient, onWrite: (suffix: string) => void): WebActions {
  const watchers = new Set<(edit: SheetEdit) => void>();
  const call =
    (name: PaneMethod) =>
    async (...args: unknown[]): Promise<never> => {
      // A progress callback stays here; the worker reports to it by message.
      const onProgress = args.find((a): a is OnProgress => typeof a === 'function');
      const sent = args.map((a) => (typeof a === 'function' ? CALLBACK : a));
      const result = await client.call({ method: 'pane', name, args: sent }, [], onProgress);
      const suffix = OUTPUT_SUFFIX[name];
      if (suffix && !(result as { nothingToDo?: boolean } | null)?.nothingToDo) onWrite(suffix);
      return result as never;
    };
  const actions: PaneActions = {
    detect: call('detect'),
    apply: call('apply'),
    undo: call('undo'),
    select: call('select'),
    loadSettings: call('loadSettings'),
    saveSettings: call('saveSettings'),
    detectIndicators: call('detectIndicators'),
    applyIndicators: call('applyIndicators'),
    previewNextYear: call('previewNextYear'),
    createNextYear: call('createNextYear'),
    buildMonitor: call('buildMonitor'),
    lastWrite: (): WriteKind | null => client.state.lastWrite,
    // Edits happen in this page's grid, so the page itself tells the pane about them.
    watchEdits: (onEdit) => {
      watchers.add(onEdit);
      return () => watchers.delete(onEdit);
    },
  };
  return { actions, edited: (edit) => watchers.forEach((w) => w(edit)) };
}
