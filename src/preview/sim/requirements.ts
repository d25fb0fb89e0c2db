/**
 * Requirement-set checks inside the simulated host: an API newer than the host's ExcelApi version fails the
 * batch with ApiNotFound, as an older Excel does (so tests can play a 1.9-only host).
 */
import type { SimRequestContext } from './context';
import { SimOfficeError } from './errors';

export function requireApi(context: SimRequestContext, version: string, api: string): void {
  if (!context.simBook.isSetSupported('ExcelApi', version))
    throw new SimOfficeError('ApiNotFound', `${api} needs ExcelApi ${version}, which this host does not support.`);
}
