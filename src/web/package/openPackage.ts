/**
 * The one file that binds the 网页版 to an .xlsx library (see workbookPackage.ts): today the command line's
 * exceljs front end (src/xlsx readSnapshot / applyPlan, both free of Node imports), loaded from bytes in the
 * worker. The lossless zip-patching package of src/xlsx replaces it here when its browser API is available.
 */
import ExcelJS from 'exceljs';
import type { Plan } from '../../core';
import { applyPlanToWorkbook } from '../../xlsx/applyPlan';
import { readWorkbookSnapshots } from '../../xlsx/readSnapshot';
import { conditionalFormatBlocks } from '../../xlsx/worksheetInternals';
import { PackageOpenError, type OpenPackage, type PackageApplied, type RuleLook, type SheetLook, type WorkbookPackage } from './workbookPackage';

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

/** Excel's column width in characters of the default font → points (7 px a character plus 5 px padding). */
const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75);

function argb(color: unknown): string | undefined {
  const a = (color as { argb?: string } | undefined)?.argb;
  return typeof a === 'string' && a.length >= 6 ? `#${a.slice(-6).toUpperCase()}` : undefined;
}

function sheetLook(ws: ExcelJS.Worksheet): SheetLook {
  const columnWidths: Record<number, number> = {};
  ws.columns?.forEach((c, i) => {
    if (c?.width) columnWidths[i + 1] = widthPoints(c.width);
  });
  const rowHeights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (row.height) rowHeights[n] = row.height;
  });
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const frozen = view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : null;
  const rules: RuleLook[] = [];
  for (const block of conditionalFormatBlocks(ws)) {
    const ranges = String(block.ref ?? '').split(/\s+/).filter(Boolean);
    for (const rule of block.rules ?? []) {
      const first = rule.formulae?.[0];
      if (rule.type !== 'expression' || first === undefined || first === null) continue;
      const fill = rule.style?.fill as { bgColor?: unknown; fgColor?: unknown } | undefined;
      const text = String(first);
      rules.push({
        ranges,
        formula: text.startsWith('=') ? text : `=${text}`,
        fill: argb(fill?.bgColor) ?? argb(fill?.fgColor),
        font: argb(rule.style?.font?.color),
      });
    }
  }
  return { columnWidths, rowHeights, frozen, rules };
}

class ExcelJsPackage implements WorkbookPackage {
  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly fileName: string,
  ) {}

  sheetNames() {
    return this.wb.worksheets.map((ws) => ws.name);
  }

  readSheets() {
    return readWorkbookSnapshots(this.wb, undefined, { source: this.fileName });
  }

  look(sheet: string) {
    const ws = this.wb.getWorksheet(sheet);
    return ws ? sheetLook(ws) : { columnWidths: {}, rowHeights: {}, frozen: null, rules: [] };
  }

  applyPlan(plan: Plan): PackageApplied {
    const r = applyPlanToWorkbook(this.wb, plan);
    const warnings: string[] = [];
    if (r.notesKept > 0) warnings.push(`${r.notesKept} 条批注已被您修改，未删除。`);
    if (r.mergedCellsSkipped > 0) warnings.push(`${r.mergedCellsSkipped} 个单元格位于合并单元格中，未写入。`);
    return {
      cellsWritten: r.cellsWritten,
      formulasWritten: r.formulasWritten,
      rulesAdded: r.rulesAdded,
      rulesRemoved: r.rulesRemoved,
      notesWritten: r.notesWritten,
      notesRemoved: r.notesRemoved,
      warnings,
      sheetCreated: r.sheet !== 'existing',
    };
  }

  async save(): Promise<Uint8Array> {
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }
}

export const openPackage: OpenPackage = async (bytes, fileName) => {
  if (startsWith(bytes, OLE))
    throw new PackageOpenError(
      'legacy-xls',
      '这是旧版 .xls 格式或已加密的工作簿，请在 Excel 中另存为（不加密的）Excel 工作簿（.xlsx）后再打开。',
      'This is an old .xls or an encrypted workbook; save it as an unencrypted .xlsx in Excel, then open it again.',
    );
  if (!startsWith(bytes, ZIP))
    throw new PackageOpenError('not-xlsx', '不是 Excel 工作簿（.xlsx / .xlsm），请选择 Excel 工作簿文件。', 'Not an Excel workbook (.xlsx / .xlsm); choose an Excel workbook file.');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new PackageOpenError(
      'corrupt',
      '无法作为 Excel 工作簿读取（文件可能已损坏），请用 Excel 打开并另存后再试。',
      'Cannot be read as an Excel workbook (damaged?); open and re-save it in Excel, then try again.',
    );
  }
  return new ExcelJsPackage(wb, fileName);
};
