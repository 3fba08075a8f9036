import { ApiException } from '../catalog/api.exception';
import { resolveErrorsOptions } from '../errors-module.options';
import { normalizeException } from '../filter/normalize-exception.util';
import { ValidationFailedException } from '../validation/validation-failed.exception';
import { registerNormalizer } from './normalizer.registry';

// Loaded by the package's main entry, for `expectApiException` and
// `toThrowApiError` in `nestjs-api-errors/testing`.
registerNormalizer((thrown, builtInErrors) => {
  // An ApiException answers with its own definition: no built-in to settle.
  const ownDefinition =
    thrown instanceof ApiException &&
    !(thrown instanceof ValidationFailedException);
  return normalizeException(
    thrown,
    resolveErrorsOptions(
      ownDefinition ? {} : { builtInErrors: builtInErrors() },
    ),
  );
});
