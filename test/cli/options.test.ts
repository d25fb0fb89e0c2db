import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/messages';
import { parseAdjusted, parseFraction, parseMonth, settingsFromOptions } from '../../src/cli/options';
import { DEFAULT_SETTINGS } from '../../src/core';

describe('options → settings', () => {
  it('uses the engine defaults when nothing is given', () => {
    expect(settingsFromOptions({})).toEqual(DEFAULT_SETTINGS);
  });

  it('reads every analysis option', () => {
    const s = settingsFromOptions({ threshold: '0.8', adjustmentThreshold: '0.3', asOfMonth: '6', adjusted: 'delta', overwrite: true });
    expect(s).toMatchObject({ executionThreshold: 0.8, adjustmentThreshold: 0.3, asOfMonth: 6, adjustedMeans: 'delta', overwrite: true });
  });

  it('accepts fractions and percentages, full-width too', () => {
    expect(parseFraction('0.9', '--threshold')).toBe(0.9);
    expect(parseFraction('.75', '--threshold')).toBe(0.75);
    expect(parseFraction('90%', '--threshold')).toBeCloseTo(0.9, 12);
    expect(parseFraction('９０％', '--threshold')).toBeCloseTo(0.9, 12);
    expect(parseFraction(' 1 ', '--threshold')).toBe(1);
  });

  it('rejects what is not a number, with exit code 2', () => {
    for (const raw of ['abc', '', '0.9.1', '1e3', 'NaN', '--', '0,9']) {
      expect(() => parseFraction(raw, '--threshold')).toThrow(CliError);
      try {
        parseFraction(raw, '--threshold');
      } catch (e) {
        expect((e as CliError).exitCode).toBe(2);
      }
    }
  });

  it('months are whole numbers from 1 to 12', () => {
    expect(parseMonth('1')).toBe(1);
    expect(parseMonth('12')).toBe(12);
    for (const raw of ['0', '13', '6.5', '-1', 'six', '']) expect(() => parseMonth(raw)).toThrow(CliError);
  });

  it('--adjusted is total, delta (or auto)', () => {
    expect(parseAdjusted('TOTAL')).toBe('total');
    expect(parseAdjusted('delta')).toBe('delta');
    expect(parseAdjusted('auto')).toBe('auto');
    expect(() => parseAdjusted('sum')).toThrow(CliError);
  });
});
