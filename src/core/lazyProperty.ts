/**
 * A property made when first read and then kept as plain data: how the engine's compact forms (a plan's rate
 * column, a report's rows, a snapshot's values) still look like the plain objects to every other reader.
 * Enumerable, so JSON, a copy (`{ ...o }`) and a test comparison read it like any other property.
 */
function keep(target: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** Defines `key` on `target` (as its next key, when new) as `make(target)`, made on first read. */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, make: (target: T) => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const value = make(this);
      keep(this, key, value);
      return value;
    },
    set(this: T, value: T[K]) {
      keep(this, key, value);
    },
  });
}
