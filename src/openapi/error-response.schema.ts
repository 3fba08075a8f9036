import type { ErrorDefinition } from '../catalog/error-definition.interface';
import type { NormalizedError } from '../formats/normalized-error.interface';
import { BUILT_IN_ERRORS } from '../catalog/built-in.errors';
import { docsUrl } from '../formats/envelope.format';
import { fromFieldErrorMap } from '../formats/field-error.util';
import { reasonPhrase } from '../formats/reason-phrase.util';
import { documentedDocsBaseUrl, documentedFormat } from './docs-base.registry';
import { formatSchema } from './format-schemas';

/** @internal The `errors` map shown in the 422 example. */
export const EXAMPLE_FIELD_ERRORS = Object.freeze({
  email: ['email must be an email'],
  'address.city': ['address.city should not be empty'],
});

/** Example request id of the examples; any string the server generated. */
const EXAMPLE_REQUEST_ID = 'e2cef6f6-296d-4044-b362-73fb2bce4a72';
const EXAMPLE_TIMESTAMP = '2026-01-01T00:00:00.000Z';
const EXAMPLE_PATH = '/path/of/the/request';

type Content = Record<string, { schema: object; examples: object }>;

/** Definitions behind each lazy `content`, so same-status responses merge. */
const contents = new WeakMap<object, readonly ErrorDefinition[]>();

/**
 * @internal One OpenAPI response per status: the schema of the format in use
 * (narrowed to the status and codes documented) under its media type, and
 * one example per error rendered by that format. `content` is read when the
 * document is built, once the app's `format` and `docsBaseUrl` are known;
 * `existing` is this status's response from an earlier `@ApiErrors`.
 */
export function errorResponse(
  status: number,
  definitions: readonly ErrorDefinition[],
  existing?: { content?: unknown },
) {
  const earlier =
    typeof existing?.content === 'object' && existing.content !== null
      ? (contents.get(existing.content) ?? [])
      : [];
  const all = [...earlier, ...definitions];
  return {
    status,
    description: all
      .map((d) => `\`${String(d.code)}\`: ${d.message}`)
      .join('\n\n'),
    content: lazyContent(status, all),
  };
}

/** An object whose one key, the media type, and value are computed when read. */
function lazyContent(
  status: number,
  definitions: readonly ErrorDefinition[],
): Content {
  const build = (): Content => {
    const format = documentedFormat();
    const mediaType = format.contentType.split(';')[0].trim();
    return {
      [mediaType]: {
        schema: formatSchema(format, status, definitions),
        examples: Object.fromEntries(
          definitions.flatMap((d) => {
            const value = renderExample(d);
            return value === undefined
              ? []
              : [
                  [
                    exampleName(d),
                    { summary: `${String(d.code)}: ${d.message}`, value },
                  ],
                ];
          }),
        ),
      },
    };
  };
  const proxy = new Proxy({} as Content, {
    ownKeys: () => Reflect.ownKeys(build()),
    has: (_, key) => key in build(),
    get: (_, key) => build()[key as string],
    getOwnPropertyDescriptor: (_, key) => {
      const content = build();
      return Object.hasOwn(content, key)
        ? {
            value: content[key as string],
            enumerable: true,
            configurable: true,
            writable: true,
          }
        : undefined;
    },
  });
  contents.set(proxy, definitions);
  return proxy;
}

/** The body the format in use answers for `definition` (a 422 with example fields). */
function renderExample(definition: ErrorDefinition): unknown {
  const error: NormalizedError = {
    status: definition.status,
    code: definition.code,
    message: definition.message,
    unexpected: definition.status >= 500,
  };
  if (definition.status === 422)
    error.fieldErrors = fromFieldErrorMap(EXAMPLE_FIELD_ERRORS);
  try {
    return documentedFormat().render(error, {
      requestId: EXAMPLE_REQUEST_ID,
      docs: docsUrl(
        documentedDocsBaseUrl(),
        definition.status,
        definition.code,
      ),
      method: 'GET',
      path: EXAMPLE_PATH,
      timestamp: EXAMPLE_TIMESTAMP,
      statusText: reasonPhrase(definition.status),
    });
  } catch {
    // An app's format that cannot render an example gets none.
    return undefined;
  }
}

/** The catalog key (`defineErrors` names its entries), the built-in's name, or the code. */
function exampleName(definition: ErrorDefinition): string {
  const named = (definition as { name?: unknown }).name;
  if (typeof named === 'string' && named !== '') return named;
  const builtIn = Object.entries(BUILT_IN_ERRORS).find(
    ([, d]) => d === definition,
  );
  return builtIn ? builtIn[0] : String(definition.code);
}
