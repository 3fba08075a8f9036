/// <reference types="vitest" preserve="true" />
import { setupApiErrorMatchers } from './api-error.matchers';
import type { ApiErrorMatchers } from './api-error.matchers';

/*
 * `import 'nestjs-api-errors/testing/vitest'` in a module listed in Vitest's
 * `setupFiles` registers `toBeApiError`, `toHaveFieldErrors` and
 * `toThrowApiError` on Vitest's global `expect` (`test.globals: true`, as
 * `nest new` configures it) and adds them to the types of `expect`.
 */

declare module 'vitest' {
  // Declaration merging: the interface is empty on purpose, and its type
  // parameter must match Vitest's declaration.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- Vitest's own signature
  interface Matchers<T = any> extends ApiErrorMatchers<T> {}
}

const globalExpect = (globalThis as { expect?: { extend?: unknown } }).expect;
if (typeof globalExpect?.extend !== 'function') {
  throw new Error(
    'nestjs-api-errors/testing/vitest found no global `expect` to register its matchers on. ' +
      'Turn on `test.globals` in the Vitest config (as `nest new` does), or, without globals, ' +
      "call setupApiErrorMatchers(expect) from 'nestjs-api-errors/testing' in a setup file, with `expect` imported from 'vitest'.",
  );
}
setupApiErrorMatchers(
  globalExpect as Parameters<typeof setupApiErrorMatchers>[0],
);

export type { ApiErrorMatchers };
export { setupApiErrorMatchers };
