import type { BenchApp } from './bench-app.util';
import type { Unexpected } from './throughput.bench';

/** Empty members in the hostile body of a full run: about 300 KB. */
export const HOSTILE_MEMBERS = 100_000;

/** The name the hostile 422 goes by in unexpected-status lines. */
export const HOSTILE_ROUTE = 'hostile-422';

/** Members per app in a run: a tenth of the full body in `--smoke`, which only checks the statuses. */
export function hostileMembers(smoke: boolean): number {
  return smoke ? HOSTILE_MEMBERS / 10 : HOSTILE_MEMBERS;
}

/** `{"name":"Core","members":[{},{},…]}` with `members` empty objects. */
export function hostileBody(members: number): string {
  return `{"name":"Core","members":[${'{},'.repeat(members - 1)}{}]}`;
}

/** One app's answers to the hostile 422, medians over the requests. */
export interface HostileRow {
  readonly app: string;
  /** Empty members in the body. */
  readonly members: number;
  readonly status: number;
  /** The status this variant must answer: 422 for the module, 400 for bare Nest. */
  readonly expected: number;
  /** Response body size, bytes. */
  readonly bytes: number;
  /** Wall time of one request, ms. */
  readonly wallMs: number;
  /** Server CPU (user + system) per request, ms. */
  readonly cpuMs: number;
}

/**
 * The hostile 422 of issue 9: each app gets the same body `requests` times
 * (`members` empty members: 100,000 in a full run, 10,000 in --smoke),
 * one at a time (it is CPU-bound; parallel requests would only queue), after
 * one warm-up request. Server CPU comes from the app process itself.
 */
export async function runHostile(
  apps: readonly BenchApp[],
  options: { requests: number; members: number; log: (line: string) => void },
): Promise<HostileRow[]> {
  const body = hostileBody(options.members);
  const rows: HostileRow[] = [];
  for (const app of apps) {
    await send(app, body);
    const walls: number[] = [];
    const cpus: number[] = [];
    let last = { status: 0, bytes: 0 };
    for (let i = 0; i < options.requests; i++) {
      const before = (await app.stats(false)).cpu;
      const started = performance.now();
      last = await send(app, body);
      walls.push(performance.now() - started);
      cpus.push(((await app.stats(false)).cpu - before) / 1000);
    }
    const row = { app: app.name, members: options.members, expected: hostileExpected(app), ...last, wallMs: median(walls), cpuMs: median(cpus) };
    options.log(
      `  ${row.app.padEnd(18)} ${row.status}${row.status === row.expected ? '' : ` (expected ${row.expected})`} ${String(row.bytes).padStart(9)} bytes ${row.wallMs.toFixed(0).padStart(6)} ms wall ${row.cpuMs.toFixed(0).padStart(6)} ms CPU`,
    );
    rows.push(row);
  }
  return rows;
}

/** The status each variant must answer: 422 (the module's bounded envelope), 400 (bare Nest's message list). */
export function hostileExpected(app: BenchApp): number {
  return app.spec.variant === 'module' ? 422 : 400;
}

/** Rows whose status was not the expected one, as unexpected responses (they fail the run, `--smoke` included). */
export function hostileUnexpected(rows: readonly HostileRow[]): Unexpected[] {
  return rows
    .filter((row) => row.status !== row.expected)
    .map((row) => ({ app: row.app, route: HOSTILE_ROUTE, expected: row.expected, status: row.status, count: 1 }));
}

async function send(app: BenchApp, body: string): Promise<{ status: number; bytes: number }> {
  const response = await fetch(`${app.url}/teams`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(60_000),
  });
  const answer = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: answer.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
