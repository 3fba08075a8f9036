import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { AdminMessage } from './apps/admin.util';
import type { Variant } from './bench.routes';

/** Memory of an app process, in bytes. */
export type MemoryStats = Omit<Extract<AdminMessage, { type: 'stats' }>, 'type'>;

/** Which app to start: the node:http ceiling, or a Nest variant on one adapter. */
export interface AppSpec {
  readonly variant: Variant;
  readonly platform: 'node' | 'express' | 'fastify';
}

const BOOT_TIMEOUT_MS = 30_000;
const ADMIN_TIMEOUT_MS = 10_000;

/**
 * One bench app in its own process on 127.0.0.1 (a free port picked by the
 * OS), started with `--expose-gc` and an IPC channel for memory stats. Its
 * stdout/stderr go to /dev/null, so logging costs what a write costs, not
 * what a terminal costs.
 */
export class BenchApp {
  private constructor(
    readonly spec: AppSpec,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  /** Short name for tables: `express/module`, `node/plain`. */
  get name(): string {
    return `${this.spec.platform}/${this.spec.variant}`;
  }

  static async start(spec: AppSpec, options: { quiet: boolean }): Promise<BenchApp> {
    const script =
      spec.variant === 'plain' ? join(__dirname, 'apps/plain-http.main.js') : join(__dirname, 'apps/nest-app.main.js');
    const args = spec.variant === 'plain' ? [] : [spec.variant, spec.platform, ...(options.quiet ? ['--quiet'] : [])];
    const child = fork(script, args, {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const port = await waitForReady(child, `${spec.platform}/${spec.variant}`);
    return new BenchApp(spec, `http://127.0.0.1:${port}`, child);
  }

  /** Memory now; after two forced GCs when `gc` is true. */
  stats(gc: boolean): Promise<MemoryStats> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no stats within ${ADMIN_TIMEOUT_MS} ms`)), ADMIN_TIMEOUT_MS);
      const onMessage = (message: AdminMessage): void => {
        if (message.type !== 'stats') return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        const { type: _type, ...stats } = message;
        resolve(stats);
      };
      this.child.on('message', onMessage);
      this.child.send({ type: 'stats', gc });
    });
  }

  /** Ends the process (closing IPC makes it exit; SIGKILL if it lingers). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Resolves with the app's port; a failed boot reports its error over IPC. */
function waitForReady(child: ChildProcess, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let booted = false;
    let reason = '';
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start: ${why}${reason ? `\n${reason}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no ready message within ${BOOT_TIMEOUT_MS} ms`), BOOT_TIMEOUT_MS);
    child.once('exit', (code) => {
      if (!booted) fail(`exited with code ${code}`);
    });
    child.on('message', (message: AdminMessage) => {
      if (message.type === 'failed') reason = message.error;
      if (message.type !== 'ready') return;
      booted = true;
      clearTimeout(timer);
      resolve(message.port);
    });
  });
}
