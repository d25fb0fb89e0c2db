/**
 * Request sizing. Excel on the web refuses a request or a response above 5 MB (RequestPayloadSizeLimitExceeded,
 * "This error only occurs in Excel on the web" — learn.microsoft.com/office/dev/add-ins/testing/
 * application-specific-api-error-handling; limits in .../concepts/resource-limits-and-performance-optimization).
 * The front end works in row blocks (5,000 rows to start with) and sends a sync whenever the blocks queued
 * so far would pass a budget kept below the limit, because the sizes here are estimates.
 */
import { officeErrorCode, UserFacingError } from './errors';

export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What we allow ourselves per request: a fifth under the limit, for JSON overhead our estimate misses. */
export const DEFAULT_BUDGET_BYTES = 4 * 1024 * 1024;
export const DEFAULT_BLOCK_ROWS = 5000;
/** Per queued action (object path, ids, property name) in Office.js's request JSON. */
export const ACTION_BYTES = 200;

export interface RowBlock {
  /** Offset of the block's first row from the start of the rectangle (0-based). */
  offset: number;
  count: number;
}

export function rowBlocks(totalRows: number, blockRows: number): RowBlock[] {
  const blocks: RowBlock[] = [];
  for (let offset = 0; offset < totalRows; offset += blockRows)
    blocks.push({ offset, count: Math.min(blockRows, totalRows - offset) });
  return blocks;
}

/**
 * UTF-8 bytes of a string, without encoding it: the 5 MB limit counts bytes, and Chinese text weighs 3 bytes a
 * character (1.24–2.3 bytes a character over whole budget sheets), so string length would undercount it.
 */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair: 4 bytes for its 2 UTF-16 units
    else bytes += 2;
  }
  return bytes;
}

/** Bytes of the value as JSON in the request or response. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}

/** A request this big that fails with Excel's generic error failed for its size (office-js#2564, office-js-docs-pr#5821). */
export const LARGE_REQUEST_BYTES = 1024 * 1024;

/** Excel's generic "internal error" on a large request, said as what it is; any other failure as it was. */
export function sizeFailure(e: unknown, bytes: number): unknown {
  if (officeErrorCode(e) !== 'GeneralException' || bytes < LARGE_REQUEST_BYTES) return e;
  return new UserFacingError(
    'request-too-large',
    'Excel 没能处理这么大的一次请求（它只报告“内部错误”）。',
    '请再试一次；表格很大时，请在桌面版 Excel 中打开此工作簿（桌面版没有网页版的 5 MB 限制），或用网页版的预算执行助手处理该文件。',
    'GeneralException',
    { cause: e },
  );
}

/**
 * Counts bytes queued since the last sync and says when to sync first: `await budget.reserve(bytes)` before
 * queuing work of that size. An item bigger than the whole budget still goes alone in its own request.
 */
export class SyncBudget {
  private queued = 0;
  syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly budgetBytes: number = DEFAULT_BUDGET_BYTES,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budgetBytes) await this.flush();
    this.queued += bytes;
  }

  async flush(): Promise<void> {
    const bytes = this.queued;
    try {
      await this.context.sync();
    } catch (e) {
      throw sizeFailure(e, bytes);
    }
    this.syncs++;
    this.queued = 0;
  }

  get pendingBytes(): number {
    return this.queued;
  }
}
