import type {
  FieldError,
  FieldErrorSource,
} from '../formats/field-error.interface';

/**
 * The part of the Standard Schema v1 interface the module uses (the spec
 * asks libraries to copy its types rather than depend on a package). Zod 4,
 * Valibot 1 and ArkType 2 schemas all implement it.
 * @see https://standardschema.dev
 * @publicApi
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
      options?: Record<string, unknown>,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output };
  };
}

/**
 * The result of a Standard Schema validation.
 * @publicApi
 */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardSchemaIssue[] };

/**
 * One Standard Schema issue: a message and where it applies.
 * @publicApi
 */
export interface StandardSchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
}

/** @internal Is `value` a Standard Schema v1 validator? */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  const standard = (value as { '~standard'?: { validate?: unknown } } | null)?.[
    '~standard'
  ];
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    typeof standard?.validate === 'function'
  );
}

/**
 * @internal Standard Schema issues as `FieldError`s, lazily (the bounding
 * stops reading once the 422 is full). `prefix` is the parameter's own name
 * (`@Query('page', …)`), put before each issue's path.
 */
export function* issueFieldErrors(
  issues: readonly StandardSchemaIssue[],
  source: FieldErrorSource = 'body',
  prefix: ReadonlyArray<string | number> = [],
): Generator<FieldError> {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path ?? []).map(pathSegment)];
    const keys = (issue as { code?: unknown; keys?: unknown }).keys;
    if (
      (issue as { code?: unknown }).code === 'unrecognized_keys' &&
      Array.isArray(keys)
    ) {
      // Zod names the unknown keys in one issue on their parent; each gets
      // its own field, as class-validator's forbidNonWhitelisted does.
      for (const key of keys)
        yield { source, path: [...path, String(key)], messages: [UNKNOWN_KEY] };
      continue;
    }
    yield {
      source,
      path,
      messages: [withoutEchoedValue(issue)],
    };
  }
}

const UNKNOWN_KEY = 'This field is not allowed.';

function pathSegment(
  segment: PropertyKey | { readonly key: PropertyKey },
): string | number {
  const key =
    typeof segment === 'object' && segment !== null ? segment.key : segment;
  if (typeof key === 'number') return key;
  if (typeof key === 'symbol') return key.description ?? '';
  return String(key);
}

/**
 * Validators may quote the submitted value in their default messages
 * (Valibot: `Invalid email: Received "x"`; ArkType: `must be … (was "x")`);
 * the 422 never sends it back. Their issues carry the value they quote
 * (`received` / `actual`), so only that part of the message is removed.
 */
function withoutEchoedValue(issue: StandardSchemaIssue): string {
  const message = String(issue.message);
  const { received, actual } = issue as {
    received?: unknown;
    actual?: unknown;
  };
  let cleaned = message;
  if (
    typeof received === 'string' &&
    received !== '' &&
    cleaned.includes(received)
  ) {
    cleaned = cleaned
      .replace(` but received ${received}`, '')
      .replace(`: Received ${received}`, '')
      .replace(received, 'the given value');
  }
  if (
    typeof actual === 'string' &&
    actual !== '' &&
    cleaned.includes(`(was ${actual})`)
  ) {
    cleaned = cleaned.replace(` (was ${actual})`, '');
  }
  return cleaned.trim() === '' ? 'Invalid value.' : cleaned;
}
