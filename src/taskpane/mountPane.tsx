/**
 * Mounts the pane into an element with a given set of actions. The Excel entry (index.tsx) passes
 * host/excelActions; the browser preview passes actions backed by its simulated workbook. Nothing here touches
 * Office, so the preview can import it on a page without office.js.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PaneActions } from './host/PaneActions';
import { App } from './App';
import { OutsideExcel } from './OutsideExcel';

/** Renders the pane; returns a function that unmounts it. */
export function mountPane(element: HTMLElement, actions: PaneActions): () => void {
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <App actions={actions} />
    </StrictMode>,
  );
  return () => root.unmount();
}

/** Renders the "open me in Excel" message (the page was opened in a plain browser or another Office host). */
export function mountOutsideExcel(element: HTMLElement, host: string | null): () => void {
  const root = createRoot(element);
  root.render(<OutsideExcel host={host} />);
  return () => root.unmount();
}
