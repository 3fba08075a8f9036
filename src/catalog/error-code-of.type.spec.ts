import type { AppErrors } from './sample-errors.spec-util';
import type { ErrorCodeOf } from './error-definition.interface';

// Type tests: checked by `npm run typecheck` (tsc over src), run as a no-op by Jest.
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;
function assertType<T extends true>(): T | void {}

type AppErrorCode = ErrorCodeOf<typeof AppErrors>;

describe('ErrorCodeOf', () => {
  it('is the literal union of the codes of a defineErrors catalog', () => {
    assertType<Equals<AppErrorCode, 2000 | 'project_not_found'>>();
    const code: AppErrorCode = 'project_not_found';
    // @ts-expect-error not a code of the catalog
    const wrong: AppErrorCode = 'not_a_code';
    // @ts-expect-error numeric and string codes stay distinct
    const stringified: AppErrorCode = '2000';
    expect([code, wrong, stringified]).toHaveLength(3);
  });

  it('keeps each entry literal: status, code and name', () => {
    assertType<Equals<typeof AppErrors.InvalidApiKey.code, 2000>>();
    assertType<Equals<typeof AppErrors.InvalidApiKey.status, 401>>();
    assertType<
      Equals<typeof AppErrors.ProjectNotFound.name, 'ProjectNotFound'>
    >();
  });

  it('is never for something that is not a catalog', () => {
    assertType<Equals<ErrorCodeOf<{ a: 1 }>, never>>();
  });
});
