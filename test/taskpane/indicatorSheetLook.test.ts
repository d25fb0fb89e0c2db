/**
 * Issue 10, item 11: 绩效指标完成情况 as a finance office prints it, built through the Office.js front end on the
 * simulated Excel (liwan sample): the title merged across the table, the header bold, shaded, wrapped and bordered,
 * indicator rows bordered and wrapped, 二级指标 on every row, 来源 in words, 方向 as 正向 / 反向, landscape, one page
 * wide, the header repeated on every page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/core';
import { OWN_COLUMNS } from '../../src/core/indicators';

const OWN_LAST_COL = OWN_COLUMNS.source.col;
import { pageSetupOf, type SimulatedOffice } from '../../src/preview/sim';
import { createExcelActions } from '../../src/taskpane/host/excelActions';
import { loadSample } from './sampleBook';

let office: SimulatedOffice | undefined;
afterEach(() => office?.uninstall());

describe('the built 绩效指标完成情况', () => {
  it('looks like a printed form', async () => {
    const sample = await loadSample('liwan-2021');
    office = sample.office;
    const { book } = sample;
    const actions = createExcelActions();
    await actions.detectIndicators(withDefaults(), {});
    const out = await actions.applyIndicators(withDefaults(), {});
    const sheet = book.getSheet(out.sheet)!;

    expect(sheet.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: OWN_LAST_COL });
    const header = sheet.styleAt(2, OWN_COLUMNS.level3.col);
    expect(header).toMatchObject({ bold: true, wrapText: true, borders: true, fill: '#D9E1F2' });
    const last = out.report.indicators[out.report.indicators.length - 1].outputRow;
    expect(sheet.styleAt(last, OWN_COLUMNS.targetText.col)).toMatchObject({ wrapText: true, borders: true });
    expect(pageSetupOf(sheet)).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: '$2:$2' });

    const rows = sheet.values({ top: 3, left: 1, bottom: last, right: OWN_LAST_COL });
    const at = (key: keyof typeof OWN_COLUMNS) => OWN_COLUMNS[key].col - 1;
    // Every indicator row says its 二级指标 (the form merges it down over its rows).
    const indicatorRows = rows.filter((r) => r[at('level1')] !== '' && r[at('level1')] !== null);
    expect(indicatorRows.filter((r) => r[at('level2')] === null || r[at('level2')] === '').length).toBe(0);
    expect(rows.map((r) => r[at('source')]).filter((s) => typeof s === 'string' && s.includes('!') && !s.startsWith('预算执行率'))).toEqual([]);
    expect(rows.some((r) => typeof r[at('source')] === 'string' && /^绩效指标 B\d+（第2项）$/.test(r[at('source')] as string))).toBe(true);
    expect(new Set(rows.map((r) => r[at('direction')]).filter((d) => typeof d === 'string' && !d.startsWith('=')))).toEqual(new Set(['正向', '定性']));

    // A second 写入 refreshes in place: the user's answers are still found by their 来源.
    const again = await actions.applyIndicators(withDefaults(), {});
    expect(again.refreshed).toBe(true);
    expect(again.report.indicators.length).toBe(out.report.indicators.length);
  });
});
