import type { BenchApp } from './bench-app.util';

/** `{"name":"Core","members":[{},{},…]}`: 100,000 empty members, about 300 KB. */
export const HOSTILE_MEMBERS = 100_000;
export const HOSTILE_BODY = `{"name":"Core","members":[${'{},'.repeat(HOSTILE_MEMBERS - 1)}{}]}`;

/** One app's answers to the hostile 422, medians over the requests. */
export interface HostileRow {
  readonly app: string;
  readonly status: number;
  /** Response body size, bytes. */
  readonly bytes: number;
  /** Wall time of one request, ms. */
  readonly wallMs: number;
  /** Server CPU (user + system) per request, ms. */
  readonly cpuMs: number;
}

/**
 * The hostile 422 of issue 9: each app gets the same body `requests` times,
 * one at a time (it is CPU-bound; parallel requests would only queue), after
 * one warm-up request. Server CPU comes from the app process itself.
 */
export async function runHostile(
  apps: readonly BenchApp[],
  options: { requests: number; log: (line: string) => void },
): Promise<HostileRow[]> {
  const rows: HostileRow[] = [];
  for (const app of apps) {
    await send(app);
    const walls: number[] = [];
    const cpus: number[] = [];
    let last = { status: 0, bytes: 0 };
    for (let i = 0; i < options.requests; i++) {
      const before = (await app.stats(false)).cpu;
      const started = performance.now();
      last = await send(app);
      walls.push(performance.now() - started);
      cpus.push(((await app.stats(false)).cpu - before) / 1000);
    }
    const row = { app: app.name, ...last, wallMs: median(walls), cpuMs: median(cpus) };
    options.log(
      `  ${row.app.padEnd(18)} ${row.status} ${String(row.bytes).padStart(9)} bytes ${row.wallMs.toFixed(0).padStart(6)} ms wall ${row.cpuMs.toFixed(0).padStart(6)} ms CPU`,
    );
    rows.push(row);
  }
  return rows;
}

async function send(app: BenchApp): Promise<{ status: number; bytes: number }> {
  const response = await fetch(`${app.url}/teams`, {
    method: 'POST',
    body: HOSTILE_BODY,
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(60_000),
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: body.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
