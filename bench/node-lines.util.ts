import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Node release lines the bench can run its apps on. */
export const NODE_LINES = [22, 24, 26] as const;
export type NodeMajor = (typeof NODE_LINES)[number];

/** One Node binary the apps run on. */
export interface NodeLine {
  readonly major: NodeMajor;
  /** Absolute path of the binary. */
  readonly path: string;
  /** `24.21.0`. */
  readonly version: string;
}

/**
 * Where each line's binary comes from, all npm-installed (the `node` package
 * downloads the binary in its preinstall script):
 * - 24: compat/nest12, the same binary the NestJS 12 test run uses;
 * - 22 and 26: bench/node-lines (`node22@npm:node@22.23.3`,
 *   `node26@npm:node@26.10.0`), installed with `npm ci` on first use, so a
 *   plain `npm ci` of the project downloads neither.
 */
function binaryOf(projectRoot: string, major: NodeMajor): { path: string; install: string } {
  if (major === 24) {
    const dir = join(projectRoot, 'compat/nest12');
    return { path: join(dir, 'node_modules/node/bin/node'), install: dir };
  }
  const dir = join(projectRoot, 'bench/node-lines');
  return { path: join(dir, `node_modules/node${major}/bin/node`), install: dir };
}

/** Parses `--node 22,24` (or `22|24`); throws on a line the bench does not know. */
export function parseNodeLines(value: string | undefined): NodeMajor[] {
  const majors = (value ?? '24').split(/[,|\s]+/).filter(Boolean).map(Number);
  for (const major of majors) {
    if (!NODE_LINES.includes(major as NodeMajor)) throw new Error(`--node ${major}: the bench knows ${NODE_LINES.join(', ')}`);
  }
  return [...new Set(majors as NodeMajor[])];
}

/** The binary of each requested line, installing it (`npm ci`) when missing. */
export function resolveNodeLines(projectRoot: string, majors: readonly NodeMajor[], log: (line: string) => void): NodeLine[] {
  return majors.map((major) => {
    const { path, install } = binaryOf(projectRoot, major);
    if (!existsSync(path) || !existsSync(join(projectRoot, 'compat/nest12/node_modules/@nestjs/core'))) {
      for (const dir of new Set([install, join(projectRoot, 'compat/nest12')])) {
        log(`installing ${dir} (npm ci): Node ${major} and NestJS 12 for the bench apps`);
        const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
        if (run.status !== 0) throw new Error(`npm ci in ${dir} failed (${run.status})`);
      }
    }
    const version = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    if (!version.startsWith(`${major}.`)) throw new Error(`${path} is not Node ${major} (${version || 'no output'})`);
    return { major, path, version };
  });
}
