import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Builds the package (`tsconfig.build.json`) into a fresh folder inside
 * `node_modules/.cache`, so the build resolves the installed peers as an
 * app's copy would. Returns the folder; the caller removes it.
 */
export function buildPackage(prefix: string): string {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, prefix));
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      out,
    ],
    { cwd: root },
  );
  return out;
}
