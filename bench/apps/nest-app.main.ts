import 'reflect-metadata';

import { AsyncLocalStorage } from 'node:async_hooks';

import { Module, ValidationPipe } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

import { ErrorsModule } from '../../src';
import { failBoot, serveAdmin } from './admin.util';
import { BenchController } from './bench.controller';

/**
 * One Nest bench app per process:
 * `node nest-app.main.js <bare|module> <express|fastify> [--quiet] [--als-probe]`.
 * The two variants differ only in the module: bare Nest gets its default
 * filter and `useGlobalPipes(new ValidationPipe())`, the other
 * `ErrorsModule.forRoot()` and nothing else.
 */
@Module({ controllers: [BenchController] })
class BenchAppModule {
  static withErrorsModule(): DynamicModule {
    return { module: BenchAppModule, imports: [ErrorsModule.forRoot()] };
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
  const root = variant === 'module' ? BenchAppModule.withErrorsModule() : BenchAppModule;
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
  serveAdmin(address.port);
}

main().catch(failBoot);
