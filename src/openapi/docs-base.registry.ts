import { DEFAULT_DOCS_PATH } from '../errors.constants';
import { latestAppOptions } from '../registry/app-options.registry';

/**
 * @internal The `docsBaseUrl` for the `docs` links of `@ApiErrors()`
 * examples: the OpenAPI document is built after the module's options are
 * resolved, while the decorators ran long before. With several apps in one
 * process, the most recently created wins.
 */
export function documentedDocsBaseUrl(): string {
  return latestAppOptions()?.docsBaseUrl ?? DEFAULT_DOCS_PATH;
}
