import { BUILT_IN_ERRORS } from '../catalog/built-in.errors';
import type { BuiltInErrorName } from '../catalog/built-in.errors';
import type { ErrorDefinition } from '../catalog/error-definition.interface';
import type {
  ErrorFormat,
  ErrorFormatName,
} from '../formats/error-format.interface';
import {
  DEFAULT_DOCS_PATH,
  DEFAULT_REQUEST_ID_HEADER,
} from '../errors.constants';

/**
 * What the testing kit must know about the app under test: the same values
 * given to `ErrorsModule.forRoot()`. Set them once with
 * `configureApiErrorTesting()`, or per assertion.
 * @publicApi
 */
export interface ApiErrorTestingOptions {
  /**
   * The app's `docsBaseUrl`: `error.docs` must be `${docsBaseUrl}/${status}/${code}`.
   * @default '/docs/errors' (the module's default)
   */
  docsBaseUrl?: string;
  /**
   * The app's `requestIdHeader`: it must be on the response and equal `request_id`.
   * @default 'x-request-id'
   */
  requestIdHeader?: string;
  /**
   * The app's `builtInErrors` overrides, so `expectApiError(res, 404)` expects
   * the overridden code.
   * @default none (the table in `BUILT_IN_ERRORS`)
   */
  builtInErrors?: Partial<
    Record<BuiltInErrorName, Partial<Pick<ErrorDefinition, 'code' | 'message'>>>
  >;
  /**
   * The app's `format`: how the kit reads error bodies (`'envelope'`,
   * `'problem'`, `'nest'`, or the app's `ErrorFormat`, whose `read` it
   * uses). A response with `Content-Type: application/problem+json` is
   * always read as problem details (what `negotiate` answers).
   * @default 'envelope'
   */
  format?: ErrorFormatName | ErrorFormat;
}

/** @internal Options with defaults applied. */
export interface ResolvedTestingOptions {
  readonly docsBaseUrl: string;
  readonly requestIdHeader: string;
  readonly builtInErrors: NonNullable<ApiErrorTestingOptions['builtInErrors']>;
  readonly format: ErrorFormatName | ErrorFormat;
}

/**
 * The kit's defaults, equal to the module's.
 * @publicApi
 */
export const DEFAULT_API_ERROR_TESTING_OPTIONS: Readonly<
  Required<ApiErrorTestingOptions>
> = Object.freeze({
  docsBaseUrl: DEFAULT_DOCS_PATH,
  requestIdHeader: DEFAULT_REQUEST_ID_HEADER,
  builtInErrors: {},
  format: 'envelope',
});

let configured: ApiErrorTestingOptions = {};

/**
 * Sets the options every later assertion uses (per-call options still win).
 * Call it once, e.g. in a Jest `setupFiles` module or at the top of a spec.
 * Fields left out keep their defaults: each call replaces the previous one.
 *
 * @example
 * configureApiErrorTesting({ docsBaseUrl: 'https://api.example.com/docs/errors' });
 * @publicApi
 */
export function configureApiErrorTesting(
  options: ApiErrorTestingOptions = {},
): void {
  configured = { ...options };
}

/** @internal Defaults, then `configureApiErrorTesting`, then per-call options. */
export function resolveTestingOptions(
  options: ApiErrorTestingOptions = {},
): ResolvedTestingOptions {
  const merged = {
    ...DEFAULT_API_ERROR_TESTING_OPTIONS,
    ...stripUndefined(configured),
    ...stripUndefined(options),
  };
  return {
    docsBaseUrl: merged.docsBaseUrl.replace(/\/+$/, ''),
    requestIdHeader: merged.requestIdHeader.toLowerCase(),
    builtInErrors: merged.builtInErrors,
    format: merged.format,
  };
}

/** @internal The built-in error the app answers `status` with, overrides applied. */
export function builtInErrorFor(
  status: number,
  options: ResolvedTestingOptions,
): ErrorDefinition | undefined {
  for (const [name, definition] of Object.entries(BUILT_IN_ERRORS)) {
    if (definition.status !== status) continue;
    const override = options.builtInErrors[name as BuiltInErrorName] ?? {};
    return { ...definition, ...stripUndefined(override) };
  }
  return undefined;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
