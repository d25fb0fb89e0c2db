/**
 * The engines of the 绩效指标 and 年度工具 parts are their own bundle chunks, loaded on first use, so the pane opens
 * as fast as before and the production bundle keeps its size budget (webpack.config.js). A chunk that cannot be
 * loaded (the add-in's server is unreachable) is a failure the pane explains, not a stack trace.
 */
import { PaneFailure } from './paneError';

export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = null; // try again next time
      throw new PaneFailure(
        'load-failed',
        `加载功能模块失败：${e instanceof Error ? e.message : String(e)}`,
        '请检查网络连接后重试；如仍失败，请关闭并重新打开任务窗格。',
      );
    });
    return pending;
  };
}
