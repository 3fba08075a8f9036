import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import { Controller, Get, Module, NotFoundException, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Bench } from 'tinybench';

import { ErrorsModule } from '../src';
import { resolveErrorsOptions } from '../src/errors-module.options';
import { ErrorsValidationPipe } from '../src/validation/errors-validation.pipe';
import { platformOf } from '../src/platform/platform';
import { ServedMethods } from '../src/platform/path-methods.cache';
import type { ServedRoute } from '../src/platform/path-methods.cache';
import { assignRequestId, requestIdAssigner } from '../src/request-id/request-id.util';
import { randomRequestId } from '../src/request-id/uuid.util';

/**
 * What each change of issue 11 saves, in-process and alone (tinybench on the
 * bench's Node line, NestJS 12): the work a change removed, timed before and
 * after on the same objects. `node --require bench/dist/bench/apps/nest12.preload.js
 * bench/dist/bench/changes.bench.js` with the Node 24 binary of compat/nest12.
 */
@Controller()
class RoutesController {
  // A small API: 24 routes, as the 405 lookup walks them.
  @Get('items/:id') a() {}
  @Post('items') b() {}
  @Get('orders/:id') c() {}
  @Post('orders') d() {}
  @Get('users/:id') e() {}
  @Post('users') f() {}
  @Get('users/:id/orders') g() {}
  @Get('projects/:id') h() {}
  @Post('projects') i() {}
  @Get('projects/:id/members') j() {}
  @Get('health') k() {}
  @Get('search') l() {}
}

@Module({ imports: [ErrorsModule.forRoot()], controllers: [RoutesController] })
class AppModule {}

const PARAM = { type: 'param', metatype: String, data: 'id' } as const;

async function main(): Promise<void> {
  const bench = new Bench({ time: 400, warmupTime: 100 });
  const options = resolveErrorsOptions();
  const assign = requestIdAssigner(options);
  const pipe = new ErrorsValidationPipe();
  bench
    .add('request id: assignRequestId(raw, options) per request (before)', () =>
      assignRequestId({ headers: {} }, options),
    )
    .add('request id: assigner resolved at bootstrap (after)', () => assign({ headers: {} }))
    // The id's first read (a header check, a log line) flattens what V8 built: included.
    .add('new id: crypto.randomUUID(), then read (before)', () => randomUUID().charCodeAt(35))
    .add('new id: randomRequestId(), then read (after)', () => randomRequestId().charCodeAt(35))
    .add('router 404: a second NotFoundException per request (before)', () => new NotFoundException('Cannot GET /no/such/route'))
    // The old transform was `async` around the same call: one more promise and hop per parameter.
    .add('primitive @Param through the pipe, inside an extra async frame (before)', async () => {
      await (async () => pipe.transform('42', PARAM))();
    })
    .add('primitive @Param through the pipe (after)', async () => {
      await pipe.transform('42', PARAM);
    });

  for (const [name, adapter] of [
    ['express', new ExpressAdapter()],
    ['fastify', new FastifyAdapter()],
  ] as const) {
    const app = await NestFactory.create(AppModule, adapter, { logger: false });
    await app.init();
    const platform = platformOf(app.getHttpAdapter() as never);
    // Before: every 404 walked the routes; after: once per path, then a Map read.
    const holder = platform as unknown as { methodsCache: unknown };
    const cache = holder.methodsCache;
    const walkEveryTime = {
      get: (_p: string, _v: unknown, lookup: () => ServedRoute[]) => new ServedMethods(lookup()),
    };
    bench
      .add(`${name}: 405 lookup walked on every router 404 (before)`, () => platform.methodsFor('/no/such/route'), {
        beforeAll: () => void (holder.methodsCache = walkEveryTime),
        afterAll: () => void (holder.methodsCache = cache),
      })
      .add(`${name}: 405 lookup cached per path (after)`, () => platform.methodsFor('/no/such/route'));
  }
  await bench.run();
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state === 'completed') process.stdout.write(`${task.name.padEnd(70)} ${(r.latency.mean * 1000).toFixed(3)} µs\n`);
  }
  process.exit(0);
}

void main();
