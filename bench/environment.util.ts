import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** Where and how a run was measured, printed with every table. */
export interface BenchEnvironment {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  /** The runner's Node (autocannon); the apps run on the measured lines. */
  readonly runner: string;
  readonly nest: string;
  readonly express: string;
  readonly fastify: string;
  readonly classValidator: string;
  readonly autocannon: string;
  readonly connections: number;
  readonly rounds: number;
  readonly duration: number;
  /** Slices each app's `duration` is split into, the apps taking turns. */
  readonly slices: number;
  readonly warmup: number;
  /** 1-minute load average when the run started, and when it ended (set by the runner). */
  readonly loadStart: number;
  readonly loadEnd?: number;
  /** One sentence saying whether the apps log their 500s. */
  readonly logging: string;
}

export function describeEnvironment(settings: {
  connections: number;
  rounds: number;
  duration: number;
  slices: number;
  warmup: number;
  quietLogs: boolean;
}): BenchEnvironment {
  const cpu = cpus()[0]?.model.trim() || 'unknown CPU';
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu,
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`,
    os: `${type()} ${release()}`,
    runner: process.version,
    nest: version('@nestjs/core', NEST12),
    express: version('@nestjs/platform-express', NEST12),
    fastify: version('@nestjs/platform-fastify', NEST12),
    classValidator: version('class-validator'),
    autocannon: version('autocannon'),
    ...settings,
    loadStart: loadavg()[0],
    logging: settings.quietLogs
      ? 'The Nest logger is silenced in every app alike (`--quiet-logs`), so the 500 rows measure the filters without logging.'
      : 'Logging is on in every app alike: on the 500 path both Nest\'s default filter and the module log the error ' +
        'with its stack once per request, written to /dev/null, so the 500 rows include the cost of logging.',
  };
}

/** The overlay the bench apps load NestJS 12 from (bench/dist/bench → project). */
const NEST12 = join(__dirname, '../../../compat/nest12/node_modules');

function version(name: string, from?: string): string {
  try {
    const file = from ? join(from, name, 'package.json') : `${name}/package.json`;
    return (JSON.parse(readFileSync(from ? file : require.resolve(file), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
