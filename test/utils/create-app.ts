import type { INestApplication, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { DynamicModule, Type } from '@nestjs/common';
import request from 'supertest';

import type { PlatformAdapter } from './platforms';

export interface CreateAppOptions {
  /** Runs before init (awaited): global prefix, versioning, extra middleware, plugins… */
  setup?: (app: INestApplication) => unknown;
  logger?: LoggerService | false;
  /** Passed to createNestApplication, e.g. { bodyParser: false } or { rawBody: true }. */
  appOptions?: Record<string, unknown>;
}

/** Compiles the module, creates the app on `Adapter`, inits it and readies Fastify. */
export async function createApp(
  module: Type | DynamicModule,
  Adapter: PlatformAdapter,
  options: CreateAppOptions = {},
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [module],
  }).compile();
  const app = moduleRef.createNestApplication(new Adapter() as never, {
    logger: options.logger ?? false,
    ...options.appOptions,
  });
  await options.setup?.(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready?.();
  return app;
}

/** supertest agent on the app's server. */
export function http(app: INestApplication) {
  return request(app.getHttpServer());
}
