import 'reflect-metadata';

import { AsyncLocalStorage } from 'node:async_hooks';

import { Module, ValidationPipe } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

import type { ErrorsModule as ErrorsModuleType } from '../../src';
import { BENCH_ROUTES } from '../bench.routes';
import { failBoot, serveAdmin } from './admin.util';
import { BenchController } from './bench.controller';
import { driveRequests } from './drive.util';

/**
 * One Nest bench app per process:
 * `node nest-app.main.js <bare|module> <express|fastify> [--quiet] [--als-probe] [--no-async-context] [--drive <route>:<count>]`.
 * The two variants differ only in the module: bare Nest gets its default
 * filter and `useGlobalPipes(new ValidationPipe())`, the other
 * `ErrorsModule.forRoot()` and nothing else. `--drive`: instead of serving
 * the runner, the process sends itself `count` requests of one route and
 * exits (the bench's `--instructions`, run under valgrind).
 */
/** `--module-dir <dir>`: another build of the module (the bench's `--before <ref>`), else this one. */
function loadErrorsModule(): typeof ErrorsModuleType {
  const at = process.argv.indexOf('--module-dir');
  const dir = at === -1 ? '../../src' : process.argv[at + 1];
  return (require(dir) as { ErrorsModule: typeof ErrorsModuleType }).ErrorsModule;
}

const ErrorsModule = loadErrorsModule();

@Module({ controllers: [BenchController] })
class BenchAppModule {
  static withErrorsModule(asyncContext: boolean): DynamicModule {
    // The defaults are what is measured; `asyncContext: false` only as the named extra row.
    return { module: BenchAppModule, imports: [ErrorsModule.forRoot(asyncContext ? {} : { asyncContext: false })] };
  }
}

async function main(): Promise<void> {
  const [variant, platform] = process.argv.slice(2);
  const quiet = process.argv.includes('--quiet');
  // The probe switches Node's async context on, as the module does per
  // request, without the module: what is left is the module's own cost.
  if (process.argv.includes('--als-probe')) new AsyncLocalStorage<string>().enterWith('probe');
  if ((variant !== 'bare' && variant !== 'module') || (platform !== 'express' && platform !== 'fastify')) {
    throw new Error(`usage: nest-app.main.js <bare|module> <express|fastify> [--quiet], got ${variant} ${platform}`);
  }
  const asyncContext = !process.argv.includes('--no-async-context');
  const root = variant === 'module' ? BenchAppModule.withErrorsModule(asyncContext) : BenchAppModule;
  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  // Logging stays on unless --quiet: both variants log each 500 once (Nest's
  // ExceptionsHandler or the module's filter) to the runner's /dev/null.
  const app: INestApplication = await NestFactory.create(root, adapter, quiet ? { logger: false } : {});
  // The hostile 422 posts ~300 KB: both variants accept JSON up to 1 MB
  // (Express' default is 100 KB; Fastify's is already 1 MiB).
  if (platform === 'express') (app as NestExpressApplication).useBodyParser('json', { limit: '1mb' });
  if (variant === 'bare') app.useGlobalPipes(new ValidationPipe());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const drive = process.argv.indexOf('--drive');
  if (drive === -1) return serveAdmin(address.port, nestVersion());
  const [name, count] = process.argv[drive + 1].split(':');
  const route = BENCH_ROUTES.find((candidate) => candidate.name === name);
  if (!route) throw new Error(`--drive: no route named ${name}`);
  const statuses = await driveRequests(address.port, route, Number(count));
  // The runner checks the statuses: one line on stdout.
  process.stdout.write(`${JSON.stringify({ statuses: Object.fromEntries(statuses), nest: nestVersion() })}\n`);
  await app.close();
  process.exit(0);
}

main().catch(failBoot);

/** The version of the @nestjs/core this process loaded (11 from the root, 12 through nest12.preload). */
function nestVersion(): string {
  try {
    return (require('@nestjs/core/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
