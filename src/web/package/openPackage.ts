/**
 * The one file that binds the 网页版 to an .xlsx library (see workbookPackage.ts): the command line's own
 * package reader/writer (src/xlsx/package: zip parts patched, every part a plan does not touch copied as it was;
 * no Node imports), run in the worker on the bytes the user chose.
 */
import { SETTINGS_NAMESPACE, type Plan } from '../../core';
import { PackageError, WorkbookPackage } from '../../xlsx/package';
import { PackageOpenError, type OpenPackage, type OpenWorkbook, type PackageApplied } from './workbookPackage';

class PackageWorkbook implements OpenWorkbook {
  constructor(private readonly pkg: WorkbookPackage) {}

  sheetNames() {
    return this.pkg.sheetNames;
  }

  extension() {
    return this.pkg.extension;
  }

  readSheets() {
    return this.pkg.readSnapshots();
  }

  async applyPlan(plan: Plan): Promise<PackageApplied> {
    const [{ result: r }] = await this.pkg.applyPlans([plan]);
    const warnings: string[] = [];
    if (r.notesKept > 0) warnings.push(`${r.notesKept} 条批注已被您改过，未删除。`);
    if (r.mergedCellsSkipped > 0) warnings.push(`${r.mergedCellsSkipped} 个单元格在合并单元格中，未写入。`);
    if (r.leftOut.length > 0) warnings.push(`新工作表未能带上：${r.leftOut.join('、')}。`);
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

  settingsXml() {
    return this.pkg.customXml(SETTINGS_NAMESPACE);
  }

  setSettingsXml(xml: string) {
    return this.pkg.setCustomXml(SETTINGS_NAMESPACE, xml);
  }

  save() {
    return this.pkg.save();
  }
}

export const openPackage: OpenPackage = async (bytes, fileName) => {
  try {
    return new PackageWorkbook(await WorkbookPackage.open(bytes, { source: fileName }));
  } catch (e) {
    // The same two lines the command line prints for a file it cannot read.
    if (e instanceof PackageError) throw new PackageOpenError(e.code, e.zh, e.en);
    throw e;
  }
};
