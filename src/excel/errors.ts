/**
 * Every failure reaches the pane as a UserFacingError: what happened and what to do, in Chinese, plus the
 * Excel error code for support. Excel's codes: learn.microsoft.com/office/dev/add-ins/testing/
 * application-specific-api-error-handling (Excel.ErrorCodes in @types/office-js).
 */
export type UserErrorCode =
  | 'cell-edit-mode'
  | 'sheet-protected'
  | 'request-too-large'
  | 'not-found'
  | 'no-table'
  | 'unsupported'
  | 'busy'
  | 'not-in-excel'
  | 'generic';

export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';

  constructor(
    readonly code: UserErrorCode,
    /** One sentence: what went wrong. */
    readonly messageZh: string,
    /** What the user can do about it. */
    readonly hint: string,
    /** Excel's error code ("AccessDenied"), when the failure came from Excel. */
    readonly officeCode?: string,
    options?: { cause?: unknown },
  ) {
    super(messageZh, options);
  }
}

/** The `code` of an OfficeExtension.Error (or anything shaped like one). */
export function officeErrorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string')
    return (e as { code: string }).code;
  return undefined;
}

function officeMessage(e: unknown): string {
  if (!e || typeof e !== 'object') return String(e ?? '');
  const message = ((e as { message?: string }).message ?? '').trim();
  const debug = ((e as { debugInfo?: { message?: string } }).debugInfo?.message ?? '').trim();
  // Office puts the same English sentence in both more often than not: say it once.
  return debug && !message.includes(debug) ? `${message} ${debug}`.trim() : message;
}

export function noTableError(sheet?: string): UserFacingError {
  return new UserFacingError(
    'no-table',
    sheet ? `在工作表“${sheet}”中没有找到预算表。` : '没有找到预算表。',
    '请切换到预算表所在的工作表（表头需含“年初预算数”“调整后预算”“实际支出”等列），再点“识别表格”。',
  );
}

export function toUserFacingError(e: unknown): UserFacingError {
  if (e instanceof UserFacingError) return e;
  const code = officeErrorCode(e);
  const text = officeMessage(e);
  const make = (kind: UserErrorCode, messageZh: string, hint: string) =>
    new UserFacingError(kind, messageZh, hint, code, { cause: e });
  // Excel reports a protected sheet as AccessDenied; some builds say InvalidOperation with "protected" in the text.
  if (code === 'AccessDenied' || /protect|受保护/i.test(text))
    return make('sheet-protected', '工作表受保护，无法写入。', '请在“审阅 → 撤消工作表保护”后重试；如果不知道密码，请联系设置保护的人。');
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return make('cell-edit-mode', 'Excel 正在编辑某个单元格，暂时无法操作。', '请按 Enter 或 Esc 结束单元格编辑，然后再试一次。');
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return make('request-too-large', '数据量超过了 Excel 网页版单次请求的上限（5 MB）。', '请在桌面版 Excel 中打开此工作簿（桌面版没有这个限制），或用网页版的预算执行助手处理该文件。');
    case 'ItemNotFound':
      return make('not-found', '找不到要操作的工作表、单元格或批注。', '工作表可能已被重命名或删除，请重新点“识别”。');
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedFeature':
    case 'UnsupportedOperation':
      return make('unsupported', '当前版本的 Excel 不支持此操作。', '请使用 Microsoft 365 版 Excel（更新到最新版本）、Excel 2021 或更高版本，或改用 Excel 网页版；Excel 2019 和 2016 不能运行本加载项。');
    case 'ActivityLimitReached':
    case 'Conflict':
    case 'RequestAborted':
      return make('busy', 'Excel 正忙，操作没有完成。', '请稍等片刻后重试。');
    case 'MergedRangeConflict':
      return make('generic', '要写入的区域与合并单元格冲突。', '请取消该区域的合并单元格后重试。');
    default:
      return make(
        'generic',
        text ? `操作没有完成（Excel 提示：${text}）` : '操作没有完成。',
        '请重试；如果问题仍然存在，请保存工作簿、重新打开加载项，并把此消息发给维护人员。',
      );
  }
}
