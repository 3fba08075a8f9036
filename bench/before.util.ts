import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `--before <ref>`: the module's src/ as it was at a git ref (say, main
 * before issue 11), compiled beside the bench, so the same run measures
 * before and after in the same paired rounds. Returns the compiled src
 * directory the bench apps load with `--module-dir`.
 */
export function buildBefore(projectRoot: string, ref: string, log: (line: string) => void): string {
  const dir = join(projectRoot, 'bench/dist/before');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const commit = execFileSync('git', ['-C', projectRoot, 'rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  log(`building the module as of ${ref} (${commit}) for the "before" rows`);
  const archive = execFileSync('git', ['-C', projectRoot, 'archive', ref, 'src'], { maxBuffer: 64 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(projectRoot, 'tsconfig.json'),
      compilerOptions: { rootDir: 'src', outDir: 'out', declaration: false, types: ['node'], paths: {} },
      include: ['src'],
      exclude: ['src/**/*.spec.ts', 'src/testing'],
    }),
  );
  execFileSync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], {
    stdio: 'inherit',
  });
  return join(dir, 'out');
}
