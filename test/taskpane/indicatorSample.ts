/** A 绩效指标 detection of seed 002 (广州 2022), made by the pure planner: shared by the pane's tests. */
import { withDefaults } from '../../src/core';
import type { IndicatorDetection } from '../../src/taskpane/indicators/types';
import { planIndicators } from '../../src/taskpane/indicators/planning';
import { guangzhouIndicatorSheet } from '../core/indicators/seedSheets';
import { SEED002_INDICATOR_TABLES } from '../fixtures/seedIndicators';

export function guangzhouDetection(notesSupported = true): IndicatorDetection {
  const planning = planIndicators([guangzhouIndicatorSheet(SEED002_INDICATOR_TABLES).snapshot], withDefaults(), {}, notesSupported);
  return { report: planning.report, preview: planning.preview, notesSupported, warnings: [] };
}
