/**
 * Real Excel's limits, as the simulator enforces them (src/preview/sim/limits.ts cites each): every test here
 * shows the simulator failing the way Excel fails, so the front end's tests (test/excel/limits*.test.ts) prove
 * that the add-in survives them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installSimulatedOffice, loadWorkbookFromJson, type SimulatedOffice, type SimWorkbookOptions } from '../../src/preview/sim';
import { codeOf } from './codeOf';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

function install(cells: (string | number | null)[][] = [['x']], options: SimWorkbookOptions = {}, merges: string[] = []) {
  const book = loadWorkbookFromJson({ sheets: [{ name: 'S', cells, merges }] }, options);
  office = installSimulatedOffice(book);
  return book;
}

const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem('S');

describe('limits of real Excel in the simulator', () => {
  it('getMergedAreasOrNullObject fails above 512 merged areas in the range (its d.ts text)', async () => {
    const merges = Array.from({ length: 513 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`);
    install([['x']], {}, merges);
    const read = (address: string) =>
      Excel.run(async (c) => {
        const areas = sheet(c).getRange(address).getMergedAreasOrNullObject().load('areaCount');
        await c.sync();
        return areas.areaCount;
      });
    await expect(codeOf(read('A1:B1026'))).resolves.toBe('GeneralException');
    await expect(read('A1:B1024')).resolves.toBe(512);
  });

  it('getRanges refuses more than 512 areas or more than 8,192 characters (office-js#5198)', async () => {
    install();
    const get = (address: string) =>
      Excel.run(async (c) => {
        const r = sheet(c).getRanges(address).load('areaCount');
        await c.sync();
        return r.areaCount;
      });
    const areas = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `F${from + i * 2}`).join(', ');
    await expect(get(areas(512))).resolves.toBe(512);
    await expect(codeOf(get(areas(513)))).resolves.toBe('InvalidArgument');
    const long = Array.from({ length: 500 }, (_, i) => `XFA${100000 + i * 2}:XFB${100001 + i * 2}`).join(', ');
    expect(long.length).toBeGreaterThan(8192);
    await expect(codeOf(get(long))).resolves.toBe('InvalidArgument');
  });

  it('a read of more than 5,000,000 cells fails as an internal error, or gives values null on some builds (office-js#4783)', async () => {
    const cells = [['x'], ...Array.from({ length: 399 }, () => [1])];
    // A stray value in XFD1: a used range of 400 × 16,384 = 6.5 million cells.
    const stray = (b: ReturnType<typeof install>) => b.setCells('S', 1, 16384, [['stray']]);
    const load = () =>
      Excel.run(async (c) => {
        const used = sheet(c).getUsedRange(true).load('cellCount, values');
        await c.sync();
        return [used.cellCount, used.values];
      });
    stray(install(cells));
    await expect(codeOf(load())).resolves.toBe('GeneralException');
    stray(install(cells, { quirks: { oversizedRead: 'null' } }));
    await expect(load()).resolves.toEqual([6_553_600, null]);
  });

  it('counts payload bytes in UTF-8: Chinese text weighs three bytes a character', async () => {
    const text = '预算执行情况说明'.repeat(25_000); // 200,000 characters, 600,000 bytes
    install(Array.from({ length: 10 }, () => [text]));
    const read = Excel.run(async (c) => {
      sheet(c).getRange('A1:A10').load('values');
      await c.sync();
    });
    // 2 million characters (under 5 MB by length), 6 million bytes (over it).
    await expect(codeOf(read)).resolves.toBe('ResponsePayloadSizeLimitExceeded');
    install(Array.from({ length: 10 }, () => [text]), { quirks: { genericPayloadErrors: true } });
    await expect(codeOf(Excel.run(async (c) => { sheet(c).getRange('A1:A10').load('values'); await c.sync(); }))).resolves.toBe('GeneralException');
  });

  it('parses strings written through formulas or values as typed input, en-US (office-js#1559, #229)', async () => {
    const book = install();
    const typed = ['1/2', '3-5', '2024-01-31', '(100)', '1,550.00', '50%', "'1/2", '120万元', '≥95%', 'TRUE'];
    await Excel.run(async (c) => {
      sheet(c).getRange('A1:J1').formulas = [typed];
      sheet(c).getRange('A2:B2').numberFormat = [['@', '@']];
      sheet(c).getRange('A2:B2').values = [['1/2', '=A1']];
    });
    const grid = book.getDisplayGrid('S');
    const year = new Date().getFullYear();
    const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(grid.cells[0].slice(0, 10).map((cell) => cell.value)).toEqual([
      serial(year, 1, 2), serial(year, 3, 5), serial(2024, 1, 31), -100, 1550, 0.5, '1/2', '120万元', '≥95%', true,
    ]);
    expect(grid.cells[0][2].numberFormat).toBe('m/d/yyyy');
    // A text-formatted cell keeps what it is given, even something that looks like a formula.
    expect(grid.cells[1].slice(0, 2).map((cell) => cell.value)).toEqual(['1/2', '=A1']);
  });

  it('one rule Excel cannot describe fails the whole collection read (office-js#6835, #6827); all of the notes’ properties cannot be loaded on the web (#6198)', async () => {
    const book = install([[1], [2]], { quirks: { webNotes: true } });
    await Excel.run(async (c) => {
      const cf = sheet(c).getRange('A1:A2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A1>1';
    });
    book.sheet('S').conditionalFormats[0].unreadable = true;
    const rules = Excel.run(async (c) => {
      sheet(c).getRange().conditionalFormats.load('items/type');
      await c.sync();
    });
    await expect(codeOf(rules)).resolves.toBe('GeneralException');
    const notes = (what: string) =>
      Excel.run(async (c) => {
        sheet(c).notes.load(what);
        await c.sync();
      });
    await expect(codeOf(notes('items'))).resolves.toBe('GeneralException');
    await expect(codeOf(notes('items/content'))).resolves.toBeUndefined();
  });

  it('a rule formula is set relative to the range it was fetched through and read relative to its own top-left cell (office-js#5194)', async () => {
    const book = install([[1], [0.5], [1], [0.2]], { quirks: { reverseRuleAreas: true } });
    await Excel.run(async (c) => {
      const cf = sheet(c).getRanges('A3:A4, A1:A2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A1<0.9'; // relative to A1, the areas' top-left cell
    });
    // Fetched through the whole sheet (A1) the formula reads as written; the areas come back in Excel's order.
    const read = () =>
      Excel.run(async (c) => {
        const cfs = sheet(c).getRange().conditionalFormats.load('items/customOrNullObject/rule/formula');
        await c.sync();
        const ranges = cfs.items[0].getRanges().load('address');
        await c.sync();
        return [cfs.items[0].customOrNullObject.rule.formula, ranges.address];
      });
    await expect(read()).resolves.toEqual(['=A1<0.9', 'S!A1:A2, S!A3:A4']);
    expect(book.getDisplayGrid('S').cells.map((row) => row[0].conditionalFormats.length)).toEqual([0, 1, 0, 1]);
  });

  it('writing back the formula as read, through another range, moves the rule (office-js#5194)', async () => {
    install([[1], [0.5], [1], [0.2]]);
    await Excel.run(async (c) => {
      sheet(c).getRange('A3:A4').conditionalFormats.add('Custom').custom.rule.formula = '=A3<0.9';
    });
    const viaSheet = () => Excel.run(async (c) => {
      const cfs = sheet(c).getRange().conditionalFormats.load('items/customOrNullObject/rule/formula');
      await c.sync();
      return cfs.items[0].customOrNullObject.rule.formula;
    });
    await expect(viaSheet()).resolves.toBe('=A3<0.9');
    await Excel.run(async (c) => {
      const cfs = sheet(c).getRange().conditionalFormats.load('items');
      await c.sync();
      cfs.items[0].custom.rule.formula = '=A3<0.9'; // meant for A3, taken for A1
    });
    await expect(viaSheet()).resolves.toBe('=A5<0.9');
  });
});
