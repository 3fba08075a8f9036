/**
 * @internal RFC 6901 JSON pointer of a path, as a URI fragment (RFC 9457
 * §3's `"#/owner/email"`): `~` → `~0`, `/` → `~1`, then percent-encoding of
 * what a fragment may not hold (RFC 6901 §6).
 */
export function jsonPointer(path: ReadonlyArray<string | number>): string {
  return (
    '#' +
    path
      .map(
        (segment) =>
          '/' +
          encodeFragment(
            String(segment).replace(/~/g, '~0').replace(/\//g, '~1'),
          ),
      )
      .join('')
  );
}

/** Keeps RFC 3986 `pchar`s and `/`, `?`; percent-encodes the rest (UTF-8). */
function encodeFragment(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, (char) =>
    encodeURIComponent(char),
  );
}
