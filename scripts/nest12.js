// Runs the Jest suite against NestJS 12. Nest 12 is ESM-only; Jest loads it on
// Node >= 24.9 with --experimental-vm-modules, so the overlay in compat/nest12
// carries both NestJS 12 and a Node 24 binary (the `node` npm package).
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const overlay = path.join(root, 'compat', 'nest12');
// NEST12_NODE: another binary (scripts/matrix.js runs this on Node 26 too).
const nodeBin = process.env.NEST12_NODE || path.join(overlay, 'node_modules', 'node', 'bin', 'node');

if (!existsSync(path.join(overlay, 'node_modules', 'node', 'bin', 'node'))) {
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: overlay, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const run = spawnSync(nodeBin, [jest, '--config', 'jest.config.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NEST_MAJOR: '12',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' '),
  },
});
process.exit(run.status ?? 1);
