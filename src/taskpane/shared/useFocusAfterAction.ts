/**
 * Keyboard users land on the result of what they did: when an action the user started (写入, 撤销, 保存设置, 识别…)
 * settles, focus moves to the status line (or, without one, to `fallback`); when the status is dismissed, focus
 * goes back to `fallback` instead of dropping to the page body. Background work (loading settings, a refresh
 * after an edit in the sheet) never moves focus.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useFocusAfterAction<B extends string>(busy: B | null, quiet: readonly B[] = []) {
  const statusRef = useRef<HTMLDivElement>(null);
  const fallbackRef = useRef<HTMLButtonElement>(null);
  const previous = useRef<B | null>(busy);
  useEffect(() => {
    const was = previous.current;
    previous.current = busy;
    if (was === null || busy !== null || quiet.includes(was)) return;
    // After React has drawn the outcome (the status bar may only now exist).
    requestAnimationFrame(() => (statusRef.current ?? fallbackRef.current)?.focus());
  }, [busy, quiet]);
  /** Wraps a dismiss handler: the bar goes away, focus goes to the fallback. */
  const afterDismiss = useCallback((dismiss: () => void) => () => {
    dismiss();
    requestAnimationFrame(() => fallbackRef.current?.focus());
  }, []);
  return { statusRef, fallbackRef, afterDismiss };
}
