import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';

import type { BenchRoute } from './bench.routes';
import type { NodeLine } from './node-lines.util';

export interface InstructionRow {
  readonly platform: 'express' | 'fastify';
  readonly route: BenchRoute;
  /** CPU instructions per request, client included (one process), bare Nest and the module. */
  readonly bare: number;
  readonly module: number;
}

export interface InstructionOptions {
  /** Requests of the short and the long run; per request = difference ÷ difference. */
  readonly counts: readonly [number, number];
  readonly log: (line: string) => void;
}

/**
 * Instructions per request, module and bare Nest, counted by valgrind
 * (callgrind's total, `--single-threaded` Node): unlike time, the count does
 * not move with the host's speed, so a change of 1% shows. Each app sends
 * itself the route's requests on one keep-alive connection (client and
 * server in one process); boot and shutdown cancel out between a short and a
 * long run. Repeated runs of one app still differ by about 1% (when the JIT
 * and the GC run).
 */
export async function runInstructions(
  node: NodeLine,
  routes: readonly BenchRoute[],
  options: InstructionOptions,
): Promise<InstructionRow[]> {
  const check = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error('--instructions needs valgrind on the PATH (Debian: apt-get install valgrind)');
  const rows: InstructionRow[] = [];
  for (const platform of ['express', 'fastify'] as const) {
    for (const route of routes) {
      const perRequest = async (variant: 'bare' | 'module') => {
        // The two runs side by side: a count does not depend on what else the machine runs.
        const [short, long] = await Promise.all(options.counts.map((count) => countInstructions(node, variant, platform, route, count)));
        return (long - short) / (options.counts[1] - options.counts[0]);
      };
      const bare = await perRequest('bare');
      const module = await perRequest('module');
      options.log(`instructions node${node.major} ${platform} ${route.name}: bare ${Math.round(bare)}, module ${Math.round(module)}`);
      rows.push({ platform, route, bare, module });
    }
  }
  return rows;
}

/** Callgrind's instruction total of one app process driving `count` requests of `route`. */
async function countInstructions(
  node: NodeLine,
  variant: 'bare' | 'module',
  platform: 'express' | 'fastify',
  route: BenchRoute,
  count: number,
): Promise<number> {
  const result = await run(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      node.path,
      '--single-threaded',
      '--require',
      join(__dirname, 'apps/nest12.preload.js'),
      join(__dirname, 'apps/nest-app.main.js'),
      variant,
      platform,
      '--quiet',
      '--drive',
      `${route.name}:${count}`,
    ],
    { env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
  );
  const collected = /Collected : (\d+)/.exec(result.stderr);
  const statuses = JSON.parse(result.stdout.trim().split('\n').pop() || '{}') as Record<string, number>;
  const expected = route.expected[variant];
  if (result.status !== 0 || !collected || statuses[expected] !== count) {
    throw new Error(
      `${platform}/${variant} ${route.name}: expected ${count} × ${expected}, got ${JSON.stringify(statuses)} ` +
        `(exit ${result.status}) ${result.stderr.slice(-500)}`,
    );
  }
  return Number(collected[1]);
}

/** A child's exit status and output, failing or not. */
async function run(
  file: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; maxBuffer: number },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { ...options, encoding: 'utf8' });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

/** The rows as a Markdown table. */
export function renderInstructions(node: NodeLine, rows: readonly InstructionRow[], counts: readonly [number, number]): string[] {
  const format = (n: number) => Math.round(n).toLocaleString('en');
  return [
    `CPU instructions per request on Node ${node.version}, valgrind, one process per app sending itself ` +
      `${counts[1].toLocaleString('en')} minus ${counts[0].toLocaleString('en')} requests on one keep-alive connection (client included):`,
    '',
    "| adapter | path | bare Nest | with ErrorsModule | the module's extra |",
    '|---|---|--:|--:|--:|',
    ...rows.map(
      (row) =>
        `| ${row.platform === 'express' ? 'Express' : 'Fastify'} | ${row.route.label} | ${format(row.bare)} | ` +
        `${format(row.module)} | ${formatPercent(row.module / row.bare - 1)} |`,
    ),
  ];
}

function formatPercent(share: number): string {
  return `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
}
