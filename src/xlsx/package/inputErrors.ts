/**
 * What is wrong with a file that is not a workbook we can patch, found from its first bytes and its parts.
 * Each error carries one line in Chinese and one in English that say what to do next; the command line and
 * the 网页版 both show them (the command line adds the file name).
 */

export type PackageErrorCode =
  | 'legacy-xls' // an old binary .xls (BIFF in a compound file)
  | 'encrypted' // a password-protected workbook (a compound file holding EncryptionInfo)
  | 'not-xlsx' // neither a zip nor a compound file
  | 'strict-ooxml' // saved as "Strict Open XML Spreadsheet"
  | 'corrupt'; // a zip, but not a readable workbook

const MESSAGES: Record<PackageErrorCode, { zh: string; en: string }> = {
  'legacy-xls': {
    zh: '这是旧版 .xls 格式的工作簿，请在 Excel 中另存为 .xlsx（Excel 工作簿）后再试。',
    en: 'this is an old .xls workbook; save it as an Excel Workbook (.xlsx) in Excel and try again.',
  },
  encrypted: {
    zh: '文件已加密，请先在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后再试。',
    en: 'the file is encrypted; remove its password in Excel (File → Info → Protect Workbook → Encrypt with Password) and try again.',
  },
  'not-xlsx': {
    zh: '不是 Excel 工作簿（.xlsx / .xlsm），请选择 Excel 工作簿文件。',
    en: 'not an Excel workbook (.xlsx / .xlsm); choose an Excel workbook file.',
  },
  'strict-ooxml': {
    zh: '这是“Strict Open XML 电子表格”格式，请在 Excel 中另存为普通的“Excel 工作簿（.xlsx）”后再试。',
    en: 'this is a Strict Open XML spreadsheet; save it as an ordinary Excel Workbook (.xlsx) in Excel and try again.',
  },
  corrupt: {
    zh: '无法作为 Excel 工作簿读取（文件可能已损坏），请用 Excel 打开并另存后再试。',
    en: 'cannot be read as an Excel workbook (damaged?); open and re-save it in Excel, then try again.',
  },
};

export class PackageError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly code: PackageErrorCode,
    readonly detail?: string,
  ) {
    const m = MESSAGES[code];
    super(`${m.zh} / ${m.en}${detail ? ` (${detail})` : ''}`);
    this.name = 'PackageError';
    this.zh = m.zh;
    this.en = m.en;
  }
}

const ZIP = [0x50, 0x4b]; // "PK"
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file: .xls, or an encrypted .xlsx

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

/**
 * The name "EncryptionInfo" as a compound file's directory stores it (UTF-16LE). Office wraps an encrypted
 * workbook in a compound file with the streams EncryptionInfo and EncryptedPackage; a .xls has a Workbook stream.
 */
const ENCRYPTION_INFO = Uint8Array.from([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]));

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (let i = haystack.indexOf(first); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Refuses what is not a zip package, saying why (an .xls, an encrypted workbook, something else). */
export function sniffPackage(bytes: Uint8Array): void {
  if (startsWith(bytes, ZIP)) return;
  if (startsWith(bytes, CFB)) throw new PackageError(containsBytes(bytes, ENCRYPTION_INFO) ? 'encrypted' : 'legacy-xls');
  throw new PackageError('not-xlsx');
}
