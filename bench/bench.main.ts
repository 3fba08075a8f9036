import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { spawnSync } from 'node:child_process';

import { findSecondNode, runAlsProbe } from './als-probe.bench';
import { HOSTILE_MEMBERS, runHostile } from './hostile.bench';
import type { HostileRow } from './hostile.bench';
import type { ProbeRow } from './als-probe.bench';
import { BenchApp } from './bench-app.util';
import type { AppSpec } from './bench-app.util';
import { BENCH_ROUTES } from './bench.routes';
import { describeEnvironment } from './environment.util';
import { runMicro } from './micro.bench';
import { preflight } from './preflight.util';
import { renderMarkdown } from './report.util';
import { runSoak } from './soak.bench';
import type { SoakResult } from './soak.bench';
import { runThroughput } from './throughput.bench';

/**
 * `npm run bench [-- --smoke | --soak] [--rounds N] [--duration S] ...`
 *
 * Full run: micro-benchmark, interleaved throughput rounds, peak RSS, soak,
 * then rewrites the Performance section of README.md. `--smoke`: one short round, no
 * soak, nothing written, exit 1 on any unexpected status (what CI runs).
 * `--soak`: only the soak, printed.
 */
const HARD_DEADLINE_MS = 30 * 60_000;
// Compiled to bench/dist/bench/, three levels below the project.
const PROJECT_ROOT = join(__dirname, '../../..');
const OUTPUT = join(PROJECT_ROOT, 'README.md');
const START = '<!-- performance:start -->';
const END = '<!-- performance:end -->';

/** Replaces the README's generated Performance section, between its markers. */
function writeReadmeSection(markdown: string): void {
  const readme = readFileSync(OUTPUT, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  writeFileSync(OUTPUT, `${readme.slice(0, start + START.length)}\n${markdown.trim()}\n${readme.slice(end)}`);
}

const NEST_APPS: AppSpec[] = [
  { platform: 'express', variant: 'bare' },
  { platform: 'express', variant: 'module' },
  { platform: 'fastify', variant: 'bare' },
  { platform: 'fastify', variant: 'module' },
];

/** Bare Nest plus an AsyncLocalStorage: measured beside the pairs, never a target. */
const PROBE_APPS: AppSpec[] = [
  { platform: 'express', variant: 'bare', alsProbe: true },
  { platform: 'fastify', variant: 'bare', alsProbe: true },
];

/** Throughput order: each bare/module pair adjacent, the probe after its pair. */
const THROUGHPUT_APPS: AppSpec[] = [
  { platform: 'node', variant: 'plain' },
  NEST_APPS[0],
  NEST_APPS[1],
  PROBE_APPS[0],
  NEST_APPS[2],
  NEST_APPS[3],
  PROBE_APPS[1],
];

function settings() {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'soak-requests': { type: 'string' },
      'hostile-requests': { type: 'string' },
      'quiet-logs': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      only: { type: 'string' },
      'probe-node': { type: 'string' },
      'no-probe': { type: 'boolean', default: false },
    },
  });
  const smoke = values.smoke;
  const num = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  return {
    smoke,
    soakOnly: values.soak,
    rounds: num(values.rounds, smoke ? 1 : 7),
    duration: num(values.duration, smoke ? 1 : 1.5),
    warmup: num(values.warmup, smoke ? 0 : 1.5),
    connections: num(values.connections, 10),
    hostileRequests: Math.max(1, num(values['hostile-requests'], smoke ? 1 : 5)),
    soakRequests: Math.max(num(values['soak-requests'], 200_000), smoke ? 0 : 1),
    microTimeMs: smoke ? 50 : 1000,
    quietLogs: values['quiet-logs'],
    probe: !values['no-probe'],
    probeNode: values['probe-node'],
    routes: values.only ? BENCH_ROUTES.filter((route) => values.only!.split(',').includes(route.name)) : BENCH_ROUTES,
    write: !smoke && !values.soak && !values['no-write'] && !values.only,
  };
}

const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function startAll(specs: AppSpec[], quiet: boolean): Promise<BenchApp[]> {
  const apps: BenchApp[] = [];
  // One at a time: boots compete for the same two cores.
  for (const spec of specs) apps.push(await BenchApp.start(spec, { quiet }));
  return apps;
}

async function soakPhase(options: ReturnType<typeof settings>): Promise<SoakResult[]> {
  const apps = await startAll(NEST_APPS, options.quietLogs);
  try {
    log(`soak: ${options.soakRequests} requests per app with distinct request ids`);
    return await runSoak(apps, BENCH_ROUTES, {
      requests: options.soakRequests,
      warmupRequests: Math.min(20_000, options.soakRequests),
      connections: options.connections,
      log,
    });
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}

/**
 * The success path with and without an AsyncLocalStorage on a second Node:
 * the project's Node 24 (compat/nest12) or `--probe-node <path>`, when present.
 */
async function probePhase(options: ReturnType<typeof settings>): Promise<ProbeRow[]> {
  const second = options.probeNode ?? (options.smoke ? undefined : findSecondNode(PROJECT_ROOT));
  if (!second) return [];
  const version = spawnSync(second, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
  if (!version) return [];
  const nodes = [{ label: `Node ${version}`, path: second }];
  log(`probe: success path with and without AsyncLocalStorage on ${nodes.map((n) => n.label).join(', ')}`);
  // Fewer rounds than the main table: it explains a cost, it sets no target.
  const rounds = Math.min(options.rounds, 5);
  return runAlsProbe(nodes, { ...options, rounds, warmup: Math.min(options.warmup, 1), quiet: options.quietLogs, log });
}

async function main(): Promise<number> {
  const options = settings();
  const environment = describeEnvironment(options);
  log(`nestjs-api-errors bench: ${environment.cpu} × ${environment.cores}, Node ${environment.node}, Nest ${environment.nest}`);
  log(environment.logging);
  if (options.soakOnly) {
    const soak = await soakPhase(options);
    return soak.every((s) => s.pass) ? 0 : 1;
  }

  log(`micro-benchmark (${options.microTimeMs} ms per step)`);
  const micro = await runMicro(options.microTimeMs);
  for (const m of micro) log(`  ${m.name.padEnd(48)} ${(m.meanNs / 1000).toFixed(2)} µs/op`);

  const apps = await startAll(THROUGHPUT_APPS, options.quietLogs);
  let report;
  let hostile: HostileRow[] = [];
  try {
    const problems = await preflight(apps, BENCH_ROUTES);
    if (problems.length > 0) {
      for (const problem of problems) log(`PREFLIGHT FAILED ${problem}`);
      return 1;
    }
    log(`preflight ok: ${apps.length} apps × ${BENCH_ROUTES.length} paths answer the expected status and body shape`);
    const throughput = await runThroughput(apps, options.routes, { ...options, log });
    // --smoke only checks the statuses: a tenth of the body keeps it cheap.
    const members = options.smoke ? HOSTILE_MEMBERS / 10 : HOSTILE_MEMBERS;
    log(`hostile 422: ${members.toLocaleString('en')} empty members, ${options.hostileRequests} request(s) per app`);
    const nestApps = apps.filter((app) => app.spec.variant !== 'plain' && !app.spec.alsProbe);
    hostile = await runHostile(nestApps, { requests: options.hostileRequests, members, log });
    const peakRss = [];
    for (const app of apps) peakRss.push({ app: app.name, bytes: (await app.stats(false)).maxRss });
    report = { environment, summaries: throughput.summaries, peakRss, micro, unexpected: throughput.unexpected };
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }

  const probe = options.probe ? await probePhase(options) : [];
  const soak = options.smoke ? undefined : await soakPhase(options);
  const hostileUnexpected = hostile.filter((row) => row.status !== (row.app.endsWith('/module') ? 422 : 400));
  for (const row of hostileUnexpected) log(`UNEXPECTED ${row.app} hostile 422: status ${row.status}`);
  const unexpectedCount =
    report.unexpected.reduce((sum, u) => sum + u.count, 0) +
    (soak ?? []).reduce((sum, s) => sum + s.unexpected, 0) +
    hostileUnexpected.length;
  const markdown = renderMarkdown({ ...report, soak, probe, hostile, unexpectedCount });
  log('');
  log(markdown);
  for (const u of report.unexpected) {
    log(`UNEXPECTED ${u.app} ${u.route}: ${u.count} × ${u.status} (expected ${u.expected})`);
  }
  if (options.write) {
    writeReadmeSection(markdown);
    log(`wrote the Performance section of ${OUTPUT}`);
  }
  return unexpectedCount === 0 ? 0 : 1;
}

const deadline = setTimeout(() => {
  log(`bench: hard deadline of ${HARD_DEADLINE_MS / 60_000} minutes reached, exiting`);
  process.exit(2);
}, HARD_DEADLINE_MS);
deadline.unref();

main().then(
  (code) => {
    log(code === 0 ? 'bench: done' : 'bench: FAILED (see above)');
    process.exit(code);
  },
  (error: unknown) => {
    log(`bench: ${String((error as Error)?.stack ?? error)}`);
    process.exit(1);
  },
);
