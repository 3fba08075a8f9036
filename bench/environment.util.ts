import { readdirSync, readFileSync } from 'node:fs';
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
  /** The machine's CPU time and the bench's own when the run started (Linux; see `otherWork`). */
  readonly cpuStart?: CpuSample;
  /** What ran besides the bench over the whole run (set by the runner). */
  readonly otherWork?: OtherWork;
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
    cpuStart: sampleCpu(),
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

/** CPU time in clock ticks, summed over every core. */
export interface CpuSample {
  /** The machine's busy time: user, nice, system, irq and softirq. */
  readonly busy: number;
  /** The machine's time, busy or not (idle, iowait and steal included). */
  readonly total: number;
  /** Time the hypervisor gave other guests while this one wanted to run. */
  readonly steal: number;
  /** This process and its children, live or exited (the apps, their helper threads). */
  readonly own: number;
}

/** Average cores busy over a run outside the bench's own processes, and the hypervisor's steal. */
export interface OtherWork {
  readonly cores: number;
  readonly stealCores: number;
}

/**
 * The machine's and this process tree's CPU time, from /proc (Linux);
 * `undefined` elsewhere. A task's system time includes the interrupts and
 * softirqs it was interrupted by, so they count as the machine's busy time too.
 */
export function sampleCpu(): CpuSample | undefined {
  try {
    const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const busy = user + nice + system + irq + softirq;
    return { busy, total: busy + idle + iowait + steal, steal, own: treeTicks(process.pid) };
  } catch {
    return undefined;
  }
}

/** Between two samples: the cores other processes kept busy on average, and the steal. */
export function otherWorkBetween(start: CpuSample, end: CpuSample, cores: number): OtherWork {
  const elapsed = end.total - start.total;
  if (elapsed <= 0) return { cores: 0, stealCores: 0 };
  const others = Math.max(0, end.busy - start.busy - (end.own - start.own));
  return { cores: (others / elapsed) * cores, stealCores: ((end.steal - start.steal) / elapsed) * cores };
}

/** User and system ticks of a process, its reaped children and its live descendants. */
function treeTicks(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0; // exited meanwhile: its parent counts it once reaped
  }
  // After the command name, which may hold spaces: state is field 3, utime 14 … cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  let ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  for (const child of childrenOf(pid)) ticks += treeTicks(child);
  return ticks;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) children.push(...list.split(' ').map(Number));
    }
  } catch {
    // no children file (CONFIG_PROC_CHILDREN off) or the process exited
  }
  return children;
}
