/**
 * `Excel.RequestContext` of the simulator: a queue of actions sent with `sync()`. Every sync is counted and
 * its request and response sizes are estimated (JSON bytes); above the workbook's payload limit (5 MB, as
 * Excel on the web) the request fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded.
 */
import { SimErrorCodes, SimOfficeError } from './errors';
import { internalError } from './limits';
import type { SimWorkbook, SyncRecord } from './workbookModel';
import { SimWorkbookProxy } from './workbookProxy';

export interface SimAction {
  kind: 'load' | 'set' | 'method';
  /** Estimated bytes this action adds to the request. */
  bytes: number;
  /** Runs against the workbook; returns the bytes it adds to the response. */
  run(): number | void;
}

export interface SimRunOptions {
  delayForCellEdit?: boolean;
}

/**
 * Past the 5 MB of Excel on the web a request fails with its own code — or, on some hosts, as the generic
 * "internal error" (office-js-docs-pr#5821: "can fail as a generic error"; office-js#2564).
 */
function payloadError(book: SimWorkbook, code: string, message: string): SimOfficeError {
  return book.quirks.genericPayloadErrors ? internalError(message) : new SimOfficeError(code, message);
}

/** Envelope of one request (headers, ids), added to the actions' bytes. */
const REQUEST_ENVELOPE_BYTES = 256;

export class SimRequestContext {
  readonly workbook: SimWorkbookProxy;
  /** Syncs made through this context, with their sizes. */
  readonly syncs: SyncRecord[] = [];
  private queue: SimAction[] = [];

  constructor(
    readonly simBook: SimWorkbook,
    readonly runOptions: SimRunOptions = {},
  ) {
    this.workbook = new SimWorkbookProxy(this);
  }

  simEnqueue(action: SimAction): void {
    this.queue.push(action);
  }

  get simPendingActions(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const book = this.simBook;
    const requestBytes = REQUEST_ENVELOPE_BYTES + batch.reduce((n, a) => n + a.bytes, 0);
    const fail = (error: SimOfficeError, responseBytes = 0): never => {
      this.syncs.push(book.recordSync({ actions: batch.length, requestBytes, responseBytes, error: error.code }));
      throw error;
    };
    // The request leaves the add-in's process: nothing runs before the caller has awaited.
    await Promise.resolve();
    if (book.isInCellEditMode) {
      if (!this.runOptions.delayForCellEdit)
        fail(new SimOfficeError(SimErrorCodes.invalidOperationInCellEditMode, 'Excel is in cell-editing mode.'));
      await book.waitForCellEditExit();
    }
    const injected = book.takeInjectedFailure();
    if (injected) fail(injected);
    if (requestBytes > book.payloadLimitBytes)
      fail(payloadError(book, SimErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size has exceeded the limit (${requestBytes} > ${book.payloadLimitBytes} bytes).`));
    let responseBytes = 0;
    book.inApiBatch = true;
    try {
      for (const action of batch) responseBytes += action.run() ?? 0;
    } catch (e) {
      book.inApiBatch = false;
      // Actions before the failing one stay applied: an Excel batch is not a transaction.
      book.flushChanges();
      if (e instanceof SimOfficeError) fail(e, responseBytes);
      // Anything else is a bug in the simulator or a misuse of it: let it surface as it is.
      this.syncs.push(book.recordSync({ actions: batch.length, requestBytes, responseBytes, error: String(e) }));
      throw e;
    }
    book.flushChanges();
    book.inApiBatch = false;
    if (responseBytes > book.payloadLimitBytes)
      fail(
        payloadError(book, SimErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${responseBytes} > ${book.payloadLimitBytes} bytes).`),
        responseBytes,
      );
    this.syncs.push(book.recordSync({ actions: batch.length, requestBytes, responseBytes }));
  }
}
