import type { AbstractHttpAdapter } from '@nestjs/core';

type Handler = (...args: unknown[]) => unknown;

/** `Error.stackTraceLimit` while Nest's not-found handler runs; `undefined` outside it. */
let savedLimit: number | undefined;

/** Adapters whose router 404 is answered by an app's own filter first: stacks kept. */
const keptStacks = new WeakSet<object>();

/**
 * @internal Nest's router answers an unknown route by throwing a
 * `NotFoundException` from its not-found handler. V8 captures that
 * exception's stack (frames of Nest's router and the adapter: about an
 * eighth of the CPU instructions of a router 404), and nothing reads it: a
 * 404 is never logged.
 * The handler Nest registers through `adapter.setNotFoundHandler` runs with
 * `Error.stackTraceLimit = 0` until the module's filter starts
 * (`restoreStackTraces`), or until it returns; the same exception, the same
 * filter, without the unused capture. Not when an app's own global filter
 * is asked first (`keepNotFoundStacks`).
 */
export function stacklessNotFound(adapter: AbstractHttpAdapter): void {
  const target = adapter as unknown as { setNotFoundHandler?: Handler };
  const setNotFoundHandler = target.setNotFoundHandler;
  if (typeof setNotFoundHandler !== 'function') return;
  target.setNotFoundHandler = function (
    this: unknown,
    handler: unknown,
    ...rest: unknown[]
  ) {
    if (typeof handler !== 'function')
      return setNotFoundHandler.call(this, handler, ...rest);
    const stackless = withoutStackTraces(handler as Handler);
    return setNotFoundHandler.call(
      this,
      function (this: unknown, ...args: unknown[]): unknown {
        return (keptStacks.has(adapter) ? handler : stackless).apply(
          this,
          args,
        );
      },
      ...rest,
    );
  };
}

/**
 * @internal An app's own global filter that catches the router's 404 is
 * asked before the module's: its `NotFoundException` keeps its stack, and
 * the filter runs with stack traces on.
 */
export function keepNotFoundStacks(adapter: object): void {
  keptStacks.add(adapter);
}

/** `handler`, run with stack traces off for its synchronous part. */
export function withoutStackTraces(handler: Handler): Handler {
  return function (this: unknown, ...args: unknown[]): unknown {
    // Nested (a not-found handler calling another): the outer call restores.
    if (savedLimit !== undefined) return handler.apply(this, args);
    savedLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return handler.apply(this, args);
    } finally {
      restoreStackTraces();
    }
  };
}

/**
 * @internal Turns stack traces back on, if a not-found handler turned them
 * off: the exception filter calls it first, so whatever it (or a write hook)
 * throws has its stack.
 */
export function restoreStackTraces(): void {
  if (savedLimit === undefined) return;
  Error.stackTraceLimit = savedLimit;
  savedLimit = undefined;
}
