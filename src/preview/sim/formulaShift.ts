/** Moved to the engine (src/core/formulaShift.ts): the .xlsx reader expands shared formulas with it too. */
export { shiftFormula } from '../../core';
