import autocannon from 'autocannon';
import { build as buildHistogram, decodeFromCompressedBase64 } from 'hdr-histogram-js';

import type { BenchRoute } from './bench.routes';

/** One load run against one app. */
export interface LoadResult {
  /** Requests per second: completed responses over the run's wall time. */
  readonly rps: number;
  /** The run's wall time, s, measured around autocannon (which rounds its own to 10 ms). */
  readonly seconds: number;
  /** 99th percentile latency, ms. */
  readonly p99: number;
  /** autocannon's own result of the run (its latency histogram included) and its URL, for `mergedP99`. */
  readonly instance: { readonly url: string; readonly result: InstanceResult };
  readonly requests: number;
  /** Responses per status code. */
  readonly statuses: ReadonlyMap<number, number>;
  /** Connection errors, timeouts included (never expected on loopback). */
  readonly errors: number;
}

export interface LoadOptions {
  /** Seconds of load, unless `amount` is given. */
  readonly duration?: number;
  /** Total number of requests; the run ends when they are answered. */
  readonly amount?: number;
  readonly connections: number;
  /** Give every request its own `x-request-id` (`<prefix>-<n>`). */
  readonly requestIdPrefix?: string;
}

/** An autocannon run's result before aggregation (`skipAggregateResult`): its latency histogram is still mergeable. */
type InstanceResult = autocannon.Result;

/**
 * The 99th percentile latency (ms) of several runs taken together: their
 * histograms merged, not a statistic of each run's percentile. Merged in a
 * plain JavaScript histogram: `autocannon.aggregateResult` builds three
 * WebAssembly histograms per call and never frees them, which over a full
 * run exhausted the runner's WebAssembly memory (`RuntimeError: unreachable`).
 */
export function mergedP99(results: readonly Pick<LoadResult, 'instance'>[]): number {
  if (results.length === 0) return Number.NaN;
  // autocannon's own latency histogram settings (lib/histUtil.js), in JavaScript.
  const merged = buildHistogram({
    bitBucketSize: 64,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 10_000,
    numberOfSignificantValueDigits: 5,
  });
  for (const run of results) {
    // With `skipAggregateResult`, a run's histograms come encoded.
    const encoded = (run.instance.result as unknown as { latencies?: unknown }).latencies;
    if (typeof encoded === 'string') merged.add(decodeFromCompressedBase64(encoded));
  }
  return merged.getValueAtPercentile(99);
}

/**
 * Loads `url` with autocannon (programmatic API, keep-alive, no pipelining),
 * cycling through `routes`, and counts every response status so unexpected
 * ones can be reported instead of silently measured.
 */
export function runLoad(url: string, routes: readonly BenchRoute[], options: LoadOptions): Promise<LoadResult> {
  let counter = 0;
  const prefix = options.requestIdPrefix;
  const requests = routes.map((route) => ({
    method: route.method,
    path: route.path,
    ...(route.body === undefined
      ? {}
      : { body: route.body, headers: { 'content-type': 'application/json' } }),
    ...(prefix === undefined
      ? {}
      : {
          setupRequest: (request: { headers?: Record<string, string> }) => {
            request.headers = { ...request.headers, 'x-request-id': `${prefix}-${++counter}` };
            return request;
          },
        }),
  }));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    autocannon(
      {
        url,
        connections: options.connections,
        pipelining: 1,
        ...(options.amount === undefined ? { duration: options.duration ?? 1 } : { amount: options.amount }),
        timeout: 10,
        // The run's histograms stay mergeable; `mergedP99` aggregates them.
        skipAggregateResult: true,
        requests: requests as autocannon.Request[],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (performance.now() - started) / 1000;
        const statuses = new Map<number, number>();
        for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
          statuses.set(Number(code), stats.count ?? 0);
        }
        const answered = [...statuses.values()].reduce((sum, n) => sum + n, 0);
        resolve({
          rps: answered / Math.max(seconds, 1e-3),
          seconds,
          p99: mergedP99([{ instance: { url, result } }]),
          instance: { url, result },
          requests: answered,
          statuses,
          errors: result.errors,
        });
      },
    );
  });
}

/** Responses whose status is not `expected`, by status. */
export function unexpectedStatuses(statuses: ReadonlyMap<number, number>, expected: readonly number[]): Map<number, number> {
  const wrong = new Map<number, number>();
  for (const [status, count] of statuses) if (!expected.includes(status)) wrong.set(status, count);
  return wrong;
}
