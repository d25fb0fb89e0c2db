/** Failures as the pane shows them: a Chinese message and what to do next, never a stack trace. */

/** A failure the pane can show: Chinese message and what to do. Actions reject with this shape. */
export interface PaneError {
  code: string;
  messageZh: string;
  hint?: string;
}

/** A failure raised by the pane's own action layer (no table, sheet changed since the preview). */
export class PaneFailure extends Error implements PaneError {
  override readonly name = 'PaneFailure';
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly hint: string,
  ) {
    super(messageZh);
  }
}

/** Turns whatever an action threw into something the status bar can show, never a bare stack trace. */
export function toPaneError(e: unknown): PaneError {
  if (e && typeof e === 'object' && typeof (e as PaneError).messageZh === 'string') {
    const p = e as PaneError;
    return { code: String(p.code ?? 'error'), messageZh: p.messageZh, hint: p.hint };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', messageZh: `操作失败：${detail}`, hint: '请重试；如问题持续，请关闭并重新打开任务窗格。' };
}
