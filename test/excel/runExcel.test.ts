import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyPlan,
  noTableError,
  readSnapshot,
  runExcel,
  selectCellInExcel,
  toUserFacingError,
  UserFacingError,
} from '../../src/excel';
import { installSimulatedOffice, SimOfficeError, type SimulatedOffice } from '../../src/preview/sim';
import { budgetBook, ratePlan, SHEET } from './fixtures';

let office: SimulatedOffice | undefined;
afterEach(() => {
  office?.uninstall();
  office = undefined;
  vi.restoreAllMocks();
});

async function failure(p: Promise<unknown>): Promise<UserFacingError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserFacingError);
    return e as UserFacingError;
  }
  throw new Error('expected a failure');
}

describe('runExcel and the errors the pane shows', () => {
  it('waits while a cell is being edited (delayForCellEdit) instead of failing', async () => {
    const book = budgetBook(3);
    office = installSimulatedOffice(book);
    book.enterCellEditMode();
    let done = false;
    const pending = runExcel((context) => readSnapshot(context)).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    book.exitCellEditMode();
    await pending;
    expect(done).toBe(true);
  });

  it('explains cell edit mode when Excel still refuses (InvalidOperationInCellEditMode)', async () => {
    const book = budgetBook(3);
    office = installSimulatedOffice(book);
    book.failNextSync('InvalidOperationInCellEditMode');
    const e = await failure(runExcel((context) => readSnapshot(context)));
    expect([e.code, e.officeCode]).toEqual(['cell-edit-mode', 'InvalidOperationInCellEditMode']);
    expect(e.messageZh).toContain('编辑');
    expect(e.hint).toContain('Enter');
  });

  it('explains a protected sheet (AccessDenied) when applying', async () => {
    const book = budgetBook(3);
    office = installSimulatedOffice(book);
    book.protectSheet(SHEET);
    const e = await failure(runExcel((context) => applyPlan(context, ratePlan(3))));
    expect(e.code).toBe('sheet-protected');
    expect(e.messageZh).toBe('工作表受保护，无法写入。');
    expect(e.hint).toContain('撤消工作表保护');
    expect(e.cause).toBeInstanceOf(SimOfficeError);
  });

  it('explains a request that is too large for Excel on the web', async () => {
    const book = budgetBook(3);
    office = installSimulatedOffice(book);
    book.payloadLimitBytes = 500; // a tiny cap: the plan's one request passes it
    const e = await failure(runExcel((context) => applyPlan(context, ratePlan(3))));
    expect(e.code).toBe('request-too-large');
    expect(e.messageZh).toContain('5 MB');
  });

  it('explains a sheet that is gone (ItemNotFound)', async () => {
    office = installSimulatedOffice(budgetBook(3));
    const plan = { ...ratePlan(3), sheet: '已删除的表' };
    const e = await failure(runExcel((context) => applyPlan(context, plan)));
    expect(e.code).toBe('not-found');
    expect(e.hint).toContain('识别');
  });

  it('keeps any other failure readable, and never only logs it', async () => {
    const book = budgetBook(3);
    office = installSimulatedOffice(book);
    const consoleError = vi.spyOn(console, 'error');
    // Twice: a read that fails with Excel's generic error is tried again, carefully, once.
    book.failNextSync('GeneralException', 'Something odd happened');
    book.failNextSync('GeneralException', 'Something odd happened');
    const e = await failure(runExcel((context) => readSnapshot(context)));
    expect(e.code).toBe('generic');
    expect(e.messageZh).toContain('Something odd happened');
    expect(e.messageZh.match(/Something odd happened/g)).toHaveLength(1);
    expect(consoleError).not.toHaveBeenCalled();
    // A bug of ours (a plain Error) reaches the pane too.
    const bug = await failure(runExcel(async () => Promise.reject(new Error('boom'))));
    expect(bug).toMatchObject({ code: 'generic', messageZh: '操作没有完成（Excel 提示：boom）' });
  });

  it('says when there is no Excel at all', async () => {
    const e = await failure(runExcel(async () => 1));
    expect(e.code).toBe('not-in-excel');
  });

  it('maps the other Excel codes and passes UserFacingErrors through', () => {
    expect(toUserFacingError({ code: 'ApiNotFound', message: '' }).code).toBe('unsupported');
    expect(toUserFacingError({ code: 'ActivityLimitReached', message: '' }).code).toBe('busy');
    expect(toUserFacingError({ code: 'InvalidOperation', message: 'The sheet is protected' }).code).toBe('sheet-protected');
    expect(toUserFacingError({ code: 'ResponsePayloadSizeLimitExceeded', message: '' }).code).toBe('request-too-large');
    const own = noTableError('表1');
    expect(toUserFacingError(own)).toBe(own);
    expect(own.messageZh).toBe('在工作表“表1”中没有找到预算表。');
  });
});

describe('selectCellInExcel', () => {
  it('activates the sheet and selects the cell, in one sync', async () => {
    const book = budgetBook(10);
    book.addSheet('其他');
    book.activateSheet('其他');
    office = installSimulatedOffice(book);
    const changes: string[] = [];
    book.onChange((c) => changes.push(...c.map((x) => x.kind)));
    await selectCellInExcel(SHEET, 'F11');
    expect(book.syncCount).toBe(1);
    expect(book.activeSheet.name).toBe(SHEET);
    expect(book.getDisplayGrid(SHEET).selection).toBe('F11');
    expect(changes).toContain('selection');
  });
});
