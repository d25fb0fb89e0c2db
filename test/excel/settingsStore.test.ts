import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, withDefaults } from '../../src/core';
import { createSettingsStore, SETTINGS_KEY } from '../../src/excel';
import { installSimulatedOffice, SimWorkbook, type SimulatedOffice } from '../../src/preview/sim';

let office: SimulatedOffice | undefined;
afterEach(() => {
  office?.uninstall();
  office = undefined;
});

describe('settings store', () => {
  it('keeps settings in memory outside Office', async () => {
    const store = createSettingsStore();
    expect(store.persistent).toBe(false);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    await store.set(withDefaults({ executionThreshold: 0.8 }));
    expect(store.get().executionThreshold).toBe(0.8);
  });

  it('saves into the workbook, so whoever opens it later gets the same rules', async () => {
    const book = new SimWorkbook();
    office = installSimulatedOffice(book);
    const store = createSettingsStore();
    expect(store.persistent).toBe(true);
    await store.set(withDefaults({ executionThreshold: 0.85, asOfMonth: 6 }));
    expect(book.documentSettings.get(SETTINGS_KEY)).toMatchObject({ executionThreshold: 0.85, asOfMonth: 6 });

    office.uninstall();
    office = installSimulatedOffice(book); // the reviewer opens the file
    const reopened = createSettingsStore().get();
    expect(reopened).toEqual(withDefaults({ executionThreshold: 0.85, asOfMonth: 6 }));
  });

  it('falls back to the defaults when what was saved is not valid, and says why', () => {
    const book = new SimWorkbook();
    book.documentSettings.set(SETTINGS_KEY, { executionThreshold: 'ninety', asOfMonth: 13 });
    office = installSimulatedOffice(book);
    const store = createSettingsStore();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.problems.length).toBeGreaterThan(0);
  });

  it('reads settings saved as a JSON string too', () => {
    const book = new SimWorkbook();
    book.documentSettings.set(SETTINGS_KEY, JSON.stringify({ adjustmentThreshold: 0.3 }));
    office = installSimulatedOffice(book);
    expect(createSettingsStore().get().adjustmentThreshold).toBe(0.3);
  });
});
