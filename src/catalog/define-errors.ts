import { BUILT_IN_ERRORS } from './built-in.errors';
import type {
  ErrorCatalog,
  ErrorCode,
  ErrorDefinition,
} from './error-definition.interface';
import { InvalidErrorCatalogError, MESSAGES } from './messages.constants';

/**
 * Declares an app's errors in one typed table. Each entry is frozen and gets
 * its key as `name`, so `AppErrors.InvalidApiKey` autocompletes and can be
 * thrown with `new ApiException(AppErrors.InvalidApiKey)`.
 *
 * Validates eagerly: a status outside 400–599, an empty code or message, or a
 * code used twice (inside the catalog or by a built-in error) throws an
 * `InvalidErrorCatalogError` naming both entries, so a bad catalog fails at
 * startup rather than in production.
 *
 * @example
 * export const AppErrors = defineErrors({
 *   InvalidApiKey: { status: 401, code: 2000, message: 'The API key provided is invalid.' },
 * });
 * @publicApi
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(
  definitions: T,
): ErrorCatalog<T> {
  const catalog: Record<string, ErrorDefinition & { name: string }> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    assertDefinition(name, definition);
    catalog[name] = Object.freeze({
      status: definition.status,
      code: definition.code,
      message: definition.message,
      name,
    });
  }
  assertUniqueCodes([
    ...describeEntries(BUILT_IN_ERRORS, 'the built-in '),
    ...describeEntries(catalog),
  ]);
  return Object.freeze(catalog) as ErrorCatalog<T>;
}

/** @internal Throws unless `definition` is a usable error definition. */
export function assertDefinition(
  name: string,
  definition: unknown,
): asserts definition is ErrorDefinition {
  if (typeof definition !== 'object' || definition === null) {
    throw InvalidErrorCatalogError.create(MESSAGES.notADefinition(name));
  }
  const { status, code, message } = definition as Partial<ErrorDefinition>;
  if (
    !Number.isInteger(status) ||
    (status as number) < 400 ||
    (status as number) > 599
  ) {
    throw InvalidErrorCatalogError.create(MESSAGES.invalidStatus(name, status));
  }
  const usableCode =
    (typeof code === 'string' && code.trim() !== '') ||
    (typeof code === 'number' && Number.isFinite(code));
  if (!usableCode)
    throw InvalidErrorCatalogError.create(MESSAGES.invalidCode(name));
  if (typeof message !== 'string' || message.trim() === '') {
    throw InvalidErrorCatalogError.create(MESSAGES.invalidMessage(name));
  }
}

/** @internal `[label, code]` pairs of a table, for `assertUniqueCodes`. */
export function describeEntries(
  table: Readonly<Record<string, ErrorDefinition>>,
  prefix = '',
): Array<[string, ErrorCode]> {
  return Object.entries(table).map(([name, d]) => [`${prefix}${name}`, d.code]);
}

/**
 * @internal Throws on the first code used twice; `2000` and `'2000'` collide
 * because clients read both as the same code.
 */
export function assertUniqueCodes(entries: Array<[string, ErrorCode]>): void {
  const seen = new Map<string, string>();
  for (const [label, code] of entries) {
    const key = String(code);
    const first = seen.get(key);
    if (first !== undefined) {
      throw InvalidErrorCatalogError.create(
        MESSAGES.duplicateCode(code, first, label),
      );
    }
    seen.set(key, label);
  }
}
