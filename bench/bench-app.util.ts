import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { AdminMessage } from './apps/admin.util';
import type { Variant } from './bench.routes';
import type { NodeLine } from './node-lines.util';

/** Memory of an app process, in bytes. */
export type MemoryStats = Omit<Extract<AdminMessage, { type: 'stats' }>, 'type'>;

/** Which app to start: the node:http ceiling, or a Nest variant on one adapter. */
export interface AppSpec {
  readonly variant: Variant;
  readonly platform: 'node' | 'express' | 'fastify';
  /**
   * Bare Nest with an `AsyncLocalStorage` switched on and nothing else: shows
   * what Node's async context costs a Nest app by itself.
   */
  readonly alsProbe?: boolean;
  /**
   * A second bare Nest process, measured in the same rounds as the first:
   * bare ÷ bare, whose spread is this machine's noise floor for a ratio.
   */
  readonly control?: boolean;
  /** The module with `asyncContext: false` (an extra row, never the measured default). */
  readonly noAsyncContext?: boolean;
  /** The module built from another git ref (`--before`): its compiled src directory. */
  readonly before?: string;
  /** The Node line the app runs on (NestJS 12 through bench/apps/nest12.preload). */
  readonly node: NodeLine;
}

const BOOT_TIMEOUT_MS = 30_000;
const ADMIN_TIMEOUT_MS = 10_000;

/**
 * One bench app in its own process on 127.0.0.1 (a free port picked by the
 * OS), on its Node line's binary, started with `--expose-gc` and an IPC
 * channel for memory stats and profiling. Its stdout/stderr go to /dev/null,
 * so logging costs what a write costs, not what a terminal costs.
 */
export class BenchApp {
  private constructor(
    readonly spec: AppSpec,
    readonly url: string,
    /** `@nestjs/core` version the process loaded. */
    readonly nest: string,
    private readonly child: ChildProcess,
  ) {}

  /** Short name for tables: `express/module`, `fastify/module-noctx`. */
  get name(): string {
    return appName(this.spec);
  }

  static async start(spec: AppSpec, options: { quiet: boolean }): Promise<BenchApp> {
    const script =
      spec.variant === 'plain' ? join(__dirname, 'apps/plain-http.main.js') : join(__dirname, 'apps/nest-app.main.js');
    const flags = [
      ...(options.quiet ? ['--quiet'] : []),
      ...(spec.alsProbe ? ['--als-probe'] : []),
      ...(spec.noAsyncContext ? ['--no-async-context'] : []),
      ...(spec.before ? ['--module-dir', spec.before] : []),
    ];
    const args = spec.variant === 'plain' ? [] : [spec.variant, spec.platform, ...flags];
    const child = fork(script, args, {
      execArgv: ['--expose-gc', '--require', join(__dirname, 'apps/nest12.preload.js')],
      execPath: spec.node.path,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
    });
    const ready = await waitForReady(child, appName(spec));
    return new BenchApp(spec, `http://127.0.0.1:${ready.port}`, ready.nest, child);
  }

  /** Memory now; after two forced GCs when `gc` is true. */
  async stats(gc: boolean): Promise<MemoryStats> {
    const { type: _type, ...stats } = await this.ask({ type: 'stats', gc }, 'stats');
    return stats;
  }

  /** Starts the app's CPU profiler. */
  async profileStart(): Promise<void> {
    await this.ask({ type: 'profile-start' }, 'profiled');
  }

  /** Stops it and has the app write the `.cpuprofile` to `file`. */
  async profileStop(file: string): Promise<void> {
    await this.ask({ type: 'profile-stop', file }, 'profiled');
  }

  private ask<T extends AdminMessage['type']>(
    request: Parameters<NonNullable<ChildProcess['send']>>[0],
    answer: T,
  ): Promise<Extract<AdminMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no ${answer} within ${ADMIN_TIMEOUT_MS} ms`)), ADMIN_TIMEOUT_MS);
      const onMessage = (message: AdminMessage): void => {
        if (message.type !== answer) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(message as Extract<AdminMessage, { type: T }>);
      };
      this.child.on('message', onMessage);
      this.child.send(request);
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

/** `express/module`, `fastify/bare+als`, `fastify/module-noctx`, `express/before`. */
function appName(spec: AppSpec): string {
  if (spec.before) return `${spec.platform}/before`;
  return `${spec.platform}/${spec.variant}${spec.control ? '-control' : ''}${spec.alsProbe ? '+als' : ''}${spec.noAsyncContext ? '-noctx' : ''}`;
}

/** Resolves with the app's port; a failed boot reports its error over IPC. */
function waitForReady(child: ChildProcess, name: string): Promise<{ port: number; nest: string }> {
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
      resolve({ port: message.port, nest: message.nest });
    });
  });
}
