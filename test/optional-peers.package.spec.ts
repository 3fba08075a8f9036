import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildPackage } from './utils/build-package';
import { describeOnNest } from './utils/platforms';

const OPTIONAL = [
  'zod',
  'valibot',
  'arktype',
  'nestjs-zod',
  'nestjs-i18n',
  '@standard-schema',
];

/**
 * The built package in a real Node process (no Jest module registry): an app
 * that answers validation failures, a thrown 422 and a 404 loads no code of
 * the optional validation peers. (It checks the build, so one Nest major is
 * enough.)
 */
describeOnNest(11)('optional validation peers', () => {
  let out: string;

  beforeAll(() => {
    out = buildPackage('nestjs-api-errors-peers-');
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('are never loaded by an app that does not use them', () => {
    writeFileSync(
      join(out, 'app.js'),
      `require('reflect-metadata');
const { Body, Controller, Get, Module, Post } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { IsEmail } = require('class-validator');
const { ErrorsModule, ValidationFailedException } = require('./index.js');

class SignupDto {}
IsEmail()(SignupDto.prototype, 'email');
class AppController {
  fail() { throw new ValidationFailedException({ email: ['taken'] }); }
  signup(body) { return body; }
}
const method = (name) => Object.getOwnPropertyDescriptor(AppController.prototype, name);
Get('fail')(AppController.prototype, 'fail', method('fail'));
Post('signup')(AppController.prototype, 'signup', method('signup'));
Body()(AppController.prototype, 'signup', 0);
Reflect.defineMetadata('design:paramtypes', [SignupDto], AppController.prototype, 'signup');
Controller()(AppController);
class AppModule {}
Module({ imports: [ErrorsModule.forRoot()], controllers: [AppController] })(AppModule);

(async () => {
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = 'http://127.0.0.1:' + app.getHttpServer().address().port;
  const statuses = [];
  for (const [path, init] of [
    ['/fail', {}],
    ['/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"x"}' }],
    ['/nope', {}],
  ]) statuses.push((await fetch(base + path, init)).status);
  await app.close();
  const loaded = Object.keys(require.cache)
    .map((file) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file)?.[1])
    .filter(Boolean);
  console.log(JSON.stringify({ statuses, packages: [...new Set(loaded)] }));
})();
`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    const output = execFileSync(process.execPath, ['app.js'], {
      cwd: out,
      encoding: 'utf8',
      env,
    });
    const { statuses, packages } = JSON.parse(output) as {
      statuses: number[];
      packages: string[];
    };
    expect(statuses).toEqual([422, 422, 404]);
    expect(packages).toContain('class-validator');
    expect(
      packages.filter((name) =>
        OPTIONAL.some((peer) => name === peer || name.startsWith(`${peer}/`)),
      ),
    ).toEqual([]);
  }, 60_000);
});
