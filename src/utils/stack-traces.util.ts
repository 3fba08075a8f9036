/** `Error.stackTraceLimit` while stack traces are off; `undefined` otherwise. */
let savedLimit: number | undefined;

/**
 * @internal `build()`, run with V8's stack capture off
 * (`Error.stackTraceLimit = 0`): errors it creates carry no frames. The
 * limit comes back when `build` returns or throws, or earlier at
 * `restoreStackTraces`. Nested calls leave the restore to the outer one.
 *
 * For errors nothing reads the stack of (a router 404, a client's invalid
 * input): capturing it was a large part of what such a response cost.
 */
export function withStackTracesOff<T>(build: () => T): T {
  if (savedLimit !== undefined) return build();
  savedLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    restoreStackTraces();
  }
}

/**
 * @internal Turns stack traces back on, if `withStackTracesOff` turned them
 * off: the exception filter calls it first, so whatever it (or a write hook)
 * throws has its stack.
 */
export function restoreStackTraces(): void {
  if (savedLimit === undefined) return;
  Error.stackTraceLimit = savedLimit;
  savedLimit = undefined;
}
