/**
 * webpack loader for the browser preview: `import('…/liwan-2021.xlsx')` becomes the sample as JSON
 * (src/preview/sampleTypes.ts). exceljs and the .xlsx reader are TypeScript that only runs in Node, so the
 * conversion runs scripts/preview-data.ts in a child process through tsx; webpack watches the .xlsx and the
 * script, so `npm run preview` picks up a rebuilt sample without a restart.
 */
const path = require('path');
const { execFile } = require('child_process');

const SCRIPT = path.resolve(__dirname, 'preview-data.ts');
const TSX_CLI = require.resolve('tsx/cli');

module.exports = function previewXlsxLoader() {
  const callback = this.async();
  this.cacheable(true);
  this.addDependency(SCRIPT);
  // The script reads cells through the .xlsx front end: a change there changes the samples too.
  this.addContextDependency(path.resolve(__dirname, '..', 'src', 'xlsx'));
  execFile(
    process.execPath,
    [TSX_CLI, SCRIPT, this.resourcePath],
    { maxBuffer: 256 * 1024 * 1024, cwd: path.resolve(__dirname, '..') },
    (error, stdout, stderr) => {
      if (error) {
        callback(new Error(`preview-data failed for ${this.resourcePath}:\n${stderr || error.message}`));
        return;
      }
      // JSON.parse of a string literal is faster for the browser than a large object literal.
      callback(null, `export default JSON.parse(${JSON.stringify(stdout)});`);
    },
  );
};
// The .xlsx arrives as bytes; the loader never reads them itself (the child process does).
module.exports.raw = true;
