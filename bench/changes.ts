/**
 * What each optimization of issue 11 bought, written by hand from the
 * profiles (`npm run bench -- --cpu-prof`, bench/profiles/node<N>/SUMMARY.md)
 * and from bench/changes.bench.ts (each removed piece of work timed alone,
 * in-process, on Node 24 with NestJS 12; this 2-core machine was shared and
 * loaded while it ran, so read the pairs, not the absolute numbers); the
 * README's "What each change bought" table. The whole effect per path is the
 * "before" column of the Node 24 table, measured in the same paired rounds.
 */
export const CHANGES: ReadonlyArray<{ change: string; bought: string }> = [
  {
    change:
      'Fastify: the body hooks (content decoding, the JSON-primitive check, re-entering the async context after parsing) ' +
      'go only on routes that take a body and on the not-found handler, no longer on every route',
    bought:
      'a GET route runs one module hook instead of three: two Fastify hook runners (a bound function and three closures ' +
      'each) fewer per request. In the success-path profile before, those two hooks were 5.1 of the module\'s 9.0 ' +
      'sampled µs/request; after, the module\'s own time there is the `onRequest` hook alone. Bodies, gzip, the 404 of ' +
      'a POST and the async context after parsing answer as before (test/request-hooks.e2e-spec.ts)',
  },
  {
    change: 'The request-id hook reads the header name, the trust switch and the generator once, at bootstrap (`requestIdAssigner`)',
    bought: 'every request, both adapters: 1.3–2.6 µs → 0.9–1.1 µs per id in-process (option reads and a generic call gone)',
  },
  {
    change: 'Router 404: Nest\'s own `NotFoundException` is answered as it is when its message already says what the module echoes (no query string, a path ≤ 256 characters)',
    bought: 'one exception (an `Error` with its captured stack) fewer per unknown route: 25–50 µs in-process on this loaded machine, the largest single cost the module added to the router-404 path',
  },
  {
    change: 'The 405 lookup (which methods serve this path) runs once per path: a bounded cache per app (500 paths of ≤ 256 characters, emptied when a route is added)',
    bought: 'per router 404 on a 12-route app: Express 2.0–3.8 µs → 0.2–0.3 µs, Fastify 1.6–1.7 µs → 0.2 µs; the walk grows with the number of routes, the cached read does not',
  },
  {
    change: 'A handler\'s own 404 (`throw new NotFoundException(\'Item 0 does not exist.\')`) is told apart from the router\'s before the router\'s message is built',
    bought: 'thrown 404s skip two adapter reads and a template string',
  },
  {
    change: 'The request-id header of an error response is not validated again (it is well-formed by construction: generated, guarded or checked on the way in)',
    bought: 'one `validateHeaderName` + `validateHeaderValue` pair fewer per error',
  },
  {
    change: '`ErrorsValidationPipe.transform` hands unvalidated parameters (primitives, no metatype) straight to Nest\'s pipe',
    bought: 'one promise and one microtask fewer per primitive `@Param`/`@Query` on every request: 1.56 → 1.34 µs per parameter in-process',
  },
];
