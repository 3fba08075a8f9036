import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { BenchApp } from './bench-app.util';
import { buildBefore } from './before.util';
import type { AppSpec } from './bench-app.util';
import { BENCH_ROUTES, TIMED_ROUTES } from './bench.routes';
import { describeEnvironment, otherWorkBetween, sampleCpu } from './environment.util';
import type { BenchEnvironment, OtherWork } from './environment.util';
import { hostileMembers, hostileUnexpected, runHostile } from './hostile.bench';
import type { HostileRow } from './hostile.bench';
import { runMicroOn } from './micro.bench';
import { parseNodeLines, resolveNodeLines } from './node-lines.util';
import type { NodeLine } from './node-lines.util';
import { preflight } from './preflight.util';
import { loadProfiles, runProfiles } from './profile.bench';
import { CHANGES } from './changes';
import { renderHostile, renderMarkdown } from './report.util';
import type { LineReport, MemoryRow } from './report.util';
import { mergeInstructions, renderInstructions, runInstructions } from './instructions.bench';
import type { InstructionReport } from './instructions.bench';
import { runSoak } from './soak.bench';
import { median } from './stats.util';
import { runThroughput } from './throughput.bench';

/**
 * `npm run bench [-- --node 22,24,26] [--smoke | --soak | --hostile | --cpu-prof | --instructions] [--rounds N] [--duration S] [--slices N] ...`
 *
 * Full run, per Node line (default 24; NestJS 12 in every app): preflight,
 * interleaved paired rounds on every timed path, memory at rest and at peak,
 * the hostile 422 (100,000 empty members, module vs bare Nest), the soak of the module apps, then rewrites the Performance section of
 * README.md and bench/results/node<N>.json (`--no-write`: printed only). `--smoke`: one short round on
 * every path and the hostile 422 with a tenth of its body, nothing written,
 * exit 1 on any unexpected status (what CI runs). `--hostile`: only the
 * hostile 422, printed. `--before <ref>`: the module as of a git ref measured in the same
 * rounds (the before/after column). `--soak`: only the soak, printed. `--cpu-prof`: profiles of every
 * path, bare vs module, into bench/profiles/node<N>/ with a SUMMARY.md. `--async-context`: the two
 * async-context rows of Node 22 (the module with `asyncContext: false`, bare Nest with one
 * `AsyncLocalStorage`) on every line. `--instructions`: CPU instructions per request, bare Nest, the
 * module and the module with `asyncContext: false`, on every timed path (valgrind;
 * `--instruction-requests 2000,4000`), into bench/results/instructions-node<N>.json and the README's
 * instruction table (`--no-write`: printed only; `--only`: those paths counted into the line's
 * last report, added or replaced, when it counted the same Node, NestJS and requests).
 */
const HARD_DEADLINE_MS = 75 * 60_000;
// Compiled to bench/dist/bench/, three levels below the project.
const PROJECT_ROOT = join(__dirname, '../../..');
const OUTPUT = join(PROJECT_ROOT, 'README.md');
const RESULTS = join(PROJECT_ROOT, 'bench/results');

/** Replaces a generated section of the README, between `<!-- <name>:start -->` and `<!-- <name>:end -->`. */
function writeReadmeSection(name: 'performance' | 'instructions', markdown: string): void {
  const [opening, closing] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const readme = readFileSync(OUTPUT, 'utf8');
  const start = readme.indexOf(opening);
  const end = readme.indexOf(closing);
  if (start === -1 || end < start) throw new Error(`README.md has no ${opening} … ${closing} markers`);
  writeFileSync(OUTPUT, `${readme.slice(0, start + opening.length)}\n${markdown.trim()}\n${readme.slice(end)}`);
}

function readInstructions(file: string): InstructionReport {
  return JSON.parse(readFileSync(join(RESULTS, file), 'utf8')) as InstructionReport;
}

/**
 * Saves one line's instruction counts (a partial run: into the line's last
 * report, row by row, or as its first) and regenerates the README's table from every line's latest.
 */
function saveInstructions(counted: InstructionReport, partial: boolean): void {
  const file = `instructions-node${counted.node.major}.json`;
  let report = counted;
  if (partial) {
    // The line's first count may be of some paths: the table says which are missing.
    const merged = existsSync(join(RESULTS, file))
      ? mergeInstructions(readInstructions(file), counted, TIMED_ROUTES)
      : counted;
    if (typeof merged === 'string') {
      log(`not written: the recount does not fit bench/results/${file} (${merged}); count every path of the line`);
      return;
    }
    report = merged;
  }
  writeResult(file, report);
  const reports = readdirSync(RESULTS)
    .map((file) => /^instructions-node(\d+)\.json$/.exec(file))
    .filter((match) => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => readInstructions(match[0]));
  writeReadmeSection('instructions', renderInstructions(reports, TIMED_ROUTES));
  log(`wrote bench/results/instructions-node${report.node.major}.json and the instruction table of ${OUTPUT}`);
}

/**
 * The apps of one Node line, each bare/module pair adjacent. On Node 22,
 * where AsyncLocalStorage still runs on async_hooks (and on every line with
 * `asyncProbes`), two extra rows price the async context: the module with
 * `asyncContext: false`, and bare Nest with an AsyncLocalStorage switched on
 * and no module. On the target lines, a second bare process (the control)
 * measures what two identical apps differ by.
 */
function appsOf(node: NodeLine, before?: string, asyncProbes = false): AppSpec[] {
  const specs: AppSpec[] = [];
  for (const platform of ['express', 'fastify'] as const) {
    specs.push({ platform, variant: 'bare', node }, { platform, variant: 'module', node });
    // The before/after column on the default line only: it prices the changes, the other lines their Node.
    if (before && node.major === 24) specs.push({ platform, variant: 'module', before, node });
    if (node.major === 22 || asyncProbes) {
      specs.push({ platform, variant: 'module', noAsyncContext: true, node }, { platform, variant: 'bare', alsProbe: true, node });
    }
    // The target lines get an A/A row: a second bare process, the noise floor of every ratio.
    if (node.major !== 22) specs.push({ platform, variant: 'bare', control: true, node });
  }
  return specs;
}

/** Lines the full run soaks: the ones the targets are set for. */
const SOAK_LINES: readonly number[] = [24, 26];

function settings() {
  const { values } = parseArgs({
    options: {
      node: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'profile-dir': { type: 'string' },
      'profile-seconds': { type: 'string' },
      'no-soak': { type: 'boolean', default: false },
      before: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      slices: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'soak-requests': { type: 'string' },
      hostile: { type: 'boolean', default: false },
      'hostile-requests': { type: 'string' },
      'quiet-logs': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      only: { type: 'string' },
      'async-context': { type: 'boolean', default: false },
      instructions: { type: 'boolean', default: false },
      'instruction-requests': { type: 'string' },
    },
  });
  const smoke = values.smoke;
  const num = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const only = (route: { name: string }) => !values.only || values.only.split(',').includes(route.name);
  return {
    nodes: parseNodeLines(values.node),
    smoke,
    soakOnly: values.soak,
    cpuProf: values['cpu-prof'],
    profileDir: values['profile-dir'] ?? join(PROJECT_ROOT, 'bench/profiles'),
    profileSeconds: num(values['profile-seconds'], 3),
    soak: !smoke && !values['no-soak'],
    before: values.before,
    asyncProbes: values['async-context'],
    beforeDir: undefined as string | undefined,
    rounds: num(values.rounds, smoke ? 1 : 5),
    duration: num(values.duration, smoke ? 0.5 : 1.5),
    slices: Math.max(Math.round(num(values.slices, smoke ? 1 : 6)), 1),
    warmup: num(values.warmup, smoke ? 0 : 2),
    connections: num(values.connections, 10),
    soakRequests: Math.max(num(values['soak-requests'], 200_000), 1),
    hostileOnly: values.hostile,
    hostileRequests: Math.max(num(values['hostile-requests'], smoke ? 1 : 5), 1),
    // --smoke only checks the statuses: a tenth of the body keeps it cheap.
    hostileMembers: hostileMembers(smoke),
    microTimeMs: smoke ? 50 : 500,
    quietLogs: values['quiet-logs'],
    // The smoke checks every path; the throughput rounds time the five of issue 11.
    routes: (smoke ? BENCH_ROUTES : TIMED_ROUTES).filter(only),
    partial: values.only !== undefined,
    instructions: values.instructions,
    instructionCounts: instructionCounts(values['instruction-requests']),
    write:
      !smoke && !values.soak && !values.hostile && !values['no-write'] && !values.only && !values['cpu-prof'] && !values.instructions,
    // A full run replaces the line's report; `--only` adds or replaces some of its rows.
    writeInstructions: values.instructions && !values['no-write'],
  };
}

/** `--instruction-requests 2000,4000`: the short and the long run's requests. */
function instructionCounts(value: string | undefined): [number, number] {
  const [short, long] = (value ?? '2000,4000').split(',').map(Number);
  if (!(short > 0 && long > short)) throw new Error(`--instruction-requests wants two growing counts, got ${value}`);
  return [short, long];
}

type Settings = ReturnType<typeof settings>;

const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function startAll(specs: AppSpec[], quiet: boolean): Promise<BenchApp[]> {
  const apps: BenchApp[] = [];
  // One at a time: boots compete for the same two cores.
  try {
    for (const spec of specs) apps.push(await BenchApp.start(spec, { quiet }));
  } catch (error) {
    await Promise.all(apps.map((app) => app.stop()));
    throw error;
  }
  return apps;
}

/** The soak of the module apps of one line (bare Nest is no target). */
async function soakPhase(node: NodeLine, options: Settings) {
  const apps = await startAll(
    appsOf(node).filter((spec) => spec.variant === 'module' && !spec.noAsyncContext),
    options.quietLogs,
  );
  try {
    log(`soak node${node.major}: ${options.soakRequests} requests per module app with distinct request ids`);
    return await runSoak(apps, BENCH_ROUTES, {
      requests: options.soakRequests,
      warmupRequests: Math.min(10_000, options.soakRequests),
      connections: options.connections,
      log,
    });
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}

/** The hostile 422 on the line's bare and module apps (not the extra rows: before, no async context, ALS probe). */
async function hostilePhase(node: NodeLine, apps: readonly BenchApp[], options: Settings): Promise<HostileRow[]> {
  const pairs = apps.filter(
    (app) =>
      (app.spec.variant === 'bare' || app.spec.variant === 'module') &&
      !app.spec.before &&
      !app.spec.noAsyncContext &&
      !app.spec.alsProbe &&
      !app.spec.control,
  );
  log(
    `hostile 422 node${node.major}: ${options.hostileMembers.toLocaleString('en')} empty members, ` +
      `${options.hostileRequests} request(s) per app`,
  );
  return runHostile(pairs, { requests: options.hostileRequests, members: options.hostileMembers, log });
}

/** Only the hostile 422 of each line (`--hostile`): printed, nothing written; exit 1 on a wrong status. */
async function hostileOnly(nodes: readonly NodeLine[], options: Settings): Promise<number> {
  let unexpected = 0;
  for (const node of nodes) {
    const apps = await startAll(appsOf(node), options.quietLogs);
    try {
      const rows = await hostilePhase(node, apps, options);
      const wrong = hostileUnexpected(rows);
      for (const u of wrong) log(`UNEXPECTED node${node.major} ${u.app} ${u.route}: ${u.count} × ${u.status} (expected ${u.expected})`);
      unexpected += wrong.length;
      for (const text of ['', `#### Node ${node.version} (NestJS ${apps[0].nest})`, '', ...renderHostile(rows)]) log(text);
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  }
  return unexpected === 0 ? 0 : 1;
}

/** Extra memory of the module over bare Nest, per adapter: at rest (after the preflight and GC) and peak; medians over rounds. */
function memoryRows(
  names: readonly string[],
  rest: Map<string, { rss: number; heap: number }>,
  peak: Map<string, number>,
): MemoryRow[] {
  return (['express', 'fastify'] as const).map((platform) => ({
    platform,
    bareRest: rest.get(`${platform}/bare`)?.rss ?? Number.NaN,
    moduleRest: rest.get(`${platform}/module`)?.rss ?? Number.NaN,
    bareHeap: rest.get(`${platform}/bare`)?.heap ?? Number.NaN,
    moduleHeap: rest.get(`${platform}/module`)?.heap ?? Number.NaN,
    barePeak: peak.get(`${platform}/bare`) ?? Number.NaN,
    modulePeak: peak.get(`${platform}/module`) ?? Number.NaN,
    ...(rest.has(`${platform}/bare-control`)
      ? {
          controlRest: rest.get(`${platform}/bare-control`)?.rss ?? Number.NaN,
          controlPeak: peak.get(`${platform}/bare-control`) ?? Number.NaN,
        }
      : {}),
  })).filter((row) => names.some((name) => name.startsWith(`${row.platform}/`)));
}

async function measureLine(node: NodeLine, options: Settings): Promise<LineReport | undefined> {
  // Memory per round, each on fresh processes: the tables take the median.
  const rest = new Map<string, { rss: number[]; heap: number[] }>();
  const peak = new Map<string, number[]>();
  let nest = '';
  let hostile: HostileRow[] = [];
  const throughput = await runThroughput(appsOf(node, options.beforeDir, options.asyncProbes), options.routes, { ...options, log }, {
    start: (specs) => startAll([...specs], options.quietLogs),
    ready: async (apps, round) => {
      const problems = await preflight(apps, BENCH_ROUTES);
      if (problems.length > 0) {
        for (const problem of problems) log(`PREFLIGHT FAILED node${node.major} ${problem}`);
        return false;
      }
      nest = apps[0].nest;
      if (round === 0) log(`preflight ok on Node ${node.version}, NestJS ${nest}: ${apps.length} apps × ${BENCH_ROUTES.length} paths`);
      // At rest: booted, every path answered once (the preflight), after GC.
      for (const app of apps) {
        const stats = await app.stats(true);
        const entry = rest.get(app.name) ?? { rss: [], heap: [] };
        entry.rss.push(stats.rss);
        entry.heap.push(stats.heapUsed);
        rest.set(app.name, entry);
      }
      return true;
    },
    done: async (apps, round) => {
      // Peak RSS is the round's load: read before the hostile body, whose answers are large by design.
      for (const app of apps) peak.set(app.name, [...(peak.get(app.name) ?? []), (await app.stats(false)).maxRss]);
      if (round === options.rounds - 1) hostile = await hostilePhase(node, apps, options);
    },
  });
  if (!throughput) return undefined;
  const line: Omit<LineReport, 'soak'> = {
    node,
    nest,
    summaries: throughput.summaries,
    memory: memoryRows(
      [...rest.keys()],
      new Map([...rest].map(([name, m]) => [name, { rss: median(m.rss), heap: median(m.heap) }])),
      new Map([...peak].map(([name, values]) => [name, median(values)])),
    ),
    hostile,
    unexpected: [...throughput.unexpected, ...hostileUnexpected(hostile)],
  };
  // The soak judges the target lines (24, 26); Node 22 is priced, not soaked (a full run stays under half an hour).
  const soak = options.soak && SOAK_LINES.includes(node.major) ? await soakPhase(node, options) : undefined;
  return { ...line, soak };
}

/** Results of a line as JSON (bench/results/node<N>.json), next to the README section. */
function saveResults(report: LineReport): void {
  // The binary's path is this machine's, not a result.
  const node = { major: report.node.major, version: report.node.version };
  log(`wrote ${writeResult(`node${report.node.major}.json`, { ...report, node })}`);
}

/** Writes one JSON file of bench/results; returns its path. */
function writeResult(name: string, value: unknown): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, name);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

/** What ran besides the bench since it started, where the machine's CPU time can be read. */
function otherWorkSince(environment: BenchEnvironment): OtherWork | undefined {
  const end = sampleCpu();
  return environment.cpuStart && end ? otherWorkBetween(environment.cpuStart, end, environment.cores) : undefined;
}

async function main(): Promise<number> {
  const options = settings();
  const nodes = resolveNodeLines(PROJECT_ROOT, options.nodes, log);
  const environment = describeEnvironment(options);
  log(`nestjs-api-errors bench: ${environment.cpu} × ${environment.cores}, Node ${nodes.map((n) => n.version).join(', ')}`);
  if (!options.instructions) log(environment.logging);

  if (options.cpuProf) {
    for (const node of nodes) {
      await runProfiles(node, options.routes, {
        dir: options.profileDir,
        seconds: options.profileSeconds,
        warmup: Math.max(options.warmup, 1),
        connections: options.connections,
        quiet: options.quietLogs,
        projectRoot: PROJECT_ROOT,
        log,
      });
    }
    return 0;
  }
  if (options.soakOnly) {
    let pass = true;
    for (const node of nodes) pass = (await soakPhase(node, options)).every((s) => s.pass) && pass;
    return pass ? 0 : 1;
  }

  if (options.hostileOnly) return hostileOnly(nodes, options);

  if (options.instructions) {
    // Every path takes minutes under valgrind: `--only` bounds the run, not the deadline.
    clearTimeout(deadline);
    for (const node of nodes) {
      const report = await runInstructions(node, options.routes, { counts: options.instructionCounts, log });
      log('');
      log(renderInstructions([report], options.routes));
      if (options.writeInstructions) saveInstructions(report, options.partial);
    }
    return 0;
  }

  if (options.before) options.beforeDir = buildBefore(PROJECT_ROOT, options.before, log);
  const micro = options.smoke ? [] : nodes.map((node) => runMicroOn(node, options.microTimeMs));
  for (const line of micro) {
    log(`per-error CPU on Node ${line.version}:`);
    for (const m of line.results) log(`  ${m.name.padEnd(48)} ${(m.meanNs / 1000).toFixed(2)} µs/op`);
  }

  const lines: LineReport[] = [];
  for (const node of nodes) {
    const line = await measureLine(node, options);
    if (!line) return 1;
    lines.push(line);
    if (options.write) saveResults(line);
  }
  const unexpectedCount = lines.reduce(
    (sum, line) =>
      sum + line.unexpected.reduce((n, u) => n + u.count, 0) + (line.soak ?? []).reduce((n, s) => n + s.unexpected, 0),
    0,
  );
  const markdown = renderMarkdown({
    environment: { ...environment, loadEnd: loadavg()[0], otherWork: otherWorkSince(environment) },
    lines: lines.map((line) => ({
      ...line,
      profiles: loadProfiles(options.profileDir, line.node.major),
    })),
    before: options.before,
    changes: CHANGES,
    micro,
    unexpectedCount,
  });
  log('');
  log(markdown);
  for (const line of lines) {
    for (const u of line.unexpected) {
      log(`UNEXPECTED node${line.node.major} ${u.app} ${u.route}: ${u.count} × ${u.status} (expected ${u.expected})`);
    }
  }
  if (options.write) {
    writeReadmeSection('performance', markdown);
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
