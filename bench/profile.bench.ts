import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { BenchApp } from './bench-app.util';
import type { BenchRoute } from './bench.routes';
import { runLoad } from './load.util';
import type { NodeLine } from './node-lines.util';

/** A V8 `.cpuprofile` (Profiler.stop's result), as far as the summary reads it. */
interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where the CPU of one app on one path went, per request. */
export interface ProfileSummary {
  readonly platform: 'express' | 'fastify';
  readonly route: string;
  readonly variant: 'bare' | 'module';
  readonly file: string;
  readonly requests: number;
  /** Sampled CPU (idle excluded), µs per request. */
  readonly cpuPerRequest: number;
  /** Time in the module's own functions (self), µs per request. */
  readonly moduleSelf: number;
  /** Time in the module's functions and the Node/V8 built-ins they call, µs per request. */
  readonly moduleTotal: number;
  /** The module's functions by self time, µs per request, highest first. */
  readonly top: ReadonlyArray<{ name: string; self: number; total: number }>;
}

/** Node's HTTP response and socket code: the cost of sending bytes, paid by every app. */
const TRANSPORT = /^node:(?:_http_outgoing|_http_server|net|internal\/(?:streams|stream_base_commons|net))/;

/** Which frames are the module's: its compiled src/ inside bench/dist. */
const MODULE_FILES = /\/bench\/dist\/src\//;

/**
 * `--cpu-prof`: for each adapter, path and variant (bare Nest, the module),
 * profiles only the loaded period (the V8 profiler over node:inspector,
 * started and stopped over IPC after a warm-up, 100 µs sampling), writes the
 * `.cpuprofile` (open it in Chrome DevTools or speedscope) and summarizes the
 * module's share: self and total time of its functions per request.
 */
export async function runProfiles(
  node: NodeLine,
  routes: readonly BenchRoute[],
  options: { dir: string; seconds: number; warmup: number; connections: number; quiet: boolean; projectRoot: string; log: (line: string) => void },
): Promise<ProfileSummary[]> {
  const dir = join(options.dir, `node${node.major}`);
  mkdirSync(dir, { recursive: true });
  const summaries: ProfileSummary[] = [];
  for (const platform of ['express', 'fastify'] as const) {
    for (const variant of ['bare', 'module'] as const) {
      const app = await BenchApp.start({ platform, variant, node }, options);
      try {
        for (const route of routes) {
          await runLoad(app.url, [route], { duration: options.warmup, connections: options.connections });
          const file = join(dir, `${platform}-${route.name}-${variant}.cpuprofile`);
          await app.profileStart();
          const load = await runLoad(app.url, [route], { duration: options.seconds, connections: options.connections });
          await app.profileStop(file);
          const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, load.requests);
          summaries.push({ platform, route: route.name, variant, file: relative(options.projectRoot, file), requests: load.requests, ...summary });
          options.log(
            `profile node${node.major} ${platform}/${variant} ${route.name.padEnd(14)} ${summary.cpuPerRequest.toFixed(1)} µs/req, ` +
              `module ${summary.moduleSelf.toFixed(1)} self / ${summary.moduleTotal.toFixed(1)} total`,
          );
        }
      } finally {
        await app.stop();
      }
    }
  }
  writeFileSync(join(dir, 'SUMMARY.md'), renderProfiles(node, summaries));
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify({ node: node.version, summaries }, null, 2)}\n`);
  options.log(`wrote ${relative(options.projectRoot, join(dir, 'SUMMARY.md'))}`);
  return summaries;
}

/** Self and total time per function of the module's files, per request. */
export function summarizeProfile(
  profile: CpuProfile,
  requests: number,
): Pick<ProfileSummary, 'cpuPerRequest' | 'moduleSelf' | 'moduleTotal' | 'top'> {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const key = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.replace(/^.*\/bench\/dist\/src\//, 'src/').replace(/\.js$/, '.ts');
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  const isModule = (id: number) => MODULE_FILES.test(byId.get(id)!.callFrame.url);
  // Node's own code and V8 builtins: they count for whoever called them.
  const isBuiltin = (id: number) => {
    const url = byId.get(id)!.callFrame.url;
    return url === '' || url.startsWith('node:');
  };
  let busy = 0;
  let moduleSelf = 0;
  let moduleTotal = 0;
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  for (const [id, micros] of self) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    busy += micros;
    if (isModule(id)) {
      moduleSelf += micros;
      fnSelf.set(key(id), (fnSelf.get(key(id)) ?? 0) + micros);
    }
    // The module's own cost: a sample whose nearest non-builtin frame is the
    // module's. Time in Express, Fastify or Nest called back from the module
    // (the request-id hook's next(), the write) is theirs, as in bare Nest.
    // Writing to the socket is the transport's, whoever calls it: bare Nest writes too.
    let owner: number | undefined = id;
    let transport = false;
    while (owner !== undefined && isBuiltin(owner)) {
      transport ||= TRANSPORT.test(byId.get(owner)!.callFrame.url);
      owner = parent.get(owner);
    }
    if (transport || owner === undefined || !isModule(owner)) continue;
    moduleTotal += micros;
    // Total per function: every module function on the stack gets it once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (!isModule(at) || seen.has(key(at))) continue;
      seen.add(key(at));
      fnTotal.set(key(at), (fnTotal.get(key(at)) ?? 0) + micros);
    }
  }
  const per = (micros: number) => micros / Math.max(requests, 1);
  const names = new Set([...fnSelf.keys(), ...fnTotal.keys()]);
  const top = [...names]
    .map((name) => ({ name, self: per(fnSelf.get(name) ?? 0), total: per(fnTotal.get(name) ?? 0) }))
    .sort((a, b) => b.total - a.total || b.self - a.self)
    .slice(0, 12);
  return { cpuPerRequest: per(busy), moduleSelf: per(moduleSelf), moduleTotal: per(moduleTotal), top };
}

/** SUMMARY.md next to the profiles. */
export function renderProfiles(node: NodeLine, summaries: readonly ProfileSummary[]): string {
  const lines = [
    `# CPU profiles, Node ${node.version}`,
    '',
    'Generated by `npm run bench -- --cpu-prof` (bench/profile.bench.ts): the V8 profiler over the loaded period only, ' +
      '100 µs sampling. Sampled CPU per request of bare Nest and the module; "module" columns: time in the module\'s own ' +
      'functions (self), and in them plus the Node and V8 built-ins they call (total; what Express, Fastify or Nest ' +
      'do when the module calls back into them is theirs, and writing to the socket is the transport\'s, as in bare Nest), ' +
      'µs per request. Absolute numbers include the profiler\'s overhead and this machine\'s load: compare rows, not runs.',
    '',
    '| adapter | path | bare µs/req | module µs/req | Δ | module self | module total |',
    '|---|---|--:|--:|--:|--:|--:|',
  ];
  const pairs = pairUp(summaries);
  for (const { bare, mod } of pairs) {
    lines.push(
      `| ${mod.platform} | ${mod.route} | ${bare.cpuPerRequest.toFixed(1)} | ${mod.cpuPerRequest.toFixed(1)} | ` +
        `${(mod.cpuPerRequest - bare.cpuPerRequest).toFixed(1)} | ${mod.moduleSelf.toFixed(2)} | ${mod.moduleTotal.toFixed(2)} |`,
    );
  }
  for (const { mod } of pairs) {
    lines.push('', `## ${mod.platform} ${mod.route} (${mod.file})`, '', '| module function | self µs/req | total µs/req |', '|---|--:|--:|');
    for (const fn of mod.top) lines.push(`| \`${fn.name}\` | ${fn.self.toFixed(2)} | ${fn.total.toFixed(2)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function pairUp(summaries: readonly ProfileSummary[]): Array<{ bare: ProfileSummary; mod: ProfileSummary }> {
  const pairs = [];
  for (const mod of summaries.filter((s) => s.variant === 'module')) {
    const bare = summaries.find((s) => s.variant === 'bare' && s.platform === mod.platform && s.route === mod.route);
    if (bare) pairs.push({ bare, mod });
  }
  return pairs;
}

/** The profile summaries of the last `--cpu-prof` run on a line, if any. */
export function loadProfiles(dir: string, major: number): ProfileSummary[] {
  try {
    return (JSON.parse(readFileSync(join(dir, `node${major}`, 'summary.json'), 'utf8')) as { summaries: ProfileSummary[] }).summaries;
  } catch {
    return [];
  }
}
