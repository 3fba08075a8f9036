// The CI matrix beyond `npm test`: NestJS 11 and 12 on the Node lines users
// run (22, 24, 26), each binary from the `node` npm package (compat/node and
// compat/nest12), each with the runner that can load it.
//
//   node scripts/matrix.js <22|24|26> <nest11|nest12|fixture> [jest args…]
//
//   nest11   the whole Jest suite on NestJS 11 (CommonJS)
//   nest12   the whole Jest suite on NestJS 12: Jest loads NestJS 12 (ESM-only)
//            through --experimental-vm-modules, which needs Node >= 24.9
//   fixture  compat/vitest-app (NestJS 12, ESM, Vitest) on the packed package
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const binaries = {
  22: path.join(root, 'compat', 'node', 'node_modules', 'node22', 'bin', 'node'),
  24: path.join(root, 'compat', 'nest12', 'node_modules', 'node', 'bin', 'node'),
  26: path.join(root, 'compat', 'node', 'node_modules', 'node26', 'bin', 'node'),
};

const [line, target, ...rest] = process.argv.slice(2);
const node = binaries[line];
if (!node || !['nest11', 'nest12', 'fixture'].includes(target)) {
  console.error('usage: node scripts/matrix.js <22|24|26> <nest11|nest12|fixture> [args…]');
  process.exit(2);
}
for (const dir of [path.join(root, 'compat', 'node'), path.join(root, 'compat', 'nest12')]) {
  if (existsSync(path.join(dir, 'node_modules'))) continue;
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`== ${target} on Node ${version}`);

function run(args, env = {}) {
  const result = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.exit(result.status ?? 1);
}

const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
if (target === 'nest11') run([jest, '--config', 'jest.config.js', ...rest]);
if (target === 'fixture') run([path.join(root, 'scripts', 'fixture-app.mjs'), '--node', node, ...rest]);
if (target === 'nest12') {
  const [major, minor] = version.slice(1).split('.').map(Number);
  if (major < 24 || (major === 24 && minor < 9)) {
    console.error(`Jest cannot load NestJS 12 (ESM-only) on Node ${version}: it needs Node >= 24.9. Use "fixture" (Vitest) on this line.`);
    process.exit(2);
  }
  run([path.join(root, 'scripts', 'nest12.js'), ...rest], { NEST12_NODE: node });
}
