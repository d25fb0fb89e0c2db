/**
 * The pane's responsiveness on a large table (issue 10, item 6), measured rather than timed in a test: 识别 and
 * 写入 of a 50,000-row table through the pane's real action layer (createWorkbookActions) over a host that, like
 * Excel, does its own work out of this thread (each request is a turn of the event loop). While they run, a
 * watcher takes a turn of the event loop whenever it can: the longest stretch without a turn is the longest the
 * pane could not paint or answer a key. Reported against the engine alone on the same snapshot (the baseline in
 * this process: the one step that cannot be split), with when the first progress was reported.
 *
 * The 问题清单 is paged: drawing it costs the same for 1,000 rows as for 50,000 (ratio of the two render times).
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { analyzeSheet, countWrittenCells, planRows, withDefaults, type BudgetReport, type Plan, type SheetSnapshot } from '../src/core';
import { createWorkbookActions } from '../src/taskpane/host/workbookActions';
import type { WorkbookFrontEnd } from '../src/taskpane/host/WorkbookFrontEnd';
import { IssueList } from '../src/taskpane/budget/components/IssueList';
import { nextFrame, type Progress } from '../src/taskpane/shared/progress';
import { median, timeSync } from './stats';

export interface PaneResult {
  rows: number;
  flags: number;
  engineMs: number;
  detect: LoopWatch;
  apply: LoopWatch;
  /** Median render time of the 问题清单 at this size, and the rows it drew. */
  listMs: number;
  listDrawn: number;
}

export interface LoopWatch {
  totalMs: number;
  longestBlockMs: number;
  firstProgressMs: number | null;
  progressEvents: number;
}

/** A host that answers at once but, like Excel, in a later turn (requests leave this thread). */
function outOfThreadHost(snapshot: SheetSnapshot): WorkbookFrontEnd<null> {
  return {
    run: (fn) => fn(null),
    readSnapshot: async () => (await nextFrame(), snapshot),
    readWorkbook: async () => (await nextFrame(), { sheets: [snapshot], warnings: [] }),
    applyPlan: async (_ctx, plan: Plan, options = {}) => {
      const total = planRows(plan);
      for (let done = 0; done < total; ) {
        done = Math.min(total, done + 5000); // one request per row block, as src/excel sends them
        await nextFrame();
        options.onProgress?.(done, total);
      }
      return { cellsWritten: countWrittenCells(plan), formulasWritten: 0, rulesAdded: plan.conditionalFormats.length, rulesRemoved: 0, notesWritten: plan.notes.length, notesRemoved: 0, warnings: [] };
    },
    invertPlan: (plan) => plan,
    selectCell: async () => undefined,
    notesSupported: () => true,
    loadSettings: async () => null,
    saveSettings: async () => undefined,
  };
}

async function watchLoop<T>(work: (onProgress: (p: Progress) => void) => Promise<T>): Promise<LoopWatch> {
  const start = performance.now();
  let last = start;
  let longest = 0;
  let running = true;
  let firstProgress: number | null = null;
  let events = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work(() => {
    events++;
    firstProgress ??= performance.now() - start;
  });
  running = false;
  const end = performance.now();
  longest = Math.max(longest, end - last);
  return { totalMs: end - start, longestBlockMs: longest, firstProgressMs: firstProgress, progressEvents: events };
}

function renderList(report: BudgetReport): { ms: number; drawn: number } {
  const html = () => renderToString(createElement(FluentProvider, { theme: webLightTheme }, createElement(IssueList, { report, sheet: 's', filter: 'all', stale: false, onRefresh: () => undefined, onFilter: () => undefined, onSelect: () => undefined })));
  for (let i = 0; i < 3; i++) html(); // warm-up: Fluent's styles and the JIT
  const times = Array.from({ length: 5 }, () => timeSync(html));
  return { ms: median(times), drawn: (html().match(/data-testid="issue-row"/g) ?? []).length };
}

export async function measurePane(snapshot: SheetSnapshot, rows: number): Promise<PaneResult> {
  const settings = withDefaults();
  analyzeSheet(snapshot, settings); // warm-up
  const engineMs = median(Array.from({ length: 3 }, () => timeSync(() => analyzeSheet(snapshot, settings))));
  const actions = createWorkbookActions(outOfThreadHost(snapshot));
  let report: BudgetReport | null = null;
  const detect = await watchLoop(async (onProgress) => (report = (await actions.detect(settings, {}, onProgress)).report));
  const apply = await watchLoop((onProgress) => actions.apply(settings, {}, { overwrite: false }, onProgress));
  const list = renderList(report!);
  return { rows, flags: report!.flags.length, engineMs, detect, apply, listMs: list.ms, listDrawn: list.drawn };
}
