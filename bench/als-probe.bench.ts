import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { BenchApp } from './bench-app.util';
import type { AppSpec } from './bench-app.util';
import { BENCH_ROUTES } from './bench.routes';
import { median } from './stats.util';
import { sampleKey, sampleRounds } from './throughput.bench';
import type { ThroughputOptions } from './throughput.bench';

/** Success path of one adapter on one Node: where the module's cost goes. */
export interface ProbeRow {
  readonly node: string;
  readonly platform: 'express' | 'fastify';
  /** Median req/s and server CPU µs per request, per app. */
  readonly bare: { rps: number; cpu: number };
  readonly bareWithAls: { rps: number; cpu: number };
  readonly module: { rps: number; cpu: number };
  /** Median per-round ratio module ÷ bare. */
  readonly ratio: number;
}

/** The Node 24 binary that `npm run test:nest12` installs, when present. */
export function findSecondNode(projectRoot: string): string | undefined {
  const candidate = join(projectRoot, 'compat/nest12/node_modules/node/bin/node');
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * The success path measured three ways per adapter, on each given Node:
 * bare Nest, bare Nest with an AsyncLocalStorage switched on (no module), and
 * the module. The middle column isolates what Node's async context costs by
 * itself: on Node 20 AsyncLocalStorage runs on async_hooks, which adds a hook
 * call to every promise of the request; Node 24 uses AsyncContextFrame.
 */
export async function runAlsProbe(
  nodes: ReadonlyArray<{ label: string; path?: string }>,
  options: ThroughputOptions & { quiet: boolean },
): Promise<ProbeRow[]> {
  const route = BENCH_ROUTES.find((r) => r.name === 'success')!;
  const rows: ProbeRow[] = [];
  for (const node of nodes) {
    const specs: AppSpec[] = [];
    for (const platform of ['express', 'fastify'] as const) {
      const base = { platform, node: node.path, nodeLabel: node.label.replace(/^Node (\d+).*/, 'node$1') };
      specs.push({ ...base, variant: 'bare' }, { ...base, variant: 'bare', alsProbe: true }, { ...base, variant: 'module' });
    }
    const apps: BenchApp[] = [];
    try {
      for (const spec of specs) apps.push(await BenchApp.start(spec, options));
      const { samples } = await sampleRounds(apps, [route], options);
      for (let i = 0; i < apps.length; i += 3) {
        const [bare, als, mod] = apps.slice(i, i + 3).map((app) => samples.get(sampleKey(app.name, route)) ?? []);
        const pick = (list: typeof bare) => ({ rps: median(list.map((s) => s.rps)), cpu: median(list.map((s) => s.cpuPerRequest)) });
        rows.push({
          node: node.label,
          platform: apps[i].spec.platform as 'express' | 'fastify',
          bare: pick(bare),
          bareWithAls: pick(als),
          module: pick(mod),
          ratio: median(mod.map((m, round) => m.rps / bare[round].rps)),
        });
      }
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  }
  return rows;
}
