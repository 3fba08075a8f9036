import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** Messages the bench runner sends to an app process over IPC. */
export type AdminRequest =
  | { type: 'stats'; gc: boolean }
  /** Starts the V8 CPU profiler (node:inspector), 100 µs sampling. */
  | { type: 'profile-start' }
  /** Stops it and writes the `.cpuprofile` to `file`. */
  | { type: 'profile-stop'; file: string };

/** What an app process reports back. */
export type AdminMessage =
  | { type: 'ready'; port: number; node: string; nest: string }
  | { type: 'profiled'; file: string }
  | { type: 'failed'; error: string }
  | {
      type: 'stats';
      rss: number;
      heapUsed: number;
      heapTotal: number;
      external: number;
      maxRss: number;
      /** CPU time the process used so far (user + system), µs. */
      cpu: number;
    };

/**
 * Tells the runner the app listens on `port` and answers its admin requests:
 * `stats` (optionally after two forced GCs, which needs `--expose-gc`) reads
 * `process.memoryUsage()`, the peak RSS and the CPU time used so far. Admin traffic goes over IPC, never
 * over the measured HTTP server. The process exits when the runner goes away,
 * so nothing outlives a benchmark.
 */
export function serveAdmin(port: number, nest = 'none'): void {
  if (!process.send) throw new Error('Bench apps are started by bench/bench.main.ts over IPC.');
  process.on('message', (message: AdminRequest) => {
    if (message.type === 'profile-start') return startProfile();
    if (message.type === 'profile-stop') return stopProfile(message.file);
    if (message.type !== 'stats') return;
    if (message.gc) collectGarbage();
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({
      type: 'stats',
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      maxRss: process.resourceUsage().maxRSS * 1024,
      cpu: cpu.user + cpu.system,
    });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port, node: process.versions.node, nest });
}

let session: Session | undefined;

/** The profiler runs only between the runner's start and stop: boot and warm-up stay out of it. */
function startProfile(): void {
  session = new Session();
  session.connect();
  session.post('Profiler.enable', () =>
    session!.post('Profiler.setSamplingInterval', { interval: 100 }, () =>
      session!.post('Profiler.start', () => send({ type: 'profiled', file: '' })),
    ),
  );
}

function stopProfile(file: string): void {
  if (!session) throw new Error('profile-stop without profile-start');
  session.post('Profiler.stop', (error, result) => {
    if (error) throw error;
    writeFileSync(file, JSON.stringify(result.profile));
    session!.disconnect();
    session = undefined;
    send({ type: 'profiled', file });
  });
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Start bench apps with --expose-gc.');
  // Twice: the first pass can leave objects that only die in the next one.
  gc();
  gc();
}

function send(message: AdminMessage): void {
  process.send!(message);
}

/** Reports a failed boot to the runner (stderr goes to /dev/null) and exits. */
export function failBoot(error: unknown): void {
  const text = String((error as Error)?.stack ?? error);
  if (process.send) process.send({ type: 'failed', error: text } satisfies AdminMessage, () => process.exit(1));
  else {
    process.stderr.write(`${text}\n`);
    process.exit(1);
  }
}
