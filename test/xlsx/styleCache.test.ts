import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NumberFormatStyles } from '../../src/xlsx/styleCache';

describe('NumberFormatStyles', () => {
  it('gives cells that shared a style one shared copy with the format, leaving the original alone', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    const shared = { font: { bold: true } };
    const [a, b] = [ws.getCell('A1'), ws.getCell('A2')];
    a.style = shared;
    b.style = shared;
    const styles = new NumberFormatStyles();
    const sa = styles.styleWith(a, '0.00%');
    expect(styles.styleWith(b, '0.00%')).toBe(sa);
    expect(sa).toEqual({ font: { bold: true }, numFmt: '0.00%' });
    expect(shared).toEqual({ font: { bold: true } });
  });

  it('shares one object among new cells and among equal styles in different objects', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    ws.getColumn(2).font = { italic: true };
    const styles = new NumberFormatStyles();
    expect(styles.styleWith(ws.getCell('A1'), '0.00%')).toBe(styles.styleWith(ws.getCell('A2'), '0.00%'));
    const b1 = styles.styleWith(ws.getCell('B1'), '0.00%');
    expect(styles.styleWith(ws.getCell('B2'), '0.00%')).toBe(b1);
    expect(b1).toEqual({ font: { italic: true }, numFmt: '0.00%' });
    expect(styles.styleWith(ws.getCell('B3'), '0%')).not.toBe(b1);
  });
});
