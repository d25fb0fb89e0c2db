/**
 * Settings in the workbook itself (a custom XML part), so every copy of the add-in — sideloaded, from the catalog,
 * deployed by the admin — reads the same thresholds (office-js#840: document settings are per add-in instance).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, withDefaults } from '../../src/core';
import { createSettingsStore, SETTINGS_KEY, SETTINGS_NAMESPACE } from '../../src/excel';
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
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    await store.set(withDefaults({ executionThreshold: 0.8 }));
    expect((await store.get()).executionThreshold).toBe(0.8);
  });

  it('saves into a custom XML part of the workbook, which another copy of the add-in reads', async () => {
    const book = new SimWorkbook();
    office = installSimulatedOffice(book);
    const store = createSettingsStore();
    expect(store.persistent).toBe(true);
    await store.set(withDefaults({ executionThreshold: 0.85, asOfMonth: 6 }));
    await store.set(withDefaults({ executionThreshold: 0.8, asOfMonth: 6 })); // replaced, not added
    expect(book.customXmlParts).toHaveLength(1);
    expect(book.customXmlParts[0].xml).toContain(`xmlns="${SETTINGS_NAMESPACE}"`);
    expect(book.documentSettings.size).toBe(0);

    // The reviewer opens the file with the add-in from the catalog: another instance, no document settings of ours.
    office.uninstall();
    office = installSimulatedOffice(book);
    expect(await createSettingsStore(null).get()).toEqual(withDefaults({ executionThreshold: 0.8, asOfMonth: 6 }));
  });

  it('moves settings of an earlier version (document settings) into the workbook, once', async () => {
    const book = new SimWorkbook();
    book.documentSettings.set(SETTINGS_KEY, { adjustmentThreshold: 0.3 });
    office = installSimulatedOffice(book);
    const store = createSettingsStore();
    expect((await store.get()).adjustmentThreshold).toBe(0.3);
    expect(store.migrated).toBe(true);
    expect(book.customXmlParts).toHaveLength(1);
    const again = createSettingsStore();
    expect((await again.get()).adjustmentThreshold).toBe(0.3);
    expect(again.migrated).toBe(false);
  });

  it('falls back to the defaults when what was saved is not valid, and says why', async () => {
    const book = new SimWorkbook();
    book.documentSettings.set(SETTINGS_KEY, { executionThreshold: 'ninety', asOfMonth: 13 });
    office = installSimulatedOffice(book);
    const store = createSettingsStore();
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.problems.length).toBeGreaterThan(0);
    expect(store.migrated).toBe(false);
  });

  it('reads old settings saved as a JSON string too', async () => {
    const book = new SimWorkbook();
    book.documentSettings.set(SETTINGS_KEY, JSON.stringify({ adjustmentThreshold: 0.3 }));
    office = installSimulatedOffice(book);
    expect((await createSettingsStore().get()).adjustmentThreshold).toBe(0.3);
  });
});
