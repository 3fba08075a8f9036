import type { AbstractHttpAdapter } from '@nestjs/core';
import { withStackTracesOff } from '../utils/stack-traces.util';

type Handler = (...args: unknown[]) => unknown;

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
    return withStackTracesOff(() => handler.apply(this, args));
  };
}
