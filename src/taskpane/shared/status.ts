/** What a status bar shows: outcome, title, detail lines and what to do next. Every part of the pane uses it. */
export interface PaneStatus {
  intent: 'success' | 'error' | 'warning' | 'info';
  title: string;
  lines: string[];
  hint?: string;
}
