import type { INestApplication } from '@nestjs/common';

import '../src/testing/jest';
import {
  ApiErrorTestingUsageError,
  configureApiErrorTesting,
  expectApiError,
  expectValidationErrors,
} from '../src/testing';
import { AppErrors } from './fixtures/app.errors';
import { MessageErrorsFormat } from './fixtures/custom-formats';
import { AppModule } from './fixtures/app.module';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

const OPTIONS = {
  catalog: AppErrors,
  docsBaseUrl: 'https://api.example.com/docs/errors/',
  requestIdHeader: 'X-Correlation-Id',
  builtInErrors: { NotFound: { code: 1404 } },
};

describe.each(platforms)('the kit knows the booted app (%p)', (Adapter) => {
  const apps: INestApplication[] = [];
  const boot = async (options: object) => {
    const app = await createApp(AppModule.withOptions(options), Adapter);
    apps.push(app);
    return app;
  };

  afterEach(async () => {
    configureApiErrorTesting();
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it("uses the app's docsBaseUrl, requestIdHeader and builtInErrors without configureApiErrorTesting", async () => {
    const app = await boot(OPTIONS);

    const res = await http(app).get('/api-exception');
    expect(res.headers['x-correlation-id']).toBeDefined();
    expectApiError(res, AppErrors.InvalidApiKey);
    expect(res).toBeApiError(AppErrors.InvalidApiKey);
    expectApiError(await http(app).get('/no/such/route'), 404);
    expectValidationErrors(
      await http(app).post('/signup').send({ email: 'a@b.co' }),
      ['password'],
    );
  });

  it('lets configureApiErrorTesting, then per-call options, win', async () => {
    const app = await boot(OPTIONS);
    const res = await http(app).get('/api-exception');

    configureApiErrorTesting({ docsBaseUrl: 'https://elsewhere.test/docs' });
    expect(() => expectApiError(res, AppErrors.InvalidApiKey)).toThrow(
      'error.docs: expected "https://elsewhere.test/docs/401/2000", received "https://api.example.com/docs/errors/401/2000"',
    );
    expectApiError(res, AppErrors.InvalidApiKey, {
      docsBaseUrl: 'https://api.example.com/docs/errors',
    });
  });

  it('asks for the options when several running apps disagree, and not once one is closed', async () => {
    const first = await boot(OPTIONS);
    const second = await boot({ catalog: AppErrors });
    const res = await http(second).get('/api-exception');

    let error: unknown;
    try {
      expectApiError(res, AppErrors.InvalidApiKey);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiErrorTestingUsageError);
    expect((error as Error).message).toBe(
      '2 apps using ErrorsModule are running in this process, with different requestIdHeader ("x-correlation-id", "x-request-id"), ' +
        'so the testing kit cannot tell which one answered. Say which: configureApiErrorTesting({ requestIdHeader }) ' +
        'or pass { requestIdHeader } to this assertion (or close the apps a spec no longer uses).',
    );
    expectApiError(res, AppErrors.InvalidApiKey, {
      requestIdHeader: 'x-request-id',
      docsBaseUrl: '/docs/errors',
    });

    await first.close();
    apps.splice(apps.indexOf(first), 1);
    expectApiError(res, AppErrors.InvalidApiKey);
  });

  it.each(['problem', 'nest'] as const)(
    "reads the app's format %p without configureApiErrorTesting",
    async (format) => {
      const app = await boot({ ...OPTIONS, format });

      const res = await http(app).get('/api-exception');
      expectApiError(res, AppErrors.InvalidApiKey);
      expect(res).toBeApiError(AppErrors.InvalidApiKey);
      expectApiError(await http(app).get('/no/such/route'), 404);
      expectValidationErrors(
        await http(app).post('/signup').send({ email: 'a@b.co' }),
        ['password'],
      );
    },
  );

  it("reads an app's own format through its read()", async () => {
    const app = await boot({ ...OPTIONS, format: MessageErrorsFormat });

    const res = await http(app).get('/api-exception');
    expect(res.body).toEqual({ message: AppErrors.InvalidApiKey.message });
    expectApiError(res, AppErrors.InvalidApiKey);
    expectValidationErrors(
      await http(app).post('/signup').send({ email: 'a@b.co' }),
      ['password'],
    );
  });

  it("lets configureApiErrorTesting's format win over the app's", async () => {
    const app = await boot({ ...OPTIONS, format: 'nest' });
    const res = await http(app).get('/api-exception');

    configureApiErrorTesting({ format: 'envelope' });
    expect(() => expectApiError(res, AppErrors.InvalidApiKey)).toThrow(
      /- error: expected object, received "Unauthorized"/,
    );
    configureApiErrorTesting();
    expectApiError(res, AppErrors.InvalidApiKey);
  });

  it('asks for the format when running apps answer in different formats', async () => {
    await boot({ ...OPTIONS, format: 'nest' });
    const app = await boot({ ...OPTIONS, format: MessageErrorsFormat });
    const res = await http(app).get('/api-exception');

    expect(() => expectApiError(res, AppErrors.InvalidApiKey)).toThrow(
      '2 apps using ErrorsModule are running in this process, with different format ("nest", a custom format (application/json; charset=utf-8)), ',
    );
    expectApiError(res, AppErrors.InvalidApiKey, {
      format: MessageErrorsFormat,
    });
  });
});
