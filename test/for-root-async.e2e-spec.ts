import { Injectable, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';

import { ErrorsFilter, ErrorsModule, defineErrors } from '../src';
import type {
  ErrorsModuleOptions,
  ErrorsOptionsFactory,
  NormalizedError,
} from '../src';
import { AppErrors } from './fixtures/app.errors';
import { AppModule } from './fixtures/app.module';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const CONFIG = Symbol('CONFIG');

@Module({
  providers: [
    {
      provide: CONFIG,
      useValue: { docs: 'https://api.example.com/docs/errors/' },
    },
  ],
  exports: [CONFIG],
})
class ConfigModule {}

@Injectable()
class ErrorsOptionsService implements ErrorsOptionsFactory {
  createErrorsOptions(): ErrorsModuleOptions {
    return {
      docsBaseUrl: 'https://class.example.com/errors',
      catalog: AppErrors,
    };
  }
}

describe.each(platforms)('forRootAsync (%p)', (Adapter) => {
  let app: INestApplication | undefined;
  afterEach(() => app?.close());

  it('takes options from a factory with imports and inject', async () => {
    app = await createApp(
      AppModule.withAsyncOptions({
        imports: [ConfigModule],
        inject: [CONFIG],
        useFactory: async (config: { docs: string }) => ({
          docsBaseUrl: config.docs,
          catalog: AppErrors,
        }),
      }),
      Adapter,
    );
    expectEnvelope(await http(app).get('/api-exception'), {
      status: 401,
      code: 2000,
      message: 'The API key provided is invalid.',
      cause: 'This key does not exist.',
      docsBaseUrl: 'https://api.example.com/docs/errors',
    });
    expect((await http(app).get('/ok')).headers['x-request-id']).toBeDefined();
  });

  it('takes options from useClass', async () => {
    app = await createApp(
      AppModule.withAsyncOptions({ useClass: ErrorsOptionsService }),
      Adapter,
    );
    const res = await http(app).get('/nest/not-found');
    expect(res.body.error.docs).toBe(
      'https://class.example.com/errors/404/not_found',
    );
  });

  it('turns the validation pipe off with validation: false', async () => {
    app = await createApp(
      AppModule.withAsyncOptions({ useFactory: () => ({ validation: false }) }),
      Adapter,
    );
    const res = await http(app).post('/signup').send({ email: 'nope' });
    expect(res.status).toBe(201);
  });
});

describe.each(platforms)('forRoot options (%p)', (Adapter) => {
  let app: INestApplication | undefined;
  afterEach(() => app?.close());

  it('works with no options at all', async () => {
    app = await createApp(AppModule.bare(), Adapter);
    expectEnvelope(await http(app).get('/nest/not-found'), {
      status: 404,
      code: 'not_found',
      message: 'Project 42 was not found.',
    });
  });

  it('overrides the code and message of built-in errors', async () => {
    app = await createApp(
      AppModule.withOptions({
        builtInErrors: {
          NotFound: { code: 1404, message: 'Nothing here.' },
          InternalServerError: { code: 'oops' },
        },
      }),
      Adapter,
    );
    expectEnvelope(await http(app).get('/no/route'), {
      status: 404,
      code: 1404,
      message: 'Cannot GET /no/route',
    });
    expectEnvelope(await http(app).get('/nest/not-found-default'), {
      status: 404,
      code: 1404,
      message: 'Nothing here.',
    });
    expectEnvelope(await http(app).get('/throw/error'), {
      status: 500,
      code: 'oops',
      message:
        'An unexpected error occurred. Retry later, or contact support with the request id.',
    });
  });

  it('uses a filter subclass given as the filter option', async () => {
    @Injectable()
    class TaggingFilter extends ErrorsFilter {
      protected override normalize(
        exception: unknown,
        request: unknown,
      ): NormalizedError {
        const error = super.normalize(exception, request);
        return error.status === 404
          ? { ...error, message: `${error.message} (tagged)` }
          : error;
      }
    }
    app = await createApp(
      AppModule.withOptions({ filter: TaggingFilter }),
      Adapter,
    );
    expectEnvelope(await http(app).get('/nest/not-found'), {
      status: 404,
      code: 'not_found',
      message: 'Project 42 was not found. (tagged)',
    });
  });

  it('fails at startup when the catalog reuses a built-in code', async () => {
    const clash = {
      Clash: { status: 404, code: 'not_found', message: 'Clashes.' },
    };
    await expect(
      createApp(AppModule.withOptions({ catalog: clash }), Adapter),
    ).rejects.toThrow(
      'Duplicate error code "not_found" in catalog: used by the built-in NotFound and Clash. Codes must be unique; rename one of them.',
    );
  });

  it('fails at startup when an overridden built-in code clashes with the catalog', async () => {
    const catalog = defineErrors({
      Mine: { status: 409, code: 'mine', message: 'Mine.' },
    });
    const module = {
      module: class M {},
      imports: [
        ErrorsModule.forRoot({
          catalog,
          builtInErrors: { Conflict: { code: 'mine' } },
        }),
      ],
    };
    await expect(createApp(module, Adapter)).rejects.toThrow(
      'Duplicate error code "mine"',
    );
  });
});
