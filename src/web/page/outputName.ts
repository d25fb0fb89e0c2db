/**
 * The name of the file the 网页版 saves, as the command line names its outputs: 部门预算.xlsx → 部门预算.checked.xlsx
 * after 写入, .indicators / .next-year / .monitor after the other writes (.checked when several kinds were made).
 * A workbook with macros keeps .xlsm (the package says which it is), so Excel still opens it as one.
 */
export function outputName(fileName: string, suffixes: string[], extension: string): string {
  const kinds = [...new Set(suffixes)];
  const suffix = kinds.length === 1 ? kinds[0] : 'checked';
  const base = fileName.replace(/\.(xlsx|xlsm)$/i, '') || '工作簿';
  return `${base}.${suffix}${extension}`;
}
