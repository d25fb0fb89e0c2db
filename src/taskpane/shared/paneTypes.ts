/** Shapes every part of the pane shares: column-mapping corrections, the undo outcome, which part wrote last. */
import type { ColumnMap } from '../../core';

/** Column-mapping corrections keyed by tableKey(sheet, firstHeaderRow): the engine's AnalyzeOptions.mappings. */
export type Mappings = Record<string, Partial<ColumnMap>>;

export interface UndoOutcome {
  /** False when there was no apply to undo. */
  undone: boolean;
  cellsRestored: number;
  rulesRemoved: number;
  /** Notes the undone write had added, removed again. */
  notesRemoved: number;
  /** Notes the write had replaced or removed, put back. */
  notesRestored: number;
  /** The sheets the undo changed, for the message. */
  sheets: string[];
  /** Sheets the undone write had created, deleted again. */
  sheetsDeleted?: string[];
}

/** The part of the pane a write came from (the undo record says which). */
export type WriteKind = 'budget' | 'indicators' | 'year';
