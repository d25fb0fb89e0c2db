/**
 * Keyboard users land on the result of what they did: when an action the user started (写入, 撤销, 保存设置, 识别…)
 * settles, focus moves to the status line; without one, to `fallback` (the part's first button) or, when that is
 * disabled, to the tab panel. When the status is dismissed, focus goes to the same place instead of dropping to
 * the page body. Background work (loading settings, a re-read after an edit in the sheet) never moves focus.
 */
import { useCallback, useEffect, useRef } from 'react';

const NONE: readonly never[] = [];

export function useFocusAfterAction<B extends string>(busy: B | null, quiet: readonly B[] = NONE) {
  const statusRef = useRef<HTMLDivElement>(null);
  const fallbackRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const previous = useRef<B | null>(busy);

  const focusQuietPlace = useCallback(() => {
    const button = fallbackRef.current;
    if (button && !button.disabled) button.focus();
    else panelRef.current?.focus();
  }, []);

  useEffect(() => {
    const was = previous.current;
    previous.current = busy;
    if (was === null || busy !== null || quiet.includes(was)) return;
    // After React has drawn the outcome (the status bar may only now exist).
    requestAnimationFrame(() => (statusRef.current ? statusRef.current.focus() : focusQuietPlace()));
  }, [busy, quiet, focusQuietPlace]);

  /** Wraps a dismiss handler: the bar goes away, focus goes to the fallback. */
  const afterDismiss = useCallback(
    (dismiss: () => void) => () => {
      dismiss();
      requestAnimationFrame(focusQuietPlace);
    },
    [focusQuietPlace],
  );
  return { statusRef, fallbackRef, panelRef, afterDismiss };
}
