import { execFileSync } from 'node:child_process';
import {
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

import { buildPackage } from './utils/build-package';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sourceFiles(path)
      : path.endsWith('.ts')
        ? [path]
        : [];
  });
}

describe('nestjs-api-errors/testing, as published', () => {
  it('is exported as ./testing, ./testing/jest and ./testing/vitest, types first, from dist/testing', () => {
    expect(pkg.exports['./testing']).toEqual({
      types: './dist/testing/index.d.ts',
      default: './dist/testing/index.js',
    });
    expect(pkg.exports['./testing/jest']).toEqual({
      types: './dist/testing/jest.d.ts',
      default: './dist/testing/jest.js',
    });
    expect(pkg.exports['./testing/vitest']).toEqual({
      types: './dist/testing/vitest.d.ts',
      default: './dist/testing/vitest.js',
    });
    expect(Object.keys(pkg.exports['./testing'])[0]).toBe('types');
    expect(pkg.files).toEqual(['dist']);
    // TypeScript's moduleResolution "node" (Nest's default) ignores exports.
    expect(pkg.typesVersions['*']).toEqual({
      testing: ['./dist/testing/index.d.ts'],
      'testing/jest': ['./dist/testing/jest.d.ts'],
      'testing/vitest': ['./dist/testing/vitest.d.ts'],
    });
  });

  it('is never imported by the module itself', () => {
    const offenders = sourceFiles(join(root, 'src'))
      .filter(
        (file) => !relative(join(root, 'src'), file).startsWith('testing'),
      )
      .filter((file) =>
        /from '\.{1,2}\/(?:\.\.\/)*testing['/]/.test(
          readFileSync(file, 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });

  describe('built', () => {
    let out: string;

    beforeAll(() => {
      out = buildPackage('nestjs-api-errors-kit-');
    }, 60_000);
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    function node(args: string[]): string {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
      delete env.NODE_TEST_CONTEXT;
      return execFileSync(process.execPath, args, {
        cwd: out,
        encoding: 'utf8',
        env,
      });
    }

    it('loads no Nest, Jest or expect code, and the module loads none of it', () => {
      const loaded = node([
        '-e',
        `require('./testing'); require('./testing/index.js');
         const kit = Object.keys(require.cache).map((f) => require('node:path').relative(process.cwd(), f));
         for (const k of Object.keys(require.cache)) delete require.cache[k];
         require('./index.js');
         const mod = Object.keys(require.cache).map((f) => require('node:path').relative(process.cwd(), f));
         console.log(JSON.stringify({ kit, mod }));`,
      ]);
      const { kit, mod } = JSON.parse(loaded) as {
        kit: string[];
        mod: string[];
      };
      expect(kit.filter((file) => file.includes('node_modules'))).toEqual([]);
      expect(kit).toContain(join('testing', 'index.js'));
      expect(mod.filter((file) => file.startsWith('testing'))).toEqual([]);
    });

    it('runs under node:test, without Jest, and prints the report of a failure', () => {
      writeFileSync(
        join(out, 'kit.test.mjs'),
        `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectApiError, expectApiException, ApiErrorAssertionError } from './testing/index.js';
import { ApiException, defineErrors } from './index.js';
const AppErrors = defineErrors({ InvalidApiKey: { status: 401, code: 2000, message: 'The API key provided is invalid.' } });
const res = {
  statusCode: 404,
  headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
  body: JSON.stringify({ request_id: 'r1', error: { status: 'Not Found', code: 'not_found', message: 'Nope.', docs: '/docs/errors/404/not_found' } }),
};
test('passes', () => expectApiError(res, 404));
test('thrown errors', async () => {
  expectApiException(() => { throw new ApiException(AppErrors.InvalidApiKey); }, AppErrors.InvalidApiKey);
  await expectApiException(Promise.reject(new ApiException(AppErrors.InvalidApiKey)), AppErrors.InvalidApiKey);
});
test('fails with the report', () => {
  assert.throws(() => expectApiError(res, 401), (error) => {
    assert.ok(error instanceof ApiErrorAssertionError);
    assert.match(error.message, /- HTTP status: expected 401, received 404/);
    return true;
  });
});
test('a failing response, as node:test prints it', () => expectApiError(res, 401));
test('a failing throw, as node:test prints it', () => expectApiException(() => 'fine', AppErrors.InvalidApiKey));
`,
      );
      let report = '';
      try {
        node(['--test', '--test-reporter=spec', 'kit.test.mjs']);
      } catch (error) {
        report = String((error as { stdout?: string }).stdout);
      }
      expect(report).toMatch(/ℹ pass 3\n.*ℹ fail 2/s);
      expect(report).toContain(
        'Expected the response to be the API error "unauthorized" (HTTP 401), but:',
      );
      expect(report).toContain('- HTTP status: expected 401, received 404');
      expect(report).toContain('"code": "not_found"');
      expect(report).toContain(
        'Expected the code to throw the API error 2000 (HTTP 401), but:',
      );
      expect(report).toContain('- nothing was thrown: it returned "fine"');
      expect(report).not.toContain('read only property');
    });
  });
});
