import type { BenchApp } from './bench-app.util';
import type { BenchRoute } from './bench.routes';

/**
 * One request per app and route before any load: the status must be the
 * expected one and the body the variant's shape (the module's envelope with
 * the request id of the header, Nest's `{ statusCode, message }`), so the
 * benchmark never measures an app that answers something else.
 * Returns the problems found (empty when all is well).
 */
export async function preflight(apps: readonly BenchApp[], routes: readonly BenchRoute[]): Promise<string[]> {
  const problems: string[] = [];
  for (const app of apps) {
    for (const route of routes) {
      const problem = await check(app, route);
      if (problem) problems.push(`${app.name} ${route.method} ${route.path}: ${problem}`);
    }
  }
  return problems;
}

async function check(app: BenchApp, route: BenchRoute): Promise<string | undefined> {
  const response = await fetch(`${app.url}${route.path}`, {
    method: route.method,
    ...(route.body === undefined ? {} : { body: route.body, headers: { 'content-type': 'application/json' } }),
    signal: AbortSignal.timeout(10_000),
  });
  const expected = route.expected[app.spec.variant];
  const text = await response.text();
  if (response.status !== expected) return `status ${response.status}, expected ${expected}: ${text.slice(0, 200)}`;
  if (expected === 200 || app.spec.variant === 'plain') return undefined;
  const body = JSON.parse(text) as Record<string, any>;  
  if (app.spec.variant === 'bare') {
    return body.statusCode === expected ? undefined : `not Nest's default body: ${text.slice(0, 200)}`;
  }
  const id = response.headers.get('x-request-id');
  const error = body.error ?? {};
  if (!id || body.request_id !== id) return `request_id ${body.request_id} does not match header ${id}`;
  for (const field of ['status', 'code', 'message', 'docs']) {
    if (error[field] === undefined) return `envelope without error.${field}: ${text.slice(0, 200)}`;
  }
  if (expected === 422 && typeof error.errors !== 'object') return `422 without error.errors: ${text.slice(0, 200)}`;
  return undefined;
}
