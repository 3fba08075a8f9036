/** @internal Key prefix of problem-details `parameter` entries (query or path). */
export const PARAMETER_KEY_PREFIX = 'parameter.';

/**
 * Pointers become dotted paths (`#/owner/email` → `owner.email`); parameters
 * `parameter.page`, matched by `alignParameterKeys` to `query.page` or
 * `params.page` (problem details do not say which).
 */
/** @internal */
export function problemErrorsToMap(
  errors: unknown[],
): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const entry of errors) {
    if (!isObject(entry) || typeof entry.detail !== 'string') continue;
    const key =
      typeof entry.pointer === 'string'
        ? pointerToPath(entry.pointer)
        : typeof entry.parameter === 'string'
          ? PARAMETER_KEY_PREFIX + entry.parameter
          : undefined;
    if (key === undefined) continue;
    (map[key] ??= []).push(entry.detail);
  }
  return map;
}

function pointerToPath(pointer: string): string {
  let decoded = pointer;
  try {
    decoded = decodeURIComponent(pointer);
  } catch {
    // Leave a malformed escape as sent.
  }
  // `#` points at the whole body: the envelope's `body` key.
  if (decoded === '#' || decoded === '') return 'body';
  return decoded
    .replace(/^#?\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * Nest's 422 `message` is one string per field, starting with the field
 * path (`owner.email must be an email`, `owner.email: Invalid email
 * address`), which keys it.
 */
/** @internal */
export function nestMessagesToMap(
  messages: unknown[],
): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const entry of messages) {
    if (typeof entry !== 'string') continue;
    // `owner.email must be an email`, or `owner.email: Invalid email address`.
    const key = entry.split(' ')[0].replace(/:$/, '');
    (map[key] ??= []).push(...entry.split('; '));
  }
  return map;
}

/**
 * @internal Gives problem details' `parameter.x` keys (and nest's bare `x`)
 * the envelope key the test expects (`query.x` or `params.x`).
 */
export function alignParameterKeys(
  actual: Record<string, unknown>,
  expectedKeys: readonly string[],
): Record<string, unknown> {
  const aligned = { ...actual };
  for (const key of expectedKeys) {
    const name = /^(query|params)\.(.*)$/.exec(key)?.[2];
    if (name === undefined || key in aligned) continue;
    // Problem details' `parameter`, or a nest message keyed by the bare name.
    const alias = [PARAMETER_KEY_PREFIX + name, name].find((a) => a in aligned);
    if (alias === undefined) continue;
    aligned[key] = aligned[alias];
    delete aligned[alias];
  }
  return aligned;
}

/** @internal */
export function test(value: unknown, expected: string | RegExp): boolean {
  if (typeof value !== 'string') return false;
  return typeof expected === 'string'
    ? value === expected
    : expected.test(value);
}

/** @internal */
export function startsWith(value: unknown, expected: string | RegExp): boolean {
  if (typeof expected !== 'string') return test(value, expected);
  return (
    typeof value === 'string' &&
    (value === expected ||
      value.startsWith(`${expected} `) ||
      value.startsWith(`${expected}. `))
  );
}

/** @internal */
export function endsWith(value: unknown, expected: string | RegExp): boolean {
  if (typeof expected !== 'string') return test(value, expected);
  return (
    typeof value === 'string' &&
    (value === expected || value.endsWith(` ${expected}`))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
