/** A media range of an `Accept` header, parsed. */
interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * @internal Whether an error should be answered as problem details under
 * `negotiate: true`: the `Accept` header names `application/problem+json`
 * itself (a wildcard such as `application/*` or `*\/*` is no request for it)
 * with a quality above 0 and at least that of the configured format's media
 * type. Anything else (absent, garbage, `text/html`, `application/xml`) keeps
 * the configured format: an error is never answered 406 nor empty.
 */
export function prefersProblem(
  accept: string | undefined,
  configuredType: string,
): boolean {
  if (!accept || !/problem\+json/i.test(accept)) return false;
  const ranges = parseAccept(accept);
  const named = ranges.filter(
    (r) => r.type === 'application' && r.subtype === 'problem+json',
  );
  if (named.length === 0) return false;
  const problemQ = Math.max(...named.map((r) => r.q));
  if (problemQ <= 0) return false;
  return problemQ >= quality(ranges, configuredType);
}

/** Quality of `mediaType` under the most specific range matching it (0 when none). */
function quality(ranges: readonly MediaRange[], mediaType: string): number {
  const [type = '', subtype = ''] = mediaType
    .split(';')[0]
    .trim()
    .toLowerCase()
    .split('/');
  let best = -1;
  let q = 0;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 2
        : range.type === type && range.subtype === '*'
          ? 1
          : range.type === '*' && range.subtype === '*'
            ? 0
            : -1;
    if (specificity > best) {
      best = specificity;
      q = range.q;
    }
  }
  return q;
}

/** Lenient: unparseable ranges are skipped, a bad `q` counts as 1. Bounded. */
function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.slice(0, 4096).split(',', 64)) {
    const [mediaType, ...params] = part.split(';');
    const [type, subtype, extra] = mediaType.trim().toLowerCase().split('/');
    if (
      extra !== undefined ||
      !type ||
      !subtype ||
      !TOKEN.test(type) ||
      !TOKEN.test(subtype)
    )
      continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() !== 'q') continue;
      const parsed = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '')
        ? Number(value)
        : 1;
      q = parsed;
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}
