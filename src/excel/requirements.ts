/**
 * Which Excel JavaScript API requirement set each call of this front end needs, and the check the code uses
 * before calling anything above the manifest's minimum (ExcelApi 1.9).
 *
 * Sources: the "[Api set: …]" remarks of @types/office-js 1.0.6xx (generated from the reference at
 * https://learn.microsoft.com/javascript/api/excel/), cross-checked in
 * https://github.com/OfficeDev/office-js-docs-reference (docs-ref-autogen/excel_1_9/excel/excel.rangeareas.yml …),
 * and for the sheet-building calls in the reference pages excel.worksheetfreezepanes ("API set: ExcelApi 1.7"),
 * excel.listdatavalidation / excel.datavalidation ("ExcelApi 1.8"), excel.clearapplyto (All/Contents/Formats
 * "ExcelApi 1.1") and Worksheet.copy's remark "[Api set: ExcelApi 1.7]". All of them are at or below the
 * manifest's minimum (1.9), so none needs a runtime check.
 */
export const API_REQUIREMENTS = {
  'Worksheet.getUsedRange(valuesOnly)': '1.1 (valuesOnly: 1.2)',
  'Worksheet.getRange / Range.values, formulas, numberFormat': '1.1',
  'Range.worksheet / getCell / getEntireRow': '1.1',
  'Range.getResizedRange': '1.2',
  'Range.getIntersectionOrNullObject': '1.4',
  'Range.merge / unmerge': '1.2',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.horizontalAlignment, wrapText / RangeFont.bold': '1.1',
  'Range.conditionalFormats / ConditionalFormatCollection.add / custom.rule.formula / custom.format / priority / stopIfTrue / delete':
    '1.6',
  'Worksheet.getRanges / RangeAreas / ConditionalFormat.getRanges': '1.9',
  'Range.getMergedAreasOrNullObject': '1.13',
  'Worksheet.notes / NoteCollection.add, getItemOrNullObject / Note.content, delete, getLocation': '1.18',
  'Range.select / Worksheet.activate': '1.1',
  'WorksheetCollection.add / load(items/name) · Worksheet.name, position (set) · Worksheet.delete': '1.1',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'Worksheet.copy(positionType, relativeTo)': '1.7',
  'Worksheet.freezePanes · WorksheetFreezePanes.freezeRows, freezeColumns, freezeAt, unfreeze': '1.7',
  'Range.clear(applyTo "Contents" | "Formats")': '1.1',
  'ConditionalFormatCollection.clearAll': '1.6',
  'Range.dataValidation · DataValidation.rule = { list: { inCellDropDown, source } } · DataValidation.clear': '1.8',
  'Excel.run({ delayForCellEdit })': 'no set listed (Excel.RunOptions; hosts without it ignore the flag)',
  'Office.context.document.settings get/set/saveAsync': 'Settings (common API)',
} as const;

/**
 * The manifest's minimum: below it Excel does not offer the add-in at all — Excel 2016 and 2019 (volume-licensed
 * ones stop at ExcelApi 1.1 / 1.7 and run add-ins in Internet Explorer 11). Excel 2021 reaches 1.14, LTSC 2024
 * 1.17; Microsoft 365 and Excel on the web have everything used here (learn.microsoft.com/javascript/api/
 * requirement-sets/excel/excel-api-requirement-sets).
 */
export const MINIMUM_EXCEL_API = '1.9';

export type ApiCheck = (version: string) => boolean;

/** `Office.context.requirements.isSetSupported('ExcelApi', version)`; false outside Office. */
export const isExcelApiSupported: ApiCheck = (version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return Boolean(office?.context?.requirements?.isSetSupported('ExcelApi', version));
  } catch {
    return false; // Office.context is not ready (not yet inside Office.onReady): assume the minimum only
  }
};
