import type { AppSpec, BenchApp } from './bench-app.util';
import type { BenchRoute } from './bench.routes';
import { mergedP99, runLoad, unexpectedStatuses } from './load.util';
import type { LoadResult } from './load.util';
import { median } from './stats.util';

export interface ThroughputOptions {
  readonly rounds: number;
  /** Seconds of load per app and route in each round, over all its slices. */
  readonly duration: number;
  /**
   * Each app's load on a route is split into this many slices, the apps
   * taking turns slice by slice: the host's speed drifts over seconds, and
   * slices a fraction of a second apart see the same speed on both sides.
   */
  readonly slices: number;
  /** Seconds of untimed load per app, on every path at once, at the start of each round (JIT warm-up). */
  readonly warmup: number;
  readonly connections: number;
  readonly log: (line: string) => void;
}

/** One run of one app on one route. */
export type Sample = Omit<LoadResult, 'instance'> & { readonly cpuPerRequest: number };

/** One slice of a run, with the server CPU it took (µs). */
type Slice = LoadResult & { readonly cpu: number };

/** A response whose status was not the route's expected one. */
export interface Unexpected {
  readonly app: string;
  readonly route: string;
  readonly expected: number;
  readonly status: number | 'error';
  readonly count: number;
}

/** Per-round ratios against bare Nest: their median, min and max. */
export interface RatioStats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Paired result for one route on one adapter. */
export interface RouteSummary {
  readonly route: BenchRoute;
  readonly platform: 'express' | 'fastify';
  readonly bareRps: number;
  readonly moduleRps: number;
  readonly bareP99: number;
  readonly moduleP99: number;
  /**
   * Median server CPU time per request, µs (user + system of the app's
   * process over the run). Far less sensitive than req/s to other load on
   * the machine, so it shows the module's cost when req/s is noisy.
   */
  readonly bareCpu: number;
  readonly moduleCpu: number;
  /** Per-round ratios module ÷ bare. */
  readonly ratio: RatioStats;
  /** A second bare process ÷ bare, in the same rounds: the noise floor (target lines). */
  readonly controlRatio?: RatioStats;
  readonly controlCpu?: number;
  /** The module with `asyncContext: false` ÷ bare, when measured (Node 22). */
  readonly noContextRatio?: RatioStats;
  readonly noContextCpu?: number;
  /** The module built from the `--before` ref ÷ bare, in the same rounds. */
  readonly beforeRatio?: RatioStats;
  readonly beforeCpu?: number;
  /** Bare Nest with an AsyncLocalStorage switched on ÷ bare, when measured (Node 22). */
  readonly alsRatio?: RatioStats;
  readonly alsCpu?: number;
  readonly rounds: number;
}

export interface ThroughputResult {
  readonly summaries: RouteSummary[];
  readonly unexpected: Unexpected[];
}

/** What the caller does around each round's fresh processes. */
export interface RoundHooks {
  /** Starts one process per spec, in the given order. */
  start(specs: readonly AppSpec[]): Promise<BenchApp[]>;
  /** Booted, before the warm-up: false ends the run (a preflight failed). */
  ready(apps: readonly BenchApp[], round: number): Promise<boolean>;
  /** After the round's load, before its processes stop. */
  done(apps: readonly BenchApp[], round: number): Promise<void>;
}

/**
 * Paired rounds, each on fresh processes: every round starts one process
 * per spec, warms them up, loads each path on every app in turn (bare and
 * module side by side per adapter), then stops them. Each app's load on a
 * path is taken in short slices, the apps taking turns, so drift of the
 * host's speed hits every app of a round alike. The measuring order is
 * reversed every round (and every slice) and the start order every second
 * round, so neither which process was booted first nor which one is loaded
 * first favours a side. The ratio is computed per round.
 * Returns `undefined` when `hooks.ready` ended the run.
 */
export async function runThroughput(
  specs: readonly AppSpec[],
  routes: readonly BenchRoute[],
  options: ThroughputOptions,
  hooks: RoundHooks,
): Promise<ThroughputResult | undefined> {
  const unexpected: Unexpected[] = [];
  const samples = new Map<string, Sample[]>();
  for (let round = 0; round < options.rounds; round++) {
    const startOrder = Math.floor(round / 2) % 2 === 0 ? [...specs] : [...specs].reverse();
    const apps = await hooks.start(startOrder);
    try {
      if (!(await hooks.ready(apps, round))) return undefined;
      const order = round % 2 === 0 ? [...apps] : [...apps].reverse();
      options.log(`round ${round + 1}/${options.rounds}: started ${apps.map((app) => app.name).join(', ')}; loaded in the order ${order.map((app) => app.name).join(', ')}`);
      if (options.warmup > 0) for (const app of apps) await warmUp(app, routes, options, unexpected);
      for (const route of routes) {
        const runs = new Map<BenchApp, Slice[]>(apps.map((app) => [app, []]));
        for (let slice = 0; slice < options.slices; slice++) {
          // Within a round, every app is loaded once per slice, in an order that flips each slice.
          for (const app of slice % 2 === 0 ? order : [...order].reverse()) {
            runs.get(app)?.push(await measure(app, route, options, unexpected));
          }
        }
        const line: string[] = [];
        for (const app of order) {
          const result = combine(runs.get(app) ?? []);
          push(samples, sampleKey(app.name, route), result);
          line.push(`${app.name} ${Math.round(result.rps)}/s ${result.cpuPerRequest.toFixed(0)}µs`);
        }
        options.log(`round ${round + 1}/${options.rounds} ${route.name.padEnd(14)} ${line.join(' · ')}`);
      }
      await hooks.done(apps, round);
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  }
  return { summaries: summarize(samples, routes, options.rounds), unexpected };
}

/** One timed slice of one app on one route, with the server's CPU over it. */
async function measure(
  app: BenchApp,
  route: BenchRoute,
  options: ThroughputOptions,
  unexpected: Unexpected[],
): Promise<Slice> {
  const before = await app.stats(false);
  const result = await runLoad(app.url, [route], { duration: options.duration / options.slices, connections: options.connections });
  const after = await app.stats(false);
  collectUnexpected(unexpected, app, route.name, [route.expected[app.spec.variant]], result);
  return { ...result, cpu: after.cpu - before.cpu };
}

/** One app's slices of a round as one sample: requests over their summed time, the p99 of their merged latencies. */
function combine(slices: readonly Slice[]): Sample {
  let requests = 0;
  let seconds = 0;
  let cpu = 0;
  let errors = 0;
  const statuses = new Map<number, number>();
  for (const slice of slices) {
    requests += slice.requests;
    seconds += slice.seconds;
    cpu += slice.cpu;
    errors += slice.errors;
    for (const [status, count] of slice.statuses) statuses.set(status, (statuses.get(status) ?? 0) + count);
  }
  return {
    rps: requests / Math.max(seconds, 1e-9),
    seconds,
    p99: mergedP99(slices),
    requests,
    statuses,
    errors,
    cpuPerRequest: cpu / Math.max(requests, 1),
  };
}

/** Untimed load on every path at once (the JIT's warm-up), statuses still checked. */
async function warmUp(app: BenchApp, routes: readonly BenchRoute[], options: ThroughputOptions, unexpected: Unexpected[]): Promise<void> {
  const result = await runLoad(app.url, routes, { duration: options.warmup, connections: options.connections });
  collectUnexpected(unexpected, app, 'warm-up', routes.map((route) => route.expected[app.spec.variant]), result);
}

function summarize(samples: Map<string, Sample[]>, routes: readonly BenchRoute[], rounds: number): RouteSummary[] {
  const summaries: RouteSummary[] = [];
  const stats = (list: readonly Sample[], base: readonly Sample[]): RatioStats => {
    const ratios = list.map((s, i) => s.rps / base[i].rps);
    return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
  };
  const cpu = (list: readonly Sample[]) => median(list.map((s) => s.cpuPerRequest));
  for (const platform of ['express', 'fastify'] as const) {
    for (const route of routes) {
      const bare = samples.get(sampleKey(`${platform}/bare`, route)) ?? [];
      const mod = samples.get(sampleKey(`${platform}/module`, route)) ?? [];
      const control = samples.get(sampleKey(`${platform}/bare-control`, route)) ?? [];
      const noctx = samples.get(sampleKey(`${platform}/module-noctx`, route)) ?? [];
      const als = samples.get(sampleKey(`${platform}/bare+als`, route)) ?? [];
      const before = samples.get(sampleKey(`${platform}/before`, route)) ?? [];
      if (bare.length === 0 || mod.length === 0) continue;
      summaries.push({
        route,
        platform,
        bareRps: median(bare.map((s) => s.rps)),
        moduleRps: median(mod.map((s) => s.rps)),
        bareP99: median(bare.map((s) => s.p99)),
        moduleP99: median(mod.map((s) => s.p99)),
        bareCpu: cpu(bare),
        moduleCpu: cpu(mod),
        ratio: stats(mod, bare),
        ...(control.length > 0 ? { controlRatio: stats(control, bare), controlCpu: cpu(control) } : {}),
        ...(noctx.length > 0 ? { noContextRatio: stats(noctx, bare), noContextCpu: cpu(noctx) } : {}),
        ...(before.length > 0 ? { beforeRatio: stats(before, bare), beforeCpu: cpu(before) } : {}),
        ...(als.length > 0 ? { alsRatio: stats(als, bare), alsCpu: cpu(als) } : {}),
        rounds,
      });
    }
  }
  return summaries;
}

function collectUnexpected(
  into: Unexpected[],
  app: BenchApp,
  route: string,
  expected: readonly number[],
  result: LoadResult,
): void {
  const [first] = expected;
  for (const [status, count] of unexpectedStatuses(result.statuses, expected)) {
    into.push({ app: app.name, route, expected: first, status, count });
  }
  if (result.errors > 0) into.push({ app: app.name, route, expected: first, status: 'error', count: result.errors });
}

export function sampleKey(app: string, route: BenchRoute): string {
  return `${app} ${route.name}`;
}

function push<T>(map: Map<string, T[]>, k: string, value: T): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}
