import type { ResolvedErrorsOptions } from '../errors-module.options';
import type { NormalizedError } from '../formats/normalized-error.interface';
import { localizeError } from './localize-error.util';
import { I18N_FIELD_TRANSLATOR } from './nestjs-i18n.translator';
import { nameFailedParameter } from './parse-pipe-failure.util';

/**
 * @internal What the request adds to a normalized error (part of stage 3):
 * the declared path parameter a `Parse*Pipe` failed on, then the `translate`
 * hook (by default, nestjs-i18n validation keys only) in the request's
 * language.
 */
export function refineForRequest(
  error: NormalizedError,
  request: unknown,
  options: Pick<ResolvedErrorsOptions, 'translate'>,
): NormalizedError {
  const named = nameFailedParameter(error, request);
  if (options.translate)
    return localizeError(named, request, options.translate);
  return named.fieldErrors
    ? localizeError(named, request, I18N_FIELD_TRANSLATOR)
    : named;
}
