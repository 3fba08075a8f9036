import type { FieldErrors } from './error-envelope.interface';
import type { FieldError, FieldErrorSource } from './field-error.interface';

const KEY_PREFIX: Record<FieldErrorSource, string> = {
  body: '',
  query: 'query.',
  params: 'params.',
};

/**
 * @internal The envelope's key of a field: dotted path, `query.` / `params.`
 * prefixed for those sources (`owner.email`, `query.page`, `items.0.sku`).
 * A rule on the whole body, query or parameters (a schema refinement that
 * compares two fields) has no path: its key is the source's name (`body`,
 * `query`, `params`).
 */
export function fieldErrorKey(field: FieldError): string {
  if (field.path.length === 0) return field.source;
  return KEY_PREFIX[field.source] + field.path.join('.');
}

/**
 * @internal The field's name in formats that do not prefix the source
 * (problem details' `parameter`, the nest shape's messages): the dotted
 * path, or the source's name for a rule on the whole source.
 */
export function fieldErrorName(field: FieldError): string {
  return field.path.length === 0 ? field.source : field.path.join('.');
}

/**
 * The envelope's `error.errors` map of a `NormalizedError`'s `fieldErrors`
 * (`{ 'owner.email': [...], 'query.page': [...] }`), for custom formats.
 * Fields that share a key (a body field literally named `query.page`) merge
 * their messages.
 * @publicApi
 */
export function toFieldErrorMap(fields: readonly FieldError[]): FieldErrors {
  const map: FieldErrors = {};
  for (const field of fields) {
    const key = fieldErrorKey(field);
    map[key] = Object.hasOwn(map, key)
      ? [...map[key], ...field.messages]
      : [...field.messages];
  }
  return map;
}

/**
 * @internal The reverse, for maps an app builds itself
 * (`new ValidationFailedException({ 'query.page': [...] })`): the prefix names
 * the source, numeric segments become indexes.
 */
export function fromFieldErrorMap(map: FieldErrors): FieldError[] {
  return Object.entries(map).map(([key, messages]) => {
    // `query` and `params` alone are rules on the whole source (no path).
    if (key === 'query' || key === 'params')
      return { source: key, path: [], messages: [...messages] };
    const source: FieldErrorSource = key.startsWith('query.')
      ? 'query'
      : key.startsWith('params.')
        ? 'params'
        : 'body';
    const rest = key.slice(KEY_PREFIX[source].length);
    return {
      source,
      path: rest
        .split('.')
        .map((segment) =>
          /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment,
        ),
      messages: [...messages],
    };
  });
}
