/** The simulator's error code a promise rejects with, or undefined when it resolves. */
import type { SimOfficeError } from '../../src/preview/sim';

export async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as SimOfficeError).code;
  }
  return undefined;
}
