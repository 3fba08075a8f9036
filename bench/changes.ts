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
  {
    change:
      'A primitive parameter no longer goes through Nest\'s `ValidationPipe.transform` at all: the pipe answers what Nest\'s would ' +
      '(the value, or `transformPrimitive` with `transform: true`) without its async function and second type check',
    bought:
      'Fastify success path: the pipe with what it calls was 1.27 sampled µs/request in an in-process profile before ' +
      '(bare Nest\'s `ValidationPipe`: 0.54), 0.27 in the HTTP profile after (bench/profiles/node24); `transform: true` ' +
      'still converts `/pages/3?active=true` to `3` and `true` (test/validation.e2e-spec.ts)',
  },
  {
    change:
      'The report stage builds a report only for a reporter that wants one: with `@opentelemetry/api` installed (often as ' +
      'a dependency of a dependency) and no recording span, no frozen report, copy of the error or path parsing per error',
    bought:
      'Fastify thrown 404, in-process profile: the report stage 2.13 → 0.43 sampled µs/request (what is left is asking ' +
      'OpenTelemetry for the active span)',
  },
  {
    change:
      'The error path reads less: the filter takes the request and response by index (no `switchToHttp()` object per ' +
      'error), Fastify\'s write stage lists the headers once (`getHeaders()` already holds the raw ones) and merges `Vary` ' +
      'from that list, the header validation is skipped when the error adds no headers of its own, and docs links are ' +
      'remembered per code (bounded: 1,000 codes)',
    bought:
      'Fastify thrown 404, in-process profile: `write` 1.77 → 1.02, `docsUrl` 1.04 → 0.02, `switchToHttp` 0.59 → 0 sampled ' +
      'µs/request; altogether the filter and what it calls went from 93.6 to 69.6 sampled µs per thrown 404 (Nest\'s own ' +
      '`BaseExceptionFilter`: 58.1; the rest is mostly the larger body and its three extra headers being written)',
  },
  {
    change:
      'Fastify: the not-found handler\'s body hooks (it serves every method) return at once for GET, HEAD and TRACE, whose ' +
      'body Fastify never reads; the router-404 path also reads the request path once and skips the 405 set work when no ' +
      'method serves the path',
    bought:
      'the router 404 of a GET no longer runs the content-encoding and empty-JSON checks; in-process (light-my-request, ' +
      'the fastest of 30 rounds of 2,000) the module\'s extra time per router 404 went from 21–33 µs to 10–11 µs over bare Nest',
  },
  {
    change:
      'Fastify\'s write stage reads the reply\'s own header map and the raw response\'s header names instead of ' +
      '`getHeaders()`, which builds a merged copy of both per call; the request-id header already on the reply is not set ' +
      'again; the filter reads its request-id assigner once',
    bought:
      'Fastify thrown 404, in-process profile: Fastify\'s `getHeaders` (1.59 sampled µs/request) and most of Node\'s ' +
      '(1.92 → 0.97) left the error path; reading the raw names costs about 1',
  },
  {
    change:
      'The 422 bounds count each field\'s bytes by an upper bound (6 bytes per UTF-16 unit) and serialize keys and messages ' +
      'to count exactly only once that bound nears the budget; the fields kept are the same (a unit test compares both on ' +
      '200 random lists near the limit)',
    bought:
      'the bench\'s two-field signup 422, the bounds alone, timed in-process on Node 24: 1.7–1.9 µs → 0.44–0.55 µs per ' +
      'invalid body',
  },
  {
    change:
      'Without a `buildBody` override, the envelope is written as JSON text directly: the JSON around the message is ' +
      'kept per code with its docs link, and only the request id, message, cause and field map are serialized per error ' +
      '(a unit test checks the text equals `JSON.stringify` of the envelope object, escapes included)',
    bought:
      'Fastify thrown 404, in-process profile without inlining: building and stringifying the envelope 4.82 → 2.95 ' +
      'sampled µs/request. Inside a loaded app, `JSON.stringify` of the fresh envelope took 3.45 µs a call, against 0.88 µs ' +
      'for the same object in a tight loop: on the error path the caches are cold, so fewer steps is what saves time',
  },
  {
    change:
      'Router 404: Nest\'s not-found handler runs with `Error.stackTraceLimit = 0` until the module\'s filter starts, so the ' +
      '`NotFoundException` it throws for an unknown route is built without capturing a stack (frames of Nest\'s router, never ' +
      'logged: a 404 is not an unexpected error). Not when an app\'s own global filter that catches it is asked first: that ' +
      'filter gets the exception with its stack (test/unexpected-errors.e2e-spec.ts)',
    bought:
      'the largest single cost of a router 404, bare or not: in the in-process profile the exception\'s constructor was ' +
      '28.6 (bare) and 32.5 (module) sampled µs of 176 and 203 per Fastify router 404. Counted in CPU instructions ' +
      '(valgrind, Node 24 `--single-threaded`, 2,000 in-process requests after 200 of warm-up): bare Nest 540,000 per ' +
      'router 404, the module 580,000 before and 508,000 after, so the module\'s router 404 now costs less than bare Nest\'s',
  },
  {
    change:
      'Fewer allocations on the error path: Fastify\'s write recognises the request-id header before lower-casing and ' +
      'checks caching headers in place (no closure or key list per error), the envelope renders through a method instead ' +
      'of a closure built per error, a string body is passed on as rendered, and the list of mapping scopes is built only ' +
      'when a route scope adds mappings',
    bought:
      'Fastify thrown 404 over real HTTP, counted in CPU instructions (valgrind, Node 24 `--single-threaded`, server and ' +
      'keep-alive client in one process, 6,000 minus 2,000 requests): the module 454,000 → 446,000 per request against ' +
      'bare Nest\'s 423,000, its extra cost 7.4% → 5.4%',
  },
  {
    change:
      'New request ids are written as one flat string: a UUID v4 from the same CSPRNG, drawn for 128 ids at a time as ' +
      '`crypto.randomUUID()` does, where `crypto.randomUUID()` builds its text from 20 pieces that V8 keeps as a rope ' +
      'and flattens on the first read (the header check, the envelope, a log line)',
    bought:
      'every request that gets a new id, both adapters: 0.38 → 0.23 µs per id with its first read, in-process; the ' +
      'module\'s extra allocation on the Fastify success path 1,305 → 617 bytes per request (V8\'s sampling heap profiler ' +
      'over 3 s of load, 128-byte interval, collected objects included; NestJS 12, Node 24). What is left is the async ' +
      'context\'s two frames per request (about 400 bytes: Node 24\'s `AsyncLocalStorage.run` copies the frame entering ' +
      'and leaving) and the extra header',
  },
  {
    change:
      'A 422 skips the default translator\'s pass over every field message when the request carries no nestjs-i18n context (the translator only translates nestjs-i18n keys, so it returned nothing for each)',
    bought:
      'every 422 of an app without nestjs-i18n: one copied field list, a text object per message and a field key per field fewer; the module\'s 422 on Fastify allocates 63.1 → 62.0 KB per request (V8\'s sampling heap profiler, 10,000 injected requests, NestJS 12, Node 24), bare Nest\'s 400 51.2 KB. No CPU change this machine can measure in-process (60 paired rounds)',
  },
  {
    change:
      'With logging off (`logger: false`, or a `ConsoleLogger` whose levels leave `error` out) an unexpected error\'s log ' +
      'line is not built: no message, no request fields and no stack, which V8 only formats when it is first read',
    bought:
      'every 500 of an app that logs nothing, counted in CPU instructions (valgrind, Node 24, NestJS 12.5.1, 4,000 minus ' +
      '2,000 requests): Express 595,286 → 503,179 per request against bare Nest\'s 526,628, Fastify 527,221 → 436,934 ' +
      'against 410,021 (its extra +28.3% → +6.6%; Node 26: +42.4% → +13.3%); formatting the stack was nearly all of it. With logging on nothing ' +
      'changes: both apps format the stack for their log line',
  },
  {
    change:
      'An error with no mappings in play builds no list of mapping scopes, and the two paths that need a closure (a parameter\'s 422 waiting for the others, naming the parameter a parse pipe refused) have it in a function of their own, so V8 no longer allocates the closure\'s context for every other error',
    bought:
      'every error of an app without `@MapException` or global `mappings`: the module\'s extra allocation on Fastify\'s thrown 404 2,185 → 1,938 bytes per request over bare Nest\'s 29,485 (V8\'s sampling heap profiler, 64-byte interval, collected objects included, 15,000 minus 5,000 requests, `asyncContext: false`, NestJS 12.5.1, Node 24). Young-generation garbage collection is where Node 22 pays most of the module\'s error path (see the instruction table)',
  },
  {
    change:
      'A parameter\'s 422 is answered at once when the route\'s handler takes one argument Nest runs pipes on (`signup(@Body() dto)`, read once per route from Nest\'s route metadata); only a handler with several (a body and a query DTO, a custom decorator) waits a macrotask so that one 422 lists every parameter\'s fields',
    bought:
      'every 422 of a one-argument handler, counted in CPU instructions (valgrind, NestJS 12.5.1, 4,000 minus 2,000 requests, 2026-11-27): Fastify, where the wait also made Fastify watch the unsent reply\'s response stream, 706,858 → 690,145 per request on Node 24 (its extra over bare Nest\'s 400 +13.1% → +10.0%) and 577,264 → 558,790 on Node 26 (+12.7% → +9.2%), 1,307,876 → 1,273,461 on Node 22 (+12.5% → +9.6%, in a window still compiling); Express 772,274 → 767,098 and 668,427 → 664,997. The 422\'s body is unchanged',
  },
  {
    change:
      'The `ValidationFailedException` of a parameter\'s 422 (the module\'s pipes and exception factories) is built with V8\'s stack capture off: a client\'s invalid input is never logged with a stack, and capturing the frames of Nest\'s router and the adapter was most of what the 422 cost beyond bare Nest\'s 400',
    bought:
      'every 422 the module\'s pipes answer, counted in CPU instructions (valgrind, NestJS 12.5.1, 4,000 minus 2,000 requests, 2026-11-27): Fastify 690,145 → 637,967 per request on Node 24 against bare Nest\'s 626,623 (its extra +10.0% → +1.8%), 558,790 → 532,381 on Node 26 (+9.2% → +4.0%), 1,273,461 → 1,241,316 on Node 22 (+9.6% → +6.8%); Express 767,098 → 713,154 on Node 24 (bare Nest 789,015), 664,997 → 634,434 on Node 26. The 422\'s body is unchanged; the exception\'s `stack` is its first line',
  },
];
