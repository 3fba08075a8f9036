import { BUILT_IN_ERRORS } from './catalog/built-in.errors';
import type { BuiltInErrorName } from './catalog/built-in.errors';
import {
  assertDefinition,
  assertUniqueCodes,
  describeEntries,
} from './catalog/define-errors';
import type { ErrorDefinition } from './catalog/error-definition.interface';
import {
  InvalidErrorCatalogError,
  MESSAGES,
} from './catalog/messages.constants';
import {
  DEFAULT_DOCS_PATH,
  DEFAULT_REQUEST_ID_HEADER,
} from './errors.constants';
import type {
  ErrorsModuleOptions,
  ErrorsValidationOptions,
} from './errors-module-options.interface';
import { resolveFormat } from './formats/built-in.formats';
import type {
  ErrorFormat,
  ErrorFormatName,
} from './formats/error-format.interface';
import { assertMapping } from './mapping/assert-mapping.util';
import type { ExceptionMapping } from './mapping/exception-mapping.interface';
import { ErrorReporting } from './reporting/error-reporting';
import type { ErrorReporterDefinition } from './reporting/error-report.interface';
import { isWellFormedRequestId } from './request-id/request-id.util';
import { randomRequestId } from './request-id/uuid.util';

/**
 * The defaults, in one place. Merged once by `resolveErrorsOptions`.
 * @publicApi
 */
export const DEFAULT_ERRORS_OPTIONS = Object.freeze({
  docsBaseUrl: DEFAULT_DOCS_PATH,
  format: 'envelope' as ErrorFormatName | ErrorFormat,
  negotiate: false,
  requestIdHeader: DEFAULT_REQUEST_ID_HEADER,
  trustRequestId: true,
  asyncContext: true,
  exposeInternalErrors: false,
  warnOnConflicts: true,
  generateRequestId: randomRequestId as () => string,
  validation: {} as ErrorsValidationOptions | false,
  mappings: Object.freeze([]) as readonly ExceptionMapping[],
  keepResponseHeaders: Object.freeze([]) as readonly string[],
  reporters: Object.freeze([]) as readonly ErrorReporterDefinition[],
  openTelemetry: true,
  requestIdFromTraceparent: false,
});

/** @internal Options with defaults applied and the error tables indexed. */
export interface ResolvedErrorsOptions {
  readonly docsBaseUrl: string;
  /** The wire format, checked (a built-in's object for a name). */
  readonly format: ErrorFormat;
  readonly negotiate: boolean;
  /** Lower-cased, as Node exposes incoming headers. */
  readonly requestIdHeader: string;
  readonly trustRequestId: boolean;
  readonly asyncContext: boolean;
  readonly exposeInternalErrors: boolean;
  readonly warnOnConflicts: boolean;
  readonly generateRequestId: () => string;
  readonly validation: ErrorsValidationOptions | false;
  readonly translate?: ErrorsModuleOptions['translate'];
  readonly filter?: ErrorsModuleOptions['filter'];
  /** App-wide exception mappings, validated. */
  readonly mappings: readonly ExceptionMapping[];
  /** Lower-cased header names kept on error responses. */
  readonly keepResponseHeaders: readonly string[];
  /** Built-in error per status, overrides applied. */
  readonly builtIns: ReadonlyMap<number, ErrorDefinition>;
  /** The report stage: reporters and OpenTelemetry, resolved at bootstrap. */
  readonly reporting: ErrorReporting;
  readonly requestIdFromTraceparent: boolean;
}

/**
 * @internal Applies defaults, validates the catalog against the (possibly
 * overridden) built-ins, and indexes the built-ins by status. Throws an
 * `InvalidErrorCatalogError` at startup on any duplicate code.
 */
export function resolveErrorsOptions(
  options: ErrorsModuleOptions = {},
): ResolvedErrorsOptions {
  const merged = { ...DEFAULT_ERRORS_OPTIONS, ...stripUndefined(options) };
  const builtIns = resolveBuiltIns(options.builtInErrors ?? {});
  const catalog = options.catalog ?? {};
  for (const [name, definition] of Object.entries(catalog))
    assertDefinition(name, definition);
  assertUniqueCodes([
    ...describeEntries(
      Object.fromEntries([...builtIns.values()].map((d) => [nameOf(d), d])),
      'the built-in ',
    ),
    ...describeEntries(catalog),
  ]);
  return {
    docsBaseUrl: merged.docsBaseUrl.replace(/\/+$/, ''),
    format: resolveFormat(merged.format),
    negotiate: merged.negotiate === true,
    requestIdHeader: merged.requestIdHeader.toLowerCase(),
    trustRequestId: merged.trustRequestId,
    asyncContext: merged.asyncContext,
    exposeInternalErrors: merged.exposeInternalErrors,
    warnOnConflicts: merged.warnOnConflicts,
    generateRequestId: guardGenerator(options.generateRequestId),
    validation: merged.validation,
    translate: options.translate,
    filter: options.filter,
    mappings: resolveMappings(merged.mappings),
    keepResponseHeaders: merged.keepResponseHeaders.map((name) =>
      name.toLowerCase(),
    ),
    builtIns,
    reporting: new ErrorReporting(merged.reporters, merged.openTelemetry),
    requestIdFromTraceparent: merged.requestIdFromTraceparent,
  };
}

function resolveBuiltIns(
  overrides: NonNullable<ErrorsModuleOptions['builtInErrors']>,
): Map<number, ErrorDefinition & { name: string }> {
  for (const name of Object.keys(overrides)) {
    if (!(name in BUILT_IN_ERRORS))
      throw InvalidErrorCatalogError.create(MESSAGES.unknownBuiltIn(name));
  }
  const byStatus = new Map<number, ErrorDefinition & { name: string }>();
  for (const [name, definition] of Object.entries(BUILT_IN_ERRORS)) {
    const resolved = {
      ...definition,
      ...stripUndefined(overrides[name as BuiltInErrorName] ?? {}),
      name,
    };
    assertDefinition(name, resolved);
    byStatus.set(resolved.status, Object.freeze(resolved));
  }
  return byStatus;
}

function resolveMappings(
  mappings: readonly ExceptionMapping[],
): readonly ExceptionMapping[] {
  mappings.forEach((mapping, index) =>
    assertMapping(`mappings[${index}]`, mapping),
  );
  return Object.freeze([...mappings]);
}

function nameOf(definition: ErrorDefinition): string {
  return (definition as { name?: string }).name ?? String(definition.code);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/**
 * An app's own generator must not take requests down with it: an id it
 * cannot give (a throw, a value that could not be a header) falls back to a
 * UUID, as for the default.
 */
function guardGenerator(generate: (() => string) | undefined): () => string {
  if (!generate) return randomRequestId;
  return () => {
    try {
      const id = generate();
      return isWellFormedRequestId(id) ? id : randomRequestId();
    } catch {
      return randomRequestId();
    }
  };
}
