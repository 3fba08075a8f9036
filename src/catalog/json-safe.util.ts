import type { JsonValue } from '../formats/field-error.interface';

/** @internal Deepest nesting kept in `details`; deeper values are dropped. */
export const MAX_DETAILS_DEPTH = 16;

/** @internal Longest array kept in `details`; later items are dropped. */
export const MAX_DETAILS_ITEMS = 1000;

/** @internal Most keys kept per object of `details`; later keys are dropped. */
export const MAX_DETAILS_KEYS = 1000;

/** @internal The JSON-safe copy of `details` and the paths that were dropped. */
export interface JsonSafeResult {
  value: Record<string, JsonValue> | undefined;
  /** `details.limit (bigint)`, … */
  dropped: string[];
}

/**
 * @internal Copies `details` keeping only what JSON carries unchanged:
 * strings, booleans, finite numbers, `null`, arrays and plain objects
 * (prototype `Object.prototype` or `null`). Dropped, with their path:
 * functions, symbols, bigints, `NaN`/`±Infinity`, class instances (`Date`,
 * `Map`, `Buffer`, `Error`, …), repeated references (cycles included) and
 * values nested deeper than `MAX_DETAILS_DEPTH`. `undefined` is left out
 * silently, as `JSON.stringify` does. Getters are read once; one that
 * throws drops its value, and so does an object that cannot be read at all
 * (a proxy whose traps throw). Objects keep their first `MAX_DETAILS_KEYS`
 * keys, arrays their first `MAX_DETAILS_ITEMS` items. A non-object
 * `details` is dropped whole.
 */
export function toJsonSafeDetails(details: unknown): JsonSafeResult {
  const dropped: string[] = [];
  if (details === undefined) return { value: undefined, dropped };
  if (details === null || !isPlainObject(details)) {
    dropped.push(`details (${details === null ? 'null' : describe(details)})`);
    return { value: undefined, dropped };
  }
  const seen = new Set<object>();
  const value = copy(details, 'details', 0, seen, dropped) as Record<
    string,
    JsonValue
  >;
  return { value, dropped };
}

function copy(
  value: unknown,
  path: string,
  depth: number,
  seen: Set<object>,
  dropped: string[],
): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    dropped.push(`${path} (${String(value)})`);
    return undefined;
  }
  if (value === undefined || value === UNREADABLE) return undefined;
  let array: boolean;
  try {
    array = Array.isArray(value);
  } catch {
    // A revoked proxy.
    dropped.push(`${path} (unreadable)`);
    return undefined;
  }
  if (!array && !isPlainObject(value)) {
    dropped.push(`${path} (${describe(value)})`);
    return undefined;
  }
  const object = value as object;
  if (seen.has(object)) {
    dropped.push(`${path} (repeated reference)`);
    return undefined;
  }
  if (depth >= MAX_DETAILS_DEPTH) {
    dropped.push(`${path} (nested deeper than ${MAX_DETAILS_DEPTH})`);
    return undefined;
  }
  seen.add(object);
  try {
    return array
      ? copyArray(value as unknown[], path, depth, seen, dropped)
      : copyObject(object, path, depth, seen, dropped);
  } catch {
    // A proxy whose `ownKeys` or `length` trap throws: nothing of it is kept.
    dropped.push(`${path} (unreadable)`);
    return undefined;
  } finally {
    seen.delete(object);
  }
}

function copyArray(
  value: unknown[],
  path: string,
  depth: number,
  seen: Set<object>,
  dropped: string[],
): JsonValue[] {
  const out: JsonValue[] = [];
  const length = Math.min(value.length, MAX_DETAILS_ITEMS);
  if (value.length > length)
    dropped.push(`${path}.${length}… (over ${MAX_DETAILS_ITEMS} items)`);
  for (let i = 0; i < length; i++) {
    const item = copy(
      read(value, i, `${path}.${i}`, dropped),
      `${path}.${i}`,
      depth + 1,
      seen,
      dropped,
    );
    // Keep indexes stable: a dropped item becomes null, as JSON.stringify does.
    out.push(item === undefined ? null : item);
  }
  return out;
}

function copyObject(
  value: object,
  path: string,
  depth: number,
  seen: Set<object>,
  dropped: string[],
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  const keys = Object.keys(value);
  if (keys.length > MAX_DETAILS_KEYS)
    dropped.push(
      `${path}: ${keys.length - MAX_DETAILS_KEYS} keys (over ${MAX_DETAILS_KEYS} keys)`,
    );
  for (const key of keys.slice(0, MAX_DETAILS_KEYS)) {
    const child = copy(
      read(value, key, `${path}.${key}`, dropped),
      `${path}.${key}`,
      depth + 1,
      seen,
      dropped,
    );
    if (child === undefined) continue;
    // defineProperty: a key named "__proto__" stays an ordinary property.
    Object.defineProperty(out, key, {
      value: child,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const UNREADABLE = Symbol('unreadable');

function read(
  target: object,
  key: string | number,
  path: string,
  dropped: string[],
): unknown {
  try {
    return (target as Record<string | number, unknown>)[key];
  } catch {
    dropped.push(`${path} (getter threw)`);
    return UNREADABLE;
  }
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value) as unknown;
    return proto === Object.prototype || proto === null;
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (value === UNREADABLE) return 'unreadable';
  if (typeof value === 'object' && value !== null) {
    try {
      const name = (value as { constructor?: { name?: unknown } }).constructor
        ?.name;
      return typeof name === 'string' && name !== '' ? name : 'object';
    } catch {
      return 'object';
    }
  }
  return typeof value;
}
