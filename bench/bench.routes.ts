/** Which server answers a route: the node:http ceiling or a Nest app. */
export type Variant = 'plain' | 'bare' | 'module';

/** One route every app answers, with the status each variant must send. */
export interface BenchRoute {
  /** Short key used in tables and logs. */
  readonly name: string;
  /** What the row measures, for the README table. */
  readonly label: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly expected: Readonly<Record<Variant, number>>;
  /** Lowest acceptable median ratio module ÷ bare Nest (issue 11). */
  readonly target: number;
  /** Measured in the throughput rounds (the guard path is checked and soaked only). */
  readonly timed: boolean;
}

/** An invalid signup: two failing fields, as a typical form post. */
export const INVALID_SIGNUP = JSON.stringify({ email: 'not-an-email', password: 'short' });

/**
 * The six paths of issue 6; the first five are timed (issue 11's paths). Bare Nest answers validation with 400 (its
 * ValidationPipe), the module with 422 (its field map); everything else
 * keeps the same status on every variant.
 */
export const BENCH_ROUTES: readonly BenchRoute[] = [
  {
    name: 'success',
    label: '200 success',
    method: 'GET',
    path: '/items/42',
    expected: { plain: 200, bare: 200, module: 200 },
    target: 0.97,
    timed: true,
  },
  {
    name: 'thrown-404',
    label: 'thrown NotFoundException',
    method: 'GET',
    path: '/items/0',
    expected: { plain: 404, bare: 404, module: 404 },
    target: 0.95,
    timed: true,
  },
  {
    name: 'validation',
    label: 'DTO validation (400 bare / 422 module)',
    method: 'POST',
    path: '/signup',
    body: INVALID_SIGNUP,
    expected: { plain: 422, bare: 400, module: 422 },
    target: 0.95,
    timed: true,
  },
  {
    name: 'unexpected-500',
    label: 'unexpected Error (500, logged)',
    method: 'GET',
    path: '/boom',
    expected: { plain: 500, bare: 500, module: 500 },
    target: 0.95,
    timed: true,
  },
  {
    name: 'router-404',
    label: 'unknown route (router 404)',
    method: 'GET',
    path: '/no/such/route',
    expected: { plain: 404, bare: 404, module: 404 },
    target: 0.95,
    timed: true,
  },
  {
    name: 'guard-401',
    label: 'guard-thrown 401',
    method: 'GET',
    path: '/private',
    expected: { plain: 401, bare: 401, module: 401 },
    target: 0.95,
    timed: false,
  },
];

/** The paths the throughput rounds and profiles measure. */
export const TIMED_ROUTES: readonly BenchRoute[] = BENCH_ROUTES.filter((route) => route.timed);
