import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';

import type { BenchRoute } from './bench.routes';
import type { NodeLine } from './node-lines.util';

export interface InstructionRow {
  readonly platform: 'express' | 'fastify';
  readonly route: Pick<BenchRoute, 'name' | 'label'>;
  /** CPU instructions per request, client included (one process): bare Nest, the module, the module with `asyncContext: false`. */
  readonly bare: number;
  readonly module: number;
  readonly noAsyncContext: number;
  /**
   * Of those, the instructions per request V8 spent compiling optimized code
   * (TurboFan, Maglev) still under way in the counted window, per variant.
   */
  readonly compile: { readonly bare: number; readonly module: number; readonly noAsyncContext: number };
  /** The day this row was recounted (`--only`), when it is not the report's. */
  readonly date?: string;
}

/** What `--instructions` writes per Node line (bench/results/instructions-node<N>.json). */
export interface InstructionReport {
  readonly node: { readonly major: number; readonly version: string };
  readonly nest: string;
  /** The day of the run, YYYY-MM-DD. */
  readonly date: string;
  readonly counts: readonly [number, number];
  readonly rows: readonly InstructionRow[];
}

/**
 * One thread (garbage collection and compilation on the main thread, so
 * counted), no timer-driven heap reduction and fixed seeds: without them,
 * when the JIT and the GC happen to run moved a count by up to 3% between two
 * runs of one app; with them, by 0.03–0.13%.
 */
const V8_FLAGS = ['--single-threaded', '--predictable', '--hash-seed=1', '--random-seed=1'];

/** The app variants counted, as `nest-app.main.js` arguments. */
const VARIANTS = {
  bare: ['bare'],
  module: ['module'],
  noAsyncContext: ['module', '--no-async-context'],
} as const;
type InstructionVariant = keyof typeof VARIANTS;

export interface InstructionOptions {
  /** Requests of the short and the long run; per request = difference ÷ difference. */
  readonly counts: readonly [number, number];
  readonly log: (line: string) => void;
}

/**
 * Instructions per request, bare Nest, the module and the module with
 * `asyncContext: false`, counted by valgrind (callgrind's total): unlike
 * time, the count does not move with the host's speed. Each app sends itself
 * the route's requests on one keep-alive connection (client and server in one
 * process); boot and early warm-up cancel out between a short and a long
 * run, while optimizing compilation still under way is counted, and counted
 * apart as well (its inclusive count in callgrind's call graph). V8 runs
 * deterministically (see `V8_FLAGS`), so repeated runs of one app agree
 * within about 0.1% and a change of 0.5% shows.
 */
export async function runInstructions(
  node: NodeLine,
  routes: readonly BenchRoute[],
  options: InstructionOptions,
): Promise<InstructionReport> {
  // callgrind_annotate (valgrind's, a Perl script) reads the compilation out of each profile;
  // its `--version` exits non-zero, so only a missing program counts.
  for (const tool of ['valgrind', 'callgrind_annotate'])
    if (spawnSync(tool, ['--version'], { encoding: 'utf8' }).error)
      throw new Error(`--instructions needs ${tool} on the PATH (Debian: apt-get install valgrind)`);
  const rows: InstructionRow[] = [];
  let nest = '';
  for (const platform of ['express', 'fastify'] as const) {
    for (const route of routes) {
      const perRequest = async (variant: InstructionVariant) => {
        // The two runs side by side: a count does not depend on what else the machine runs.
        const [short, long] = await Promise.all(options.counts.map((count) => countInstructions(node, variant, platform, route, count)));
        nest = long.nest;
        const per = (key: 'instructions' | 'compile') =>
          Math.round((long[key] - short[key]) / (options.counts[1] - options.counts[0]));
        return { total: per('instructions'), compile: per('compile') };
      };
      const bare = await perRequest('bare');
      const module = await perRequest('module');
      const noAsyncContext = await perRequest('noAsyncContext');
      options.log(
        `instructions node${node.major} ${platform} ${route.name}: bare ${bare.total} (compiling ${bare.compile}), ` +
          `module ${module.total} (${module.compile}), asyncContext: false ${noAsyncContext.total} (${noAsyncContext.compile})`,
      );
      rows.push({
        platform,
        route: { name: route.name, label: route.label },
        bare: bare.total,
        module: module.total,
        noAsyncContext: noAsyncContext.total,
        compile: { bare: bare.compile, module: module.compile, noAsyncContext: noAsyncContext.compile },
      });
    }
  }
  return {
    node: { major: node.major, version: node.version },
    nest,
    date: new Date().toISOString().slice(0, 10),
    counts: options.counts,
    rows,
  };
}

/**
 * A count of some paths (`--instructions --only …`) put into the line's last
 * report: a path it has is replaced in its row's place, a path it lacks is
 * added in the table's order (`routes`); a row counted on another day says so.
 * A string when the two are not comparable (another Node, NestJS or request
 * counts): then only a full run may replace it.
 */
export function mergeInstructions(
  report: InstructionReport,
  recount: InstructionReport,
  routes: readonly Pick<BenchRoute, 'name'>[],
): InstructionReport | string {
  if (report.node.version !== recount.node.version) return `it counted Node ${report.node.version}`;
  if (report.nest !== recount.nest) return `it counted NestJS ${report.nest}`;
  if (report.counts.join() !== recount.counts.join()) return `it counted ${report.counts.join(' and ')} requests`;
  const key = (row: InstructionRow) => `${row.platform} ${row.route.name}`;
  const rows = new Map(report.rows.map((row) => [key(row), row]));
  for (const row of recount.rows)
    rows.set(key(row), recount.date === report.date ? row : { ...row, date: recount.date });
  return { ...report, rows: [...rows.values()].sort(tableOrder(routes)) };
}

/** Express before Fastify, then the paths in the bench's order. */
function tableOrder(routes: readonly Pick<BenchRoute, 'name'>[]) {
  const place = (row: InstructionRow) =>
    (row.platform === 'express' ? 0 : routes.length) + routes.findIndex((route) => route.name === row.route.name);
  return (a: InstructionRow, b: InstructionRow) => place(a) - place(b);
}

/**
 * V8's entry points for optimized code (TurboFan and Maglev, on-stack
 * replacement included): neither calls the other, so their inclusive counts add up.
 */
const OPTIMIZING_COMPILATION = /^\s*([\d,]+) .*v8::internal::Compiler::CompileOptimized(?:OSR)?\(/;

/**
 * Callgrind's instruction total of one app process driving `count` requests
 * of `route`, how many of them V8 spent compiling optimized code, and the
 * NestJS it ran.
 */
async function countInstructions(
  node: NodeLine,
  variant: InstructionVariant,
  platform: 'express' | 'fastify',
  route: BenchRoute,
  count: number,
): Promise<{ instructions: number; compile: number; nest: string }> {
  const [app, ...flags] = VARIANTS[variant];
  const directory = mkdtempSync(join(tmpdir(), 'bench-callgrind-'));
  const profile = join(directory, 'callgrind.out');
  try {
    const result = await run(
      'valgrind',
      [
        '--tool=callgrind',
        `--callgrind-out-file=${profile}`,
        node.path,
        ...V8_FLAGS,
        '--require',
        join(__dirname, 'apps/nest12.preload.js'),
        join(__dirname, 'apps/nest-app.main.js'),
        app,
        platform,
        ...flags,
        '--quiet',
        '--drive',
        `${route.name}:${count}`,
      ],
      { env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
    );
    const collected = /Collected : (\d+)/.exec(result.stderr);
    const { statuses = {}, nest = 'unknown' } = JSON.parse(result.stdout.trim().split('\n').pop() || '{}') as {
      statuses?: Record<string, number>;
      nest?: string;
    };
    const expected = route.expected[app];
    if (result.status !== 0 || !collected || statuses[expected] !== count) {
      throw new Error(
        `${platform}/${variant} ${route.name}: expected ${count} × ${expected}, got ${JSON.stringify(statuses)} ` +
          `(exit ${result.status}) ${result.stderr.slice(-500)}`,
      );
    }
    // Inclusive counts per function, from the call graph callgrind recorded.
    const annotated = await run('callgrind_annotate', ['--inclusive=yes', '--threshold=100', profile], {
      env: process.env,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (annotated.status !== 0) throw new Error(`callgrind_annotate failed: ${annotated.stderr.slice(-500)}`);
    let compile = 0;
    for (const line of annotated.stdout.split('\n')) {
      const match = OPTIMIZING_COMPILATION.exec(line);
      if (match) compile += Number(match[1].replace(/,/g, ''));
    }
    return { instructions: Number(collected[1]), compile, nest };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
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

/**
 * The README's instruction tables, one per Node line counted (newest
 * results of each), for the block `--instructions` regenerates.
 */
export function renderInstructions(
  reports: readonly InstructionReport[],
  routes: readonly Pick<BenchRoute, 'name' | 'label'>[],
): string {
  const format = (n: number) => Math.round(n).toLocaleString('en');
  const lines = [
    '### CPU instructions per request',
    '',
    '<!-- Generated by `npm run bench -- --instructions` (bench/instructions.bench.ts). Do not edit by hand: rerun it. -->',
    '',
    "Throughput ratios move with the host's speed (the noise floor above: two identical processes); " +
      'the number of CPU instructions a request takes does not. Counted by valgrind (callgrind) with V8 made deterministic ' +
      '(`--single-threaded --predictable`, fixed seeds; garbage collection and compilation are counted too): each app ' +
      'sends itself its requests one at a time on one keep-alive connection, client and server in one process, and the ' +
      "difference between a short and a long run removes boot and the first requests' warm-up. Not all of it: with " +
      '`--single-threaded`, V8 compiles optimized code (TurboFan, Maglev) on the main thread, where a production process ' +
      'compiles on background threads and only while it warms up, and between the two runs it is still compiling. ' +
      'The compilation column is that work per request (the inclusive count of `v8::internal::Compiler::CompileOptimized` ' +
      "and its on-stack-replacement twin in callgrind's call graph), and the column after it the module's extra without " +
      "it, nearer what a warmed-up process pays. Logging is off in every app alike (`logger: false`): the 500 rows " +
      "write no log, and neither app has V8 format the error's stack for one (it is built on its first read). " +
      'Repeated counts of one app agree within about 0.1%. ' +
      'This is the work a request costs, not its time: ' +
      'cache misses and memory traffic cost time without showing here.',
  ];
  for (const report of reports) {
    lines.push(
      '',
      `**Node ${report.node.version}**, NestJS ${report.nest}, counted on ${report.date} ` +
        `(${report.counts[1].toLocaleString('en')} minus ${report.counts[0].toLocaleString('en')} requests):`,
      '',
      "| adapter | path | bare Nest | with ErrorsModule | the module's extra | optimizing compilation: bare / module | " +
        "the module's extra without it | `asyncContext: false` | its extra |",
      '|---|---|--:|--:|--:|--:|--:|--:|--:|',
      ...report.rows.map(
        (row) =>
          `| ${row.platform === 'express' ? 'Express' : 'Fastify'} | ${labelOf(row.route)}` +
          `${row.date ? ` (recounted on ${row.date})` : ''} | ${format(row.bare)} | ` +
          `${format(row.module)} | ${formatPercent(row.module / row.bare - 1)} | ` +
          `${format(row.compile.bare)} / ${format(row.compile.module)} | ` +
          `${formatPercent((row.module - row.compile.module) / (row.bare - row.compile.bare) - 1)} | ` +
          `${format(row.noAsyncContext)} | ${formatPercent(row.noAsyncContext / row.bare - 1)} |`,
      ),
    );
    // `--only` counts a path on both adapters: a path is missing from both or neither.
    const missing = routes.filter((route) => !report.rows.some((row) => row.route.name === route.name));
    if (missing.length > 0)
      lines.push(
        '',
        `Not counted on this line yet: ${missing.map(labelOf).join('; ')} ` +
          `(\`npm run bench -- --instructions --node ${report.node.major} --only ${missing.map((route) => route.name).join(',')}\` adds them).`,
      );
  }
  return lines.join('\n');
}

/** The throughput table's label, but the 500 is counted with logging off. */
function labelOf(route: Pick<BenchRoute, 'name' | 'label'>): string {
  return route.name === 'unexpected-500' ? 'unexpected Error (500, logging off)' : route.label;
}

function formatPercent(share: number): string {
  return `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
}
