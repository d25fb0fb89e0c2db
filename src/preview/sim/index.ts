/**
 * A simulated Excel for tests and the browser preview: the subset of the Excel JavaScript API the front end
 * (src/excel) uses, with Excel's semantics — load/sync, PropertyNotLoaded, counted syncs, 5 MB payload
 * limits, formulas computed by HyperFormula, conditional formats evaluated for display.
 *
 * HyperFormula is GPL-3.0 (or commercial): keep this module out of the production add-in bundle.
 */
export { SimWorkbook, WEB_PAYLOAD_LIMIT, type SimChange, type SimWorkbookOptions, type SyncRecord } from './workbookModel';
export type { SimSheet, SimCellInput, SimCellValue, SimConditionalFormat, SimNote, SimListValidation, CellStyle } from './sheetModel';
export { SimRequestContext, type SimRunOptions } from './context';
export { SimOfficeError, SimErrorCodes } from './errors';
export { installSimulatedOffice, createSimulatedOffice, SimDocumentSettings, type SimulatedOffice } from './office';
export { getDisplayGrid, type DisplayCell, type DisplayGrid, type DisplayWindow } from './display';
export { evaluateConditionalFormats, type ConditionalLook } from './cfModel';
export { formatValue, formatGeneral } from './numberFormat';
export { shiftFormula } from './formulaShift';
export { pageSetupOf, type SimPageSetup } from './lookProxy';
export {
  loadWorkbookFromJson,
  loadWorkbookFromSnapshots,
  addSheetFromJson,
  addSheetFromSnapshot,
  type WorkbookJson,
  type SheetJson,
} from './load';
