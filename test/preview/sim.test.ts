import { afterEach, describe, expect, it } from 'vitest';
import {
  installSimulatedOffice,
  loadWorkbookFromJson,
  SimWorkbook,
  type SimChange,
  type SimulatedOffice,
} from '../../src/preview/sim';
import { codeOf } from './codeOf';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

function bookWith(cells: (string | number | null)[][], name = 'Sheet1') {
  const book = loadWorkbookFromJson({ sheets: [{ name, cells }] });
  office = installSimulatedOffice(book);
  return book;
}

describe('load and sync', () => {
  it('throws PropertyNotLoaded for a property read before load + sync, and after load before sync', async () => {
    bookWith([[1, 2]]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B1');
      expect(() => range.values).toThrowError(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => range.isNullObject).not.toThrow();
    });
  });

  it('accepts the load forms of Office.js: string, array, {select, expand}, nested object', async () => {
    bookWith([[1, '=A1*2']]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const a = ws.getRange('A1:B1').load('values, formulas');
      const b = ws.getRange('A1:B1').load(['address', 'rowCount']);
      const c = ws.getRange('A1:B1').load({ select: 'columnCount', expand: 'format/columnWidth' });
      const d = ws.getRange('A1:B1').load({ numberFormat: true, format: { columnWidth: true } });
      await context.sync();
      expect(a.values).toEqual([[1, 2]]);
      expect(a.formulas).toEqual([[1, '=A1*2']]);
      expect([b.address, b.rowCount, c.columnCount, c.format.columnWidth]).toEqual(['Sheet1!A1:B1', 1, 2, 48]);
      expect(d.numberFormat).toEqual([['General', 'General']]);
    });
  });

  it('gives Excel values: "" for empty cells, computed formulas, error values as text', async () => {
    bookWith([[72555.63, 73920.34, '=IFERROR(A1/B1,"--")', '=A1/0', null, '=1/0']]);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange('A1:F1').load('values, formulas');
      await context.sync();
      expect(r.values[0][2]).toBeCloseTo(0.98154, 5);
      expect(r.values[0].slice(3)).toEqual(['#DIV/0!', '', '#DIV/0!']);
      expect(r.formulas[0][4]).toBe('');
    });
  });

  it('counts syncs, records request and response sizes, and ends Excel.run with a sync only when work is queued', async () => {
    const book = bookWith([[1]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').load('values');
      await context.sync();
      await context.sync();
    });
    expect(book.syncCount).toBe(2);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('B1').values = [['x']];
    });
    expect(book.syncCount).toBe(3);
    expect(book.syncLog[0].responseBytes).toBeGreaterThan(0);
    expect(book.syncLog[2].requestBytes).toBeGreaterThan(book.syncLog[1].requestBytes);
  });

  it('refuses a request above 5 MB with RequestPayloadSizeLimitExceeded, and applies nothing of it', async () => {
    const book = bookWith([[null]]);
    const big = Array.from({ length: 100_000 }, (_, i) => [`=IFERROR(E${i + 1}/D${i + 1},"--")`, 'some text for size']);
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:B100000').formulas = big;
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(book.syncLog.at(-1)?.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(book.getDisplayGrid('Sheet1').cells[0][0].value).toBeNull();
  });

  it('refuses a response above the limit with ResponsePayloadSizeLimitExceeded', async () => {
    const book = bookWith(Array.from({ length: 200 }, (_, i) => [`row ${i}`, i]));
    book.payloadLimitBytes = 2000;
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:B200').load('values');
        await context.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  it('rejects a 2D array of the wrong shape with InvalidArgument, and fills a range from a single value', async () => {
    const book = bookWith([[null]]);
    expect(
      await codeOf(
        Excel.run(async (context) => {
          context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2').values = [[1, 2]];
          await context.sync();
        }),
      ),
    ).toBe('InvalidArgument');
    await Excel.run(async (context) => {
      (context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2') as unknown as { numberFormat: unknown }).numberFormat = '0.00%';
    });
    expect(book.getDisplayGrid('Sheet1', { bottom: 2, right: 2 }).cells[1][1].numberFormat).toBe('0.00%');
  });

  it('resolves OrNullObject methods to null objects, and getItem of a missing sheet to ItemNotFound', async () => {
    bookWith([[1]]);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const none = ws.getRange('A1:B2').getIntersectionOrNullObject('D4:E5').load('address');
      const merged = ws.getRange('A1:B2').getMergedAreasOrNullObject().load('address');
      const missing = context.workbook.worksheets.getItemOrNullObject('nope').load('name');
      await context.sync();
      expect([none.isNullObject, merged.isNullObject, missing.isNullObject]).toEqual([true, true, true]);
    });
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('nope').load('name');
        await context.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });

  it('returns the top-left cell from getUsedRange on a blank sheet, and the value bounds otherwise', async () => {
    const book = new SimWorkbook();
    book.addSheet('Blank');
    book.addSheet('Data').writeInputs({ top: 3, left: 2, bottom: 4, right: 3 }, [[1, null], [null, 'x']]);
    office = installSimulatedOffice(book);
    await Excel.run(async (context) => {
      const blank = context.workbook.worksheets.getItem('Blank').getUsedRange().load('address');
      const orNull = context.workbook.worksheets.getItem('Blank').getUsedRangeOrNullObject(true).load('address');
      const data = context.workbook.worksheets.getItem('Data').getUsedRange(true).load('address');
      await context.sync();
      expect([blank.address, orNull.isNullObject, data.address]).toEqual(['Blank!A1', true, 'Data!B3:C4']);
    });
  });
});

describe('collections', () => {
  it('adds worksheets, counts them and lists their names after load', async () => {
    const book = bookWith([[1]]);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add('汇总');
      added.getRange('A1').values = [['=Sheet1!A1*3']];
      const count = sheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect([count.value, sheets.items.map((s) => s.name)]).toEqual([2, ['Sheet1', '汇总']]);
    });
    expect(book.getDisplayGrid('汇总').cells[0][0].value).toBe(3);
  });
});

describe('host behaviour', () => {
  it('fails APIs above the host ExcelApi version with ApiNotFound (a 1.9-only host)', async () => {
    const book = bookWith([[1]]);
    book.setApiVersion('1.9');
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().notes.load('items/content');
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('refuses writes to a protected sheet with AccessDenied', async () => {
    const book = bookWith([[1]]);
    book.protectSheet('Sheet1');
    const code = await codeOf(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[2]];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
  });

  it('fails a batch in cell edit mode, or waits for the user with delayForCellEdit', async () => {
    const book = bookWith([[1]]);
    book.enterCellEditMode();
    const write = (context: Excel.RequestContext) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[2]];
      return context.sync();
    };
    expect(await codeOf(Excel.run(write))).toBe('InvalidOperationInCellEditMode');
    let done = false;
    const delayed = Excel.run({ delayForCellEdit: true }, write).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    book.exitCellEditMode();
    await delayed;
    expect(book.getDisplayGrid('Sheet1').cells[0][0].value).toBe(2);
  });

  it('tells listeners about changed cells and selection after each sync', async () => {
    const book = bookWith([[1]]);
    const seen: SimChange[] = [];
    book.onChange((changes) => seen.push(...changes));
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange('B2').values = [[5]];
      ws.getRange('B2').select();
      await context.sync();
    });
    expect(seen.map((c) => c.kind)).toEqual(['cells', 'selection']);
    expect(book.getDisplayGrid('Sheet1').cells[1][1]).toMatchObject({ value: 5, isSelected: true });
  });

  it('installs and uninstalls the globals', () => {
    const book = new SimWorkbook();
    const sim = installSimulatedOffice(book);
    expect(typeof Excel.run).toBe('function');
    sim.uninstall();
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });
});
