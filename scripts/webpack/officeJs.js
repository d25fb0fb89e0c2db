/**
 * The opt-in build for isolated intranets (OFFICE_JS=local): office.js served from the add-in's own server, taken
 * from the @microsoft/office-js package — not installed by default (its dist/ is ~735 files, 86 MB). office.js is
 * a loader: it fetches the host's files (excel-win32-16.01.js, …), the file mapping table and locale strings from
 * beside its own URL, so the copy keeps those for Excel and zh-CN / en-US and drops the rest (Word, Outlook, other
 * languages, debug builds). Microsoft supports only its CDN for add-ins in the store; Excel on the web needs
 * Microsoft's cloud anyway.
 */
const path = require('path');

const LOCALES = ['zh-cn', 'en-us'];

/** True for the files of the package's dist/ that the local copy keeps (path relative to dist/, "/" separated). */
function keepOfficeFile(rel) {
  const parts = rel.toLowerCase().split('/');
  const name = parts[parts.length - 1];
  if (name.endsWith('.debug.js') || name.endsWith('.map') || name.endsWith('.d.ts')) return false;
  // office.js, its file mapping table, and every Excel host file (excel-win32-16.01.js, excel-web-16.00-core.js, …).
  if (parts.length === 1) return /^(office|o15apptofilemappingtable|excel[\w.-]*)\.js$/.test(name);
  if (LOCALES.includes(parts[0])) return name === 'office_strings.js';
  // Telemetry helpers office.js asks for (telemetry/oteljs_agave.js); small.
  return parts[0] === 'ariatelemetry' || parts[0] === 'telemetry';
}

/** dist/ of the installed @microsoft/office-js, or a clear error saying how to get it. */
function officeJsDist() {
  try {
    return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  } catch {
    throw new Error(
      'OFFICE_JS=local needs the @microsoft/office-js package, which is not installed by default (86 MB).\n' +
        'Run `npm install --no-save @microsoft/office-js` first (see README, 隔离内网部署).',
    );
  }
}

module.exports = { keepOfficeFile, officeJsDist, LOCALES };
