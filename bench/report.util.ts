import type { BenchEnvironment } from './environment.util';
import type { HostileRow } from './hostile.bench';
import type { MicroLine } from './micro.bench';
import type { NodeLine } from './node-lines.util';
import type { ProfileSummary } from './profile.bench';
import type { SoakResult } from './soak.bench';
import { SOAK_HEAP_NOISE_BYTES } from './soak.bench';
import { formatInt, formatMiB } from './stats.util';
import type { RatioStats, RouteSummary, Unexpected } from './throughput.bench';

/** Extra memory the module may cost over bare Nest, at rest and at peak (issue 11). */
export const MEMORY_TARGET_BYTES = 5 * 1024 * 1024;

/** RSS of bare Nest and the module on one adapter, bytes. */
export interface MemoryRow {
  readonly platform: 'express' | 'fastify';
  /** Booted, every path answered once, after two forced GCs. */
  readonly bareRest: number;
  readonly moduleRest: number;
  /** Heap used at the same moment (steadier than RSS, shown, not judged). */
  readonly bareHeap: number;
  readonly moduleHeap: number;
  /** Peak RSS over the whole throughput run. */
  readonly barePeak: number;
  readonly modulePeak: number;
  /** The second bare process (the control), when measured: what two identical apps differ by. */
  readonly controlRest?: number;
  readonly controlPeak?: number;
}

/** Everything one Node line measured. */
export interface LineReport {
  readonly node: NodeLine;
  readonly nest: string;
  readonly summaries: readonly RouteSummary[];
  readonly memory: readonly MemoryRow[];
  readonly unexpected: readonly Unexpected[];
  /** The hostile 422, module vs bare Nest per adapter (absent in results saved before it was re-attached). */
  readonly hostile?: readonly HostileRow[];
  readonly soak?: readonly SoakResult[];
}

/** One line with its profiles (the last `--cpu-prof` run), if any. */
export type LineInput = LineReport & { readonly profiles?: readonly ProfileSummary[] };

/** Everything one run measured, for the README section. */
export interface BenchReport {
  readonly environment: BenchEnvironment;
  readonly lines: readonly LineInput[];
  readonly micro: readonly MicroLine[];
  readonly unexpectedCount: number;
  /** The git ref measured as "before" (`--before`), if any. */
  readonly before?: string;
  /** What each optimization bought, hand-written from the profiles (bench/changes.ts). */
  readonly changes?: ReadonlyArray<{ change: string; bought: string }>;
}

export function passes(summary: RouteSummary): boolean {
  return summary.ratio.median >= summary.route.target;
}

export function memoryPasses(row: MemoryRow): { rest: boolean; peak: boolean } {
  return {
    rest: row.moduleRest - row.bareRest <= MEMORY_TARGET_BYTES,
    peak: row.modulePeak - row.barePeak <= MEMORY_TARGET_BYTES,
  };
}

/**
 * Why a target was missed, from the numbers: how far, whether every round
 * agreed, the extra server CPU per request, and, when `--cpu-prof` ran on the
 * line, what the profile shows the module's code costs on that path.
 */
export function explainMiss(summary: RouteSummary, profiles: readonly ProfileSummary[] = []): string {
  const { median, min, max } = summary.ratio;
  const target = summary.route.target;
  const parts = [`${((1 - median / target) * 100).toFixed(1)}% under target`];
  parts.push(
    max >= target
      ? `rounds ranged ${min.toFixed(2)}–${max.toFixed(2)}, across the target, so part of it is this machine's noise`
      : `every round was under it (${min.toFixed(2)}–${max.toFixed(2)})`,
  );
  parts.push(`server CPU ${signed(summary.moduleCpu - summary.bareCpu)} µs per request with the module`);
  if (summary.controlRatio) {
    const { median: c, min: cMin, max: cMax } = summary.controlRatio;
    parts.push(
      `two identical bare processes measured ${c.toFixed(3)} (${cMin.toFixed(2)}–${cMax.toFixed(2)}) in the same rounds` +
        (Math.abs(1 - c) >= 1 - median / target
          ? ', as far from 1 as this miss is from its target, so this run cannot tell the module\'s cost from noise here'
          : ''),
    );
  }
  if (summary.noContextRatio && summary.alsRatio) {
    parts.push(
      `without the async context (\`asyncContext: false\`) the module measured ${summary.noContextRatio.median.toFixed(3)}, ` +
        `and one AsyncLocalStorage alone, without the module, costs bare Nest ${summary.alsRatio.median.toFixed(3)}` +
        (summary.noContextRatio.median >= target
          ? ': without it the target is met, so the async context (`AsyncLocalStorage`) is the price on this Node'
          : ': the async context does not explain it alone'),
    );
  }
  const profile = profiles.find((p) => p.variant === 'module' && p.platform === summary.platform && p.route === summary.route.name);
  const bare = profiles.find((p) => p.variant === 'bare' && p.platform === summary.platform && p.route === summary.route.name);
  if (profile) {
    // By own time: a hook's total holds whatever its `done()` runs on (the route, the filter).
    const top = [...profile.top]
      .sort((a, b) => b.self - a.self)
      .slice(0, 3)
      .map((fn) => `\`${fn.name.split(' ')[0]}\` ${fn.self.toFixed(1)} µs`)
      .join(', ');
    parts.push(
      `profile (${profile.file}): ${profile.cpuPerRequest.toFixed(1)} µs/request${bare ? ` vs ${bare.cpuPerRequest.toFixed(1)} bare` : ''}, ` +
        `of which the module's code and its callees ${profile.moduleTotal.toFixed(1)} µs (largest by own time: ${top})`,
    );
  }
  return parts.join('; ');
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
}

const ratioCell = (r: RatioStats) => `**${r.median.toFixed(3)}** (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const plainRatio = (r: RatioStats) => `${r.median.toFixed(3)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const rate = (rps: number, p99?: number) => `${formatInt(rps)}${p99 === undefined ? '' : ` (${p99.toFixed(0)} ms)`}`;
const cap = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const mark = (pass: boolean) => (pass ? 'pass' : '**miss**');

/** The README "Performance" section, generated: never edit the output by hand. */
export function renderMarkdown(report: BenchReport): string {
  const env = report.environment;
  const nodes = report.lines.map((l) => `**Node ${l.node.version}**`).join(', ');
  const lines: string[] = [
    '## Performance',
    '',
    '<!-- Generated by `npm run bench` (bench/bench.main.ts). Do not edit by hand: rerun the benchmark. -->',
    '',
    `Measured on **${env.date}** on ${env.cpu} (${env.cores} cores, ${env.memory}), ${env.os}: ${nodes}, ` +
      `**NestJS ${env.nest}** (platform-express ${env.express}, platform-fastify ${env.fastify}), class-validator ${env.classValidator}.`,
    '',
    `Each app runs in its own process on 127.0.0.1, on the measured Node line's binary (npm-installed: Node 24 is the one ` +
      `the NestJS 12 test run uses); autocannon ${env.autocannon} loads it from the runner process with ${env.connections} ` +
      'keep-alive connections. Bare Nest (its default exception filter and `app.useGlobalPipes(new ValidationPipe())`) and ' +
      'the same app with `ErrorsModule.forRoot()` and its defaults are measured in ' +
      `${env.rounds} paired, interleaved rounds of ${env.duration} s per app and path` +
      (env.slices > 1
        ? `, taken in ${env.slices} slices of ${formatSeconds(env.duration / env.slices)} s: the apps take turns slice by slice ` +
          '(the order flipping each slice), so a drift of the host\'s speed over seconds falls on every app of a ' +
          'round alike. '
        : '. ') +
      `Every round starts fresh processes ` +
      `and warms each up for ${env.warmup} s on all paths at once; the loading order is reversed every round and the start ` +
      'order every second round, so neither the first-booted nor the first-loaded process favours a side. ' +
      'The ratio is module ÷ bare Nest per round, on the same adapter; the tables show ' +
      'the median ratio with its min–max; a p99 is the latency of a round\'s requests taken together (the ' +
      'histograms of its slices merged), the median over the rounds. ' +
      `${env.logging} Every response status is checked: ` +
      `${report.unexpectedCount === 0 ? 'all were the expected ones' : `**${report.unexpectedCount} were not**`}.`,
    '',
    ...renderLoad(env),
    'Targets: module ÷ bare ≥ 0.97 on the success path and ≥ 0.95 on every error path (the 422 against bare Nest\'s 400, ' +
      `the router's 404 included); extra RSS ≤ ${formatMiB(MEMORY_TARGET_BYTES)} at rest and at peak; ` +
      `${formatInt(report.lines.find((l) => l.soak)?.soak?.[0]?.requests ?? 200_000)} requests of soak with a flat heap.`,
    '',
    ...renderGlance(report.lines),
  ];
  for (const line of report.lines) lines.push(...renderLine(line, report.before));
  if (report.changes && report.changes.length > 0) {
    lines.push('### What each change bought', '', '| change | what it bought |', '|---|---|');
    for (const c of report.changes) lines.push(`| ${c.change} | ${c.bought} |`);
    lines.push('');
  }
  if (report.micro.length > 0) {
    const steps = report.micro[0].results.map((m) => m.name);
    const cell = (line: MicroLine, step: string) => {
      const m = line.results.find((r) => r.name === step);
      return m ? `${formatNs(m.meanNs)} (${formatNs(m.p99Ns)})` : '–';
    };
    lines.push(
      '### Per-error CPU (in-process, no HTTP)',
      '',
      'The pure parts on each measured Node line (a process of its own per line), timed with tinybench: exception → envelope ' +
        '(`normalizeException` + `formatEnvelope`, default options) and class-validator errors → field map (`flattenValidationErrors`). ' +
        'Mean time per call, p99 in brackets.',
      '',
      `| step | ${report.micro.map((line) => `Node ${line.version}`).join(' | ')} |`,
      `|---|${report.micro.map(() => '--:').join('|')}|`,
      ...steps.map((step) => `| ${step} | ${report.micro.map((line) => cell(line, step)).join(' | ')} |`),
      '',
    );
  }
  lines.push(...RERUN);
  return `${lines.join('\n')}\n`;
}

/**
 * Cores other processes may keep busy on average for a run still to count as
 * alone: kernel threads and an idle shell stay under it; over an hour's run,
 * so does no more than about a minute of one other busy core.
 */
const OTHER_WORK_LIMIT_CORES = 0.02;

/**
 * How busy the machine was: a ratio measured while other work ran is
 * weaker evidence, and the section says so instead of hiding it. Judged
 * by the CPU time processes outside the bench used over the run (Linux);
 * the load average, which counts the bench's own processes and their
 * helper threads too, is shown beside it, and judges only where /proc
 * cannot be read.
 */
function renderLoad(env: BenchEnvironment): string[] {
  const end = env.loadEnd ?? env.loadStart;
  const load = `the 1-minute load average was ${env.loadStart.toFixed(1)} → ${end.toFixed(1)} on ${env.cores} cores`;
  const other = env.otherWork;
  const alone = other ? other.cores <= OTHER_WORK_LIMIT_CORES : Math.max(env.loadStart, end) <= env.cores;
  const outside = other
    ? `processes outside the bench used ${other.cores.toFixed(2)} cores on average over the run (${load})`
    : load;
  const steal =
    other && other.stealCores >= 0.01
      ? ` The hypervisor held back ${((other.stealCores / env.cores) * 100).toFixed(1)}% of this VM's CPU time (steal), which slows every app alike.`
      : '';
  if (alone) {
    return [
      `No other work ran: ${outside}; the bench keeps about two cores busy itself (the measured app with its helper ` +
        `threads, and autocannon).${steal}`,
      '',
    ];
  }
  return [
    `**This run shared the machine**: ${outside}, so the apps got a fraction of a core each and req/s swung ` +
      'between rounds far more than the module\'s cost. Paired rounds cancel slow drift, not that: where a row\'s ' +
      'min–max straddles its target, the verdict is not conclusive either way, and the server CPU per request (less ' +
      `sensitive to sharing) is the better guide. A miss still stays a miss in the tables.${steal}`,
    '',
  ];
}

/** One row per Node line and adapter: every target, pass or miss. */
function renderGlance(report: readonly LineInput[]): string[] {
  const routes = report[0]?.summaries.filter((s) => s.platform === 'express').map((s) => s.route) ?? [];
  const lines = [
    '### Targets at a glance',
    '',
    `| Node | adapter | ${routes.map((r) => `${r.label} (≥ ${r.target.toFixed(2)})`).join(' | ')} | extra RSS at rest / peak | soak | noise floor: second bare ÷ bare, medians |`,
    `|---|---|${routes.map(() => '--:|').join('')}--:|---|--:|`,
  ];
  for (const line of report) {
    for (const platform of ['express', 'fastify'] as const) {
      const cells = routes.map((route) => {
        const s = line.summaries.find((x) => x.platform === platform && x.route.name === route.name);
        return s ? `${s.ratio.median.toFixed(3)} ${mark(passes(s))}` : 'n/a';
      });
      const memory = line.memory.find((m) => m.platform === platform);
      const mem = memory
        ? `${formatMiB(memory.moduleRest - memory.bareRest, true)} / ${formatMiB(memory.modulePeak - memory.barePeak, true)} ` +
          mark(memoryPasses(memory).rest && memoryPasses(memory).peak)
        : 'n/a';
      const soak = line.soak?.find((s) => s.app.startsWith(platform));
      lines.push(
        `| ${line.node.major} | ${cap(platform)} | ${cells.join(' | ')} | ${mem} | ${soak ? mark(soak.pass) : 'not run'} | ${controlSpan(line, platform)} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

/** The lowest and highest control median of an adapter's paths, or "not measured". */
function controlSpan(line: LineInput, platform: 'express' | 'fastify'): string {
  const medians = line.summaries
    .filter((s) => s.platform === platform && s.controlRatio)
    .map((s) => s.controlRatio?.median as number);
  if (medians.length === 0) return 'not measured';
  return `${Math.min(...medians).toFixed(3)}–${Math.max(...medians).toFixed(3)}`;
}

/** A probe's ratio with its server CPU per request, or `n/a`. */
function probeCell(ratio: RatioStats | undefined, cpu: number | undefined): string {
  return ratio ? `${ratio.median.toFixed(3)} (${cpu?.toFixed(1)} µs)` : 'n/a';
}

function renderLine(line: LineInput, beforeRef?: string): string[] {
  const extra = line.summaries.some((s) => s.noContextRatio);
  const before = line.summaries.some((s) => s.beforeRatio);
  const control = line.summaries.some((s) => s.controlRatio);
  const lines = [
    `### Node ${line.node.version} (NestJS ${line.nest})`,
    '',
    `| adapter | path | bare Nest req/s (p99) | with ErrorsModule req/s (p99) | module ÷ bare, median (min–max) | ` +
      `${control ? 'second bare ÷ bare (noise floor) | ' : ''}` +
      `${before ? `before (\`${beforeRef}\`) ÷ bare, same rounds | ` : ''}` +
      `${extra ? '`asyncContext: false` ÷ bare | bare + ALS ÷ bare | ' : ''}` +
      'server CPU µs/request: bare / module | target | result |',
    `|---|---|--:|--:|--:|${control ? '--:|' : ''}${before ? '--:|' : ''}${extra ? '--:|--:|' : ''}--:|--:|---|`,
  ];
  const misses: string[] = [];
  for (const s of line.summaries) {
    const ok = passes(s);
    if (!ok) misses.push(`- ${cap(s.platform)}, ${s.route.label}: ${explainMiss(s, line.profiles)}.`);
    lines.push(
      `| ${cap(s.platform)} | ${s.route.label} | ${rate(s.bareRps, s.bareP99)} | ${rate(s.moduleRps, s.moduleP99)} | ${ratioCell(s.ratio)} | ` +
        `${control ? `${s.controlRatio ? plainRatio(s.controlRatio) : 'n/a'} | ` : ''}` +
        `${before ? `${s.beforeRatio ? `${s.beforeRatio.median.toFixed(3)} (${s.beforeCpu?.toFixed(1)} µs)` : 'n/a'} | ` : ''}` +
        `${extra ? `${probeCell(s.noContextRatio, s.noContextCpu)} | ${probeCell(s.alsRatio, s.alsCpu)} | ` : ''}` +
        `${s.bareCpu.toFixed(1)} / ${s.moduleCpu.toFixed(1)} | ≥ ${s.route.target.toFixed(2)} | ${ok ? 'pass' : '**miss** (below)'} |`,
    );
  }
  lines.push('');
  if (control) {
    lines.push(
      '"Second bare ÷ bare" is the control: a second process of the same bare Nest app, measured in the same rounds ' +
        'as the other two. It sets no target; it shows how far two identical apps land apart on this machine, so a ' +
        'module ratio that far from its target, either way, is within the noise of this run.',
      '',
    );
  }
  if (extra) {
    lines.push(
      (line.node.major < 24
        ? `On Node ${line.node.major}, \`AsyncLocalStorage\` still runs on async_hooks: once one is active, every promise and ` +
          'async resource of the process pays a hook call. '
        : `On Node ${line.node.major}, \`AsyncLocalStorage\` runs on AsyncContextFrame, without async_hooks, but entering ` +
          'a context copies the frame, and every promise and async resource made inside carries it. ') +
        '"bare + ALS" is bare Nest with one `AsyncLocalStorage` switched ' +
        'on and no module: that price alone. "`asyncContext: false`" is the module without its async context ' +
        '(`getRequestId()` then answers only through `@RequestId()` and the request): its ratios are the module\'s own work' +
        (line.node.major < 24 ? ', to compare with the Node 24 table' : '') +
        '. Both show the server CPU per request beside the ratio. Neither sets a target; the default is what the target column judges.',
      '',
    );
  }
  if (misses.length > 0) lines.push('Misses, and why:', '', ...misses, '');
  const memoryControl = line.memory.some((m) => m.controlRest !== undefined);
  lines.push(
    `| adapter | RSS at rest, bare → module (Δ) | heap at rest, bare → module (Δ) | peak RSS, bare → module (Δ) | ` +
      `${memoryControl ? 'second bare − bare: at rest / peak (noise floor) | ' : ''}target | result |`,
    `|---|--:|--:|--:|${memoryControl ? '--:|' : ''}--:|---|`,
  );
  for (const m of line.memory) {
    const ok = memoryPasses(m);
    lines.push(
      `| ${cap(m.platform)} | ${formatMiB(m.bareRest)} → ${formatMiB(m.moduleRest)} (${formatMiB(m.moduleRest - m.bareRest, true)}) | ` +
        `${formatMiB(m.bareHeap)} → ${formatMiB(m.moduleHeap)} (${formatMiB(m.moduleHeap - m.bareHeap, true)}) | ` +
        `${formatMiB(m.barePeak)} → ${formatMiB(m.modulePeak)} (${formatMiB(m.modulePeak - m.barePeak, true)}) | ` +
        `${memoryControl ? `${m.controlRest === undefined || m.controlPeak === undefined ? 'n/a' : `${formatMiB(m.controlRest - m.bareRest, true)} / ${formatMiB(m.controlPeak - m.barePeak, true)}`} | ` : ''}` +
        `≤ ${formatMiB(MEMORY_TARGET_BYTES, true)} | ${ok.rest && ok.peak ? 'pass' : `**miss** (${ok.rest ? 'peak' : ok.peak ? 'at rest' : 'both'})`} |`,
    );
  }
  lines.push(
    '',
    'At rest: booted, each path answered once (the preflight), after two forced GCs. Peak: the process\'s maximum RSS ' +
      'over its round of load. Both are medians over the rounds\' fresh processes. RSS is judged; between two processes ' +
      'of the same app it varies by itself, the peak most (it depends on when the GC ran), so the heap is shown beside it.',
    '',
    ...renderHostile(line.hostile ?? []),
    ...renderSoak(line.soak),
  );
  return lines;
}

/** The hostile 422 of issue 9 on one line: bounded output and work, module vs bare Nest, per adapter. */
export function renderHostile(rows: readonly HostileRow[]): string[] {
  if (rows.length === 0) return [];
  const byApp = new Map(rows.map((row) => [row.app, row]));
  const members = formatInt(rows[0].members);
  const lines = [
    `Hostile 422: one body, \`{"name":"Core","members":[{},{},…]}\` with ${members} empty objects (3 bytes each; ` +
      'both variants accept JSON up to 1 MB), posted to a DTO route whose members are validated ' +
      '(`@ValidateNested({ each: true })`, two rules each), one request at a time after one warm-up; medians. Bare Nest ' +
      'answers 400 with its message list, cut by its `maxErrorMessagesLength` (1,000,000 characters); the module answers ' +
      '422 with the first 100 fields. Server CPU is the app process\'s user + system time for the request.',
    '',
    '| adapter | bare Nest: status, body bytes | bare Nest: server CPU ms (wall ms) | module: status, body bytes | module: server CPU ms (wall ms) | module ÷ bare: bytes, CPU |',
    '|---|--:|--:|--:|--:|--:|',
  ];
  for (const platform of ['express', 'fastify'] as const) {
    const bare = byApp.get(`${platform}/bare`);
    const module = byApp.get(`${platform}/module`);
    if (!bare || !module) continue;
    lines.push(
      `| ${cap(platform)} | ${hostileStatus(bare)}, ${formatInt(bare.bytes)} | ${bare.cpuMs.toFixed(0)} (${bare.wallMs.toFixed(0)}) | ` +
        `${hostileStatus(module)}, ${formatInt(module.bytes)} | ${module.cpuMs.toFixed(0)} (${module.wallMs.toFixed(0)}) | ` +
        `${(module.bytes / bare.bytes).toFixed(3)}, ${(module.cpuMs / bare.cpuMs).toFixed(2)} |`,
    );
  }
  lines.push('');
  return lines;
}

const hostileStatus = (row: HostileRow) => (row.status === row.expected ? String(row.status) : `**${row.status}** (expected ${row.expected})`);

function renderSoak(soak: readonly SoakResult[] | undefined): string[] {
  if (!soak) {
    return [
      'No soak on this line in this run: a full run soaks the target lines, Node 24 and 26 ' +
        '(`npm run bench -- --soak --node 22` runs it alone).',
      '',
    ];
  }
  return [
    `Soak: ${formatInt(soak[0]?.requests ?? 0)} requests per module app across all six paths, each with its own ` +
      '`x-request-id`, after a warm-up; heap and RSS read after forced GC (`--expose-gc`) at start and end. ' +
      `Flat heap: growth ≤ ${formatMiB(SOAK_HEAP_NOISE_BYTES)} (5 bytes per request), where a leaked request context or ` +
      'log line would pile up. RSS is shown, not judged (the allocator keeps or returns pages as it likes).',
    '',
    '| app | requests | heap used start → end (Δ) | RSS start → end (Δ) | result |',
    '|---|--:|--:|--:|---|',
    ...soak.map(
      (s) =>
        `| ${s.app} | ${formatInt(s.requests)} | ${formatMiB(s.start.heapUsed)} → ${formatMiB(s.end.heapUsed)} (${formatMiB(s.end.heapUsed - s.start.heapUsed, true)}) | ` +
        `${formatMiB(s.start.rss)} → ${formatMiB(s.end.rss)} (${formatMiB(s.end.rss - s.start.rss, true)}) | ` +
        `${s.pass ? 'pass' : `**miss**${s.unexpected ? `: ${s.unexpected} unexpected responses` : ': the heap grew beyond noise'}`} |`,
    ),
    '',
  ];
}

const RERUN = [
  '### Rerunning it',
  '',
  '```bash',
  'npm run bench -- --node 22,24,26  # full run (about 71 minutes on 2 cores); rewrites this section and bench/results',
  'npm run bench                     # Node 24 only',
  'npm run bench -- --cpu-prof       # CPU profiles of every path, bare vs module: bench/profiles/node24/SUMMARY.md',
  'npm run bench -- --soak           # only the soak (200,000 requests per module app), printed',
  'npm run bench -- --smoke          # one short round on every path, for CI: exits 1 on any unexpected status',
  'npm run bench -- --hostile        # only the hostile 422 (100,000 empty members), printed',
  'npm run bench -- --rounds 9 --duration 4 --slices 16 --only success,router-404 --no-soak',
  'npm run bench -- --node 26 --rounds 3 --no-soak --no-write  # a quick look: printed, nothing written',
  'npm run bench -- --async-context --only success --no-soak --no-write  # the async-context rows of Node 22 on Node 24 too',
  'npm run bench -- --instructions --node 24,22  # CPU instructions per request (valgrind, about 45 minutes a line): the instruction table',
  'npm run bench -- --instructions --only unexpected-500  # those paths counted into the line\'s table, added or replaced (same Node, NestJS and counts)',
  '```',
  '',
  'Node 24 is the binary of compat/nest12 (`npm ci` there, as `npm run test:nest12` does); Node 22 and 26 come from ' +
    'bench/node-lines (`node22@npm:node@22.23.3`, `node26@npm:node@26.10.0`), installed on first use. Run it on an ' +
    'otherwise idle machine; the paired rounds absorb drift, not a second workload. `--quiet-logs` silences the Nest ' +
    'logger in all apps alike; by default both variants log each 500 (to /dev/null).',
];

function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(3)));
}

function formatNs(ns: number): string {
  return ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
}
