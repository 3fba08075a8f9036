// Runs compat/vitest-app, a NestJS 12 app laid out as `nest new` generates it
// (ESM, module nodenext, Vitest), against the package as published: the
// tarball of `npm pack`, unpacked into the app's node_modules.
//
//   node scripts/fixture-app.mjs [--node <path to a node binary>] [--no-build]
//
// 1. type-checks the app and its specs (module nodenext), and the README's
//    examples (Testing your app, Recipes, Migrating an existing app) as ESM
//    (module nodenext, "type": "module") and as CommonJS;
// 2. runs its e2e spec, which uses the testing kit: it must pass;
// 3. runs a spec failing on purpose and checks what Vitest prints: the
//    kit's report and Vitest's diff, not a TypeError.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'compat', 'vitest-app');
const args = process.argv.slice(2);
const nodeAt = args.indexOf('--node');
const node = nodeAt >= 0 ? resolve(args[nodeAt + 1]) : process.execPath;

function run(command, commandArgs, cwd, { allowFailure = false } = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (!allowFailure && result.status !== 0) {
    console.error(output);
    throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}`);
  }
  return { status: result.status, output };
}

const version = run(node, ['--version'], root).output.trim();
console.log(`== fixture app (NestJS 12, ESM, Vitest) on Node ${version}`);

if (!args.includes('--no-build')) run('npm', ['run', 'build'], root);
const packDir = mkdtempSync(join(tmpdir(), 'nestjs-api-errors-pack-'));
run('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], root);
const tarball = join(packDir, `nestjs-api-errors-${(await import(join(root, 'package.json'), { with: { type: 'json' } })).default.version}.tgz`);

if (!existsSync(join(app, 'node_modules'))) run('npm', ['ci', '--no-audit', '--no-fund'], app);
const installed = join(app, 'node_modules', 'nestjs-api-errors');
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
run('tar', ['-xzf', tarball, '--strip-components=1', '-C', installed], root);
rmSync(packDir, { recursive: true, force: true });

const bin = (pkg, file) => join(app, 'node_modules', pkg, file);
run(node, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], app);
console.log('type-check (module nodenext): ok');

checkReadmeExamples();

const e2e = run(node, [bin('vitest', 'vitest.mjs'), 'run', '--config', 'vitest.config.e2e.ts'], app);
const passed = /Tests\s+(\d+) passed/.exec(e2e.output)?.[1];
console.log(`vitest e2e: ${passed} passed`);

const report = run(node, [bin('vitest', 'vitest.mjs'), 'run', '--config', 'vitest.config.report.ts'], app, { allowFailure: true });
const expected = [
  // expectApiError: the kit's report...
  'Expected the response to be the API error 2000 (HTTP 401), but:',
  '- HTTP status: expected 401, received 404',
  '- error.code: expected 2000, received "project_not_found"',
  // ...and Vitest's diff of `expected` and `actual`
  '- Expected',
  '+ Received',
  '-     "code": 2000,',
  '+     "code": "project_not_found",',
  // expectApiException
  'Expected the code to throw the API error 2000 (HTTP 401), but:',
  '- code: expected 2000, received "project_not_found"',
  '3 failed',
];
const missing = expected.filter((line) => !report.output.includes(line));
const forbidden = ['Cannot assign to read only property'].filter((line) => report.output.includes(line));
if (report.status === 0 || missing.length > 0 || forbidden.length > 0) {
  console.error(report.output);
  console.error(`missing from Vitest's output: ${JSON.stringify(missing)}; unexpected: ${JSON.stringify(forbidden)}`);
  process.exit(1);
}
console.log('vitest failure report: ok (kit report and diff printed, 3 failed as intended)');

/**
 * The README's TypeScript examples of the sections this app can host, each
 * compiled as a file of the app: as ESM (the app is "type": "module") and as
 * CommonJS (a copy under a "type": "commonjs" package). Examples that use a
 * test's `app` or supertest's `request` without declaring them get both
 * declared, as the spec around them would.
 */
function checkReadmeExamples() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const sections = ['## Testing your app', '## Recipes', '## Migrating an existing app'];
  const blocks = [];
  for (const heading of sections) {
    const start = readme.indexOf(`\n${heading}\n`);
    const end = readme.indexOf('\n## ', start + 1);
    const text = readme.slice(start, end);
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) blocks.push(match[1]);
  }
  // ajv's deep import has no ESM typing to offer: that one example is left out.
  const examples = blocks.filter((code) => !code.includes("from 'ajv"));
  const work = join(app, '.readme-check');
  rmSync(work, { recursive: true, force: true });
  try {
    for (const [format, type] of [['esm', 'module'], ['cjs', 'commonjs']]) {
      const dir = join(work, format);
      mkdirSync(join(dir, 'test'), { recursive: true });
      cpSync(join(app, 'src'), join(dir, 'src'), { recursive: true });
      rmSync(join(dir, 'src', 'main.ts'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
      const files = examples.map((code, i) => {
        const folder = /from '\.\/[^.]/.test(code) ? 'src' : 'test';
        const file = join(folder, `readme-${i + 1}.ts`);
        writeFileSync(join(dir, file), withContext(code));
        return file;
      });
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: '../../tsconfig.json',
          compilerOptions: { noEmit: true, rootDir: '.', types: ['vitest/globals', 'node'] },
          files,
        }),
      );
      const result = run(node, [bin('typescript', 'bin/tsc'), '-p', join(dir, 'tsconfig.json')], dir, { allowFailure: true });
      if (result.status !== 0) {
        console.error(result.output);
        console.error(examples.map((code, i) => `--- readme-${i + 1}.ts\n${code}`).join('\n'));
        throw new Error(`README examples do not compile as ${format}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`README examples: ${examples.length} compile as ESM (nodenext) and as CommonJS`);
}

function withContext(code) {
  const lines = [];
  if (/\brequest\(/.test(code) && !/import request\b/.test(code))
    lines.push("import request from 'supertest';");
  if (/\bapp\./.test(code) && !/\b(let|const) app\b/.test(code))
    lines.push("import type { INestApplication } from '@nestjs/common';", 'declare const app: INestApplication;');
  lines.push('export {};');
  return `${code}\n${lines.join('\n')}\n`.replace(/^([\s\S]*)$/, (all) => hoistImports(all));
}

/** Imports first, as TypeScript wants them before the declarations. */
function hoistImports(code) {
  const lines = code.split('\n');
  const imports = lines.filter((l) => /^import /.test(l) && !/\{$/.test(l));
  return [...imports, ...lines.filter((l) => !imports.includes(l))].join('\n');
}
