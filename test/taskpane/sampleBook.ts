/**
 * A sample workbook (assets/samples/*.xlsx) in the simulated Excel, exactly as the browser preview loads it
 * (scripts/preview-data.ts, then src/preview/buildBook.ts), with the simulator installed as the Excel globals.
 */
import { join } from 'node:path';
import { previewWorkbookFromXlsx } from '../../scripts/preview-data';
import { buildBook } from '../../src/preview/buildBook';
import { installSimulatedOffice, type SimulatedOffice, type SimWorkbook } from '../../src/preview/sim';

export type SampleId = 'liwan-2021' | 'guangzhou-2022-indicators' | 'foshan-2020';

export async function loadSample(id: SampleId): Promise<{ book: SimWorkbook; office: SimulatedOffice }> {
  const data = await previewWorkbookFromXlsx(join(__dirname, '..', '..', 'assets', 'samples', `${id}.xlsx`));
  const book = buildBook(data);
  return { book, office: installSimulatedOffice(book) };
}
