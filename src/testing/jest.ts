/// <reference types="expect" preserve="true" />
import { setupApiErrorMatchers } from './api-error.matchers';
import type { ApiErrorMatchers } from './api-error.matchers';

/*
 * `import 'nestjs-api-errors/testing/jest'` (in a spec, or a module listed in
 * Jest's `setupFilesAfterEnv`) registers `toBeApiError`,
 * `toHaveFieldErrors` and `toThrowApiError` on Jest's global `expect`, and merges their types into
 * both `@types/jest` (global `expect`) and `expect` / `@jest/globals`.
 */

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> extends ApiErrorMatchers<R> {}
  }
}

declare module 'expect' {
  // Declaration merging: the interface is empty on purpose, and its type
  // parameters must match the `expect` package's declaration.
  /* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type */
  interface Matchers<
    R extends void | Promise<void>,
    T = unknown,
  > extends ApiErrorMatchers<R> {}
  /* eslint-enable @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type */
}

const globalExpect = (globalThis as { expect?: { extend?: unknown } }).expect;
if (typeof globalExpect?.extend !== 'function') {
  throw new Error(
    'nestjs-api-errors/testing/jest found no global `expect` to register its matchers on. ' +
      'Import it from a spec or a `setupFilesAfterEnv` module (not `setupFiles`), or, with ' +
      "`injectGlobals: false`, call setupApiErrorMatchers(expect) from 'nestjs-api-errors/testing'.",
  );
}
setupApiErrorMatchers(
  globalExpect as Parameters<typeof setupApiErrorMatchers>[0],
);

export type { ApiErrorMatchers };
export { setupApiErrorMatchers };
