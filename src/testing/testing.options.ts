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
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { formatName } from '../formats/built-in.formats';
import { liveAppOptions } from '../registry/app-options.registry';
import { ApiErrorTestingUsageError } from './testing-usage.error';

/**
 * What the testing kit must know about the app under test: the same values
 * given to `ErrorsModule.forRoot()`. With the app booted in the same process
 * the kit reads them from it; `configureApiErrorTesting()` and per-assertion
 * options override them.
 * @publicApi
 */
export interface ApiErrorTestingOptions {
  /**
   * The app's `docsBaseUrl`: `error.docs` must be `${docsBaseUrl}/${status}/${code}`.
   * @default the booted app's, else '/docs/errors' (the module's default)
   */
  docsBaseUrl?: string;
  /**
   * The app's `requestIdHeader`: it must be on the response and equal `request_id`.
   * @default the booted app's, else 'x-request-id'
   */
  requestIdHeader?: string;
  /**
   * The app's `builtInErrors` overrides, so `expectApiError(res, 404)` expects
   * the overridden code.
   * @default the booted app's, else none (the table in `BUILT_IN_ERRORS`)
   */
  builtInErrors?: Partial<
    Record<BuiltInErrorName, Partial<Pick<ErrorDefinition, 'code' | 'message'>>>
  >;
  /**
   * The app's `format`: how the kit reads error bodies (`'envelope'`,
   * `'problem'`, `'nest'`, or the app's `ErrorFormat`, whose `read` it
   * uses). A response with `Content-Type: application/problem+json` is
   * always read as problem details (what `negotiate` answers).
   * @default the booted app's, else 'envelope'
   */
  format?: ErrorFormatName | ErrorFormat;
}

/** @internal Options with defaults applied (read lazily: see `resolveTestingOptions`). */
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
 * Sets the options every later assertion uses, over those of the app booted
 * in the same process (per-call options still win). Needed only when the
 * kit cannot read them from the app: the app runs in another process, or
 * several apps with different options run at once. Fields left out fall back
 * to the booted app's, then the defaults: each call replaces the previous one.
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

/**
 * @internal Defaults, then the booted app's options, then
 * `configureApiErrorTesting`, then per-call options. A field that several
 * running apps set differently, and that nothing above overrides, throws an
 * `ApiErrorTestingUsageError` when the check reads it.
 */
export function resolveTestingOptions(
  options: ApiErrorTestingOptions = {},
): ResolvedTestingOptions {
  const given = { ...stripUndefined(configured), ...stripUndefined(options) };
  const fromApp = bootedAppOptions();
  const pick = <K extends keyof ApiErrorTestingOptions>(
    key: K,
  ): (() => Required<ApiErrorTestingOptions>[K]) => {
    if (given[key] !== undefined)
      return () => given[key] as Required<ApiErrorTestingOptions>[K];
    return fromApp(key);
  };
  const docsBaseUrl = pick('docsBaseUrl');
  const requestIdHeader = pick('requestIdHeader');
  const builtInErrors = pick('builtInErrors');
  const format = pick('format');
  return {
    get docsBaseUrl() {
      return docsBaseUrl().replace(/\/+$/, '');
    },
    get requestIdHeader() {
      return requestIdHeader().toLowerCase();
    },
    get builtInErrors() {
      return builtInErrors();
    },
    get format() {
      return format();
    },
  };
}

/** What the running apps say about each field (the defaults when none runs). */
function bootedAppOptions() {
  const apps = liveAppOptions().map(testingOptionsOf);
  return <K extends keyof ApiErrorTestingOptions>(
    key: K,
  ): (() => Required<ApiErrorTestingOptions>[K]) => {
    const values = apps.map((app) => app[key]);
    // Values compare as JSON, an app's own format object by identity.
    const distinct = [
      ...new Map(values.map((v) => [identity(v), v] as const)).values(),
    ];
    if (distinct.length === 0)
      return () => DEFAULT_API_ERROR_TESTING_OPTIONS[key];
    if (distinct.length === 1) return () => values[0];
    return () => {
      throw new ApiErrorTestingUsageError(
        `${apps.length} apps using ErrorsModule are running in this process, with different ${key} (${distinct.map(describeValue).join(', ')}), ` +
          `so the testing kit cannot tell which one answered. Say which: configureApiErrorTesting({ ${key} }) ` +
          `or pass { ${key} } to this assertion (or close the apps a spec no longer uses).`,
      );
    };
  };
}

/** The kit's view of a booted app's resolved options (built-ins: the overrides only). */
function testingOptionsOf(
  options: ResolvedErrorsOptions,
): Required<ApiErrorTestingOptions> {
  const builtInErrors: NonNullable<ApiErrorTestingOptions['builtInErrors']> =
    {};
  for (const [name, base] of Object.entries(BUILT_IN_ERRORS)) {
    const used = options.builtIns.get(base.status);
    if (!used) continue;
    const override: { code?: ErrorDefinition['code']; message?: string } = {};
    if (used.code !== base.code) override.code = used.code;
    if (used.message !== base.message) override.message = used.message;
    if (Object.keys(override).length > 0)
      builtInErrors[name as BuiltInErrorName] = override;
  }
  return {
    docsBaseUrl: options.docsBaseUrl,
    requestIdHeader: options.requestIdHeader,
    builtInErrors,
    // A built-in as its name; an app's own format as the object (its `read`).
    format:
      formatName(options.format) === 'custom'
        ? options.format
        : (formatName(options.format) as ErrorFormatName),
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

function identity(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'render' in value
    ? value
    : JSON.stringify(value);
}

/** A value in a message: JSON (clipped), an app's format by its content type. */
function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'render' in value)
    return `a custom format (${String((value as ErrorFormat).contentType)})`;
  return clip(JSON.stringify(value) ?? String(value));
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
