/** Sample workbooks are imported as data: scripts/preview-xlsx-loader.js converts them at build time. */
declare module '*.xlsx' {
  const workbook: import('./sampleTypes').PreviewWorkbook;
  export default workbook;
}
