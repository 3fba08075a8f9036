/** Messages the bench runner sends to an app process over IPC. */
export type AdminRequest = { type: 'stats'; gc: boolean };

/** What an app process reports back. */
export type AdminMessage =
  | { type: 'ready'; port: number }
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
export function serveAdmin(port: number): void {
  if (!process.send) throw new Error('Bench apps are started by bench/bench.main.ts over IPC.');
  process.on('message', (message: AdminRequest) => {
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
  send({ type: 'ready', port });
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
