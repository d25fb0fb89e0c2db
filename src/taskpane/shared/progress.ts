/**
 * Progress of a long action (a 50,000-row table takes seconds): which step, and how far through the write. The
 * action layer reports it and lets the pane paint between steps (nextFrame), so the pane never sits frozen.
 */
import type { AppliedCounts, WorkbookFrontEnd, WorkbookRead } from '../host/WorkbookFrontEnd';

export interface Progress {
  /** What is happening, in Chinese: 读取工作表 / 计算 / 写入. */
  step: string;
  /** Rows (or blocks) done and in all, when the step can count them. */
  done?: number;
  total?: number;
}

export type OnProgress = (p: Progress) => void;

/**
 * Gives the browser a turn to paint and handle input before the next long step. A macrotask (MessageChannel, not
 * setTimeout: no 4 ms clamping), with a timeout fallback where there is no MessageChannel.
 */
export function nextFrame(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The step names a long action reports. */
export const STEP = { readingWorkbook: '正在读取工作簿…', writing: '正在写入…' } as const;

/**
 * Reads every sheet for an engine, saying so, then says it computes (`N 个工作表`) and lets the pane paint that
 * before the engine runs.
 */
export async function readForEngine<Ctx>(fe: Pick<WorkbookFrontEnd<Ctx, AppliedCounts>, 'readWorkbook'>, ctx: Ctx, onProgress?: OnProgress): Promise<WorkbookRead> {
  onProgress?.({ step: STEP.readingWorkbook });
  const wb = await fe.readWorkbook(ctx);
  if (onProgress) {
    onProgress({ step: `正在计算（${wb.sheets.length} 个工作表）…` });
    await nextFrame();
  }
  return wb;
}
