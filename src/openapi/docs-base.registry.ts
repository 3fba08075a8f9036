import { DEFAULT_DOCS_PATH } from '../errors.constants';
import { ENVELOPE_FORMAT } from '../formats/envelope.format';
import type { ErrorFormat } from '../formats/error-format.interface';

let documented: { docsBaseUrl: string; format: ErrorFormat } = {
  docsBaseUrl: DEFAULT_DOCS_PATH,
  format: ENVELOPE_FORMAT,
};

/**
 * @internal Remembers the `docsBaseUrl` and `format` of the app being set
 * up, for the responses of `@ApiErrors()`: the OpenAPI document is built
 * after the module's options are resolved, while the decorators ran long
 * before. With several apps in one process, the most recently created wins.
 */
export function rememberDocsBase<
  T extends { docsBaseUrl: string; format: ErrorFormat },
>(options: T): T {
  documented = { docsBaseUrl: options.docsBaseUrl, format: options.format };
  return options;
}

/** @internal The `docsBaseUrl` for OpenAPI examples. */
export function documentedDocsBaseUrl(): string {
  return documented.docsBaseUrl;
}

/** @internal The wire format the OpenAPI responses describe. */
export function documentedFormat(): ErrorFormat {
  return documented.format;
}
