import { DEFAULT_DOCS_PATH } from '../errors.constants';

let documentedDocsBase: string = DEFAULT_DOCS_PATH;

/**
 * @internal Remembers the `docsBaseUrl` of the app being set up, for the
 * `docs` links of `@ApiErrors()` examples: the OpenAPI document is built
 * after the module's options are resolved, while the decorators ran long
 * before. With several apps in one process, the most recently created wins.
 */
export function rememberDocsBase<T extends { docsBaseUrl: string }>(
  options: T,
): T {
  documentedDocsBase = options.docsBaseUrl;
  return options;
}

/** @internal The `docsBaseUrl` for OpenAPI examples. */
export function documentedDocsBaseUrl(): string {
  return documentedDocsBase;
}
