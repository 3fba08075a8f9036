import type { BenchApp, MemoryStats } from './bench-app.util';
import type { BenchRoute } from './bench.routes';
import { runLoad } from './load.util';

export interface SoakOptions {
  /** Requests after the start snapshot (issue 6: at least 200,000). */
  readonly requests: number;
  /** Requests before the start snapshot, so JIT and caches are settled. */
  readonly warmupRequests: number;
  readonly connections: number;
  readonly log: (line: string) => void;
}

/** Memory of one app before and after the soak, both after forced GC. */
export interface SoakResult {
  readonly app: string;
  readonly requests: number;
  readonly seconds: number;
  readonly start: MemoryStats;
  readonly end: MemoryStats;
  /** Statuses outside the routes' expected set, and connection errors. */
  readonly unexpected: number;
  readonly pass: boolean;
}

/**
 * Heap growth after forced GC that counts as noise (5 bytes per request over
 * 200,000): a leaked request context or log line is far more than that.
 * RSS is reported but not judged: after GC it moves by tens of MiB either way
 * on bare Nest too (the allocator keeps or returns pages as it likes).
 */
export const SOAK_HEAP_NOISE_BYTES = 1024 * 1024;

/**
 * Sends `requests` requests across every route, each with its own
 * `x-request-id`, and compares heap and RSS after forced GC at start and end.
 * A request context or log line kept alive per request would show up as
 * growth: 200,000 leaked 100-byte strings alone are 20 MB.
 */
export async function runSoak(apps: readonly BenchApp[], routes: readonly BenchRoute[], options: SoakOptions): Promise<SoakResult[]> {
  const results: SoakResult[] = [];
  for (const app of apps) {
    const expected = new Set(routes.map((route) => route.expected[app.spec.variant]));
    await runLoad(app.url, routes, { amount: options.warmupRequests, connections: options.connections, requestIdPrefix: `warm-${app.name}` });
    const start = await app.stats(true);
    const begun = Date.now();
    const load = await runLoad(app.url, routes, {
      amount: options.requests,
      connections: options.connections,
      requestIdPrefix: `soak-${app.name}`,
    });
    const seconds = (Date.now() - begun) / 1000;
    const end = await app.stats(true);
    let unexpected = load.errors;
    for (const [status, count] of load.statuses) if (!expected.has(status)) unexpected += count;
    const pass = unexpected === 0 && end.heapUsed - start.heapUsed <= SOAK_HEAP_NOISE_BYTES;
    results.push({ app: app.name, requests: load.requests, seconds, start, end, unexpected, pass });
    options.log(
      `soak ${app.name}: ${load.requests} requests in ${seconds.toFixed(1)}s, heap ${mb(start.heapUsed)} → ${mb(end.heapUsed)} MiB, ` +
        `rss ${mb(start.rss)} → ${mb(end.rss)} MiB${unexpected ? `, ${unexpected} UNEXPECTED` : ''}`,
    );
  }
  return results;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
