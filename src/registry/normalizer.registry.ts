import type { BuiltInErrorName } from '../catalog/built-in.errors';
import type { ErrorDefinition } from '../catalog/error-definition.interface';
import type { NormalizedError } from '../formats/normalized-error.interface';

/**
 * @internal How the module answers a thrown value, given built-in overrides:
 * the stages the filter runs, without a request. Registered by the package's
 * main entry (which loads Nest), read by the testing kit (which loads none).
 */
export type ThrownErrorNormalizer = (
  thrown: unknown,
  builtInErrors: () =>
    | Partial<
        Record<
          BuiltInErrorName,
          Partial<Pick<ErrorDefinition, 'code' | 'message'>>
        >
      >
    | undefined,
) => NormalizedError;

const NORMALIZER_KEY = Symbol.for('nestjs-api-errors:normalizer');

type Holder = { [NORMALIZER_KEY]?: ThrownErrorNormalizer };

/** @internal */
export function registerNormalizer(normalizer: ThrownErrorNormalizer): void {
  (globalThis as Holder)[NORMALIZER_KEY] = normalizer;
}

/** @internal The registered normalizer, if the main entry was loaded. */
export function registeredNormalizer(): ThrownErrorNormalizer | undefined {
  return (globalThis as Holder)[NORMALIZER_KEY];
}
