/**
 * The name of the file the 网页版 saves, as the command line names its outputs: 部门预算.xlsx → 部门预算.checked.xlsx
 * after 写入, .indicators / .next-year / .monitor after the other writes (.checked when several kinds were made).
 * A workbook with macros (.xlsm) keeps its extension, so Excel still opens it as one.
 */
export function outputName(fileName: string, suffixes: string[]): string {
  const kinds = [...new Set(suffixes)];
  const suffix = kinds.length === 1 ? kinds[0] : 'checked';
  const m = /^(.*?)(\.xlsm|\.xlsx)?$/i.exec(fileName);
  const base = m?.[1] || '工作簿';
  const ext = m?.[2]?.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  return `${base}.${suffix}${ext}`;
}
