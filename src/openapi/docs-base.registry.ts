import { DEFAULT_DOCS_PATH } from '../errors.constants';
import { ENVELOPE_FORMAT } from '../formats/envelope.format';
import type { ErrorFormat } from '../formats/error-format.interface';
import { latestAppOptions } from '../registry/app-options.registry';

/*
 * The responses of `@ApiErrors()` describe the app being set up: the
 * OpenAPI document is built after the module's options are resolved, while
 * the decorators ran long before. Both values come from the shared
 * app-options registry; with several apps in one process, the most recently
 * created wins.
 */

/** @internal The `docsBaseUrl` for the `docs` links of OpenAPI examples. */
export function documentedDocsBaseUrl(): string {
  return latestAppOptions()?.docsBaseUrl ?? DEFAULT_DOCS_PATH;
}

/** @internal The wire format the OpenAPI responses describe. */
export function documentedFormat(): ErrorFormat {
  return latestAppOptions()?.format ?? ENVELOPE_FORMAT;
}
