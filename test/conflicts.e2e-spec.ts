import { ValidationPipe } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';

import { validationExceptionFactory } from '../src';
import type { ErrorsModuleOptions } from '../src';
import {
  CatchEverythingFilter,
  ConflictsAppModule,
  LegacyHttpFilter,
  PaymentDeclinedFilter,
} from './fixtures/conflicts.app';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';
import type { PlatformAdapter } from './utils/platforms';

const SILENCE =
  'Set warnOnConflicts: false in ErrorsModule.forRoot() to silence this warning.';
const FILTER_FIX =
  'Fix: remove it (ErrorsModule already registers the global filter), or narrow its @Catch() to your own domain error classes.';
const PIPE_HEAD = (name: string, origin: string) =>
  `${name} (registered with ${origin}) and ErrorsModule's validation pipe are both global: every request would be validated twice, and failures would answer 400 or 422 depending on which runs first.`;
const PIPE_FIX =
  'Fix: remove it and move its options into ErrorsModule.forRoot({ validation: { ... } }), or set validation: false to keep only yours.';

describe.each(platforms)('startup conflicts on %p', (Adapter) => {
  let app: INestApplication | undefined;
  let logger: CaptureLogger;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function boot(
    options: Parameters<typeof ConflictsAppModule.with>[0],
    setup?: (app: INestApplication) => void,
  ): Promise<INestApplication> {
    logger = new CaptureLogger();
    app = await createApp(
      ConflictsAppModule.with(options),
      Adapter as PlatformAdapter,
      {
        logger,
        setup,
      },
    );
    return app;
  }

  const warnings = () =>
    logger.entries
      .filter((e) => e.level === 'warn' && e.params.includes('NestjsApiErrors'))
      .map((e) => e.message);

  it('warns about a useGlobalFilters(@Catch(HttpException)) filter, which answers every HTTP error', async () => {
    await boot({}, (a) => a.useGlobalFilters(new LegacyHttpFilter()));

    expect(warnings()).toEqual([
      `LegacyHttpFilter (registered with app.useGlobalFilters()) is a global exception filter for HttpException. Nest asks it before ErrorsModule's filter, so those errors answer in its shape: no error envelope, no request id in the body, no docs link, and tests that boot without main.ts see something else than production. ${FILTER_FIX} ${SILENCE}`,
    ]);
    const res = await http(app!).get('/projects/missing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      message: 'Project 42 was not found.',
      legacy: true,
    });
  });

  it('says which APP_FILTER wins by module order, and is right about it', async () => {
    const outcomes: boolean[] = [];
    for (const featureFirst of [false, true]) {
      await boot({
        feature: [{ provide: APP_FILTER, useClass: CatchEverythingFilter }],
        featureFirst,
      });
      const [warning] = warnings();
      expect(warnings()).toHaveLength(1);
      expect(warning).toMatch(
        /^CatchEverythingFilter \(registered with APP_FILTER in FeatureModule\) is a global exception filter for every exception\. /,
      );
      const res = await http(app!).get('/projects/missing');
      outcomes.push(String(warning).includes('Nest asks it before'));
      if (outcomes[outcomes.length - 1]) {
        expect(res.body).toEqual({ caughtBy: 'CatchEverythingFilter' });
      } else {
        expect(String(warning)).toContain(
          "ErrorsModule's filter is registered after it and answers those errors first, so it never runs; which one wins depends on the order of modules and registrations.",
        );
        expect(res.body.error).toMatchObject({ code: 'not_found' });
      }
      expect(String(warning)).toContain(`${FILTER_FIX} ${SILENCE}`);
      await app!.close();
      app = undefined;
    }
    // The order of imports decides: both outcomes occur.
    expect(outcomes).toEqual([true, false]);
  });

  it('leaves a filter of a narrow domain error alone', async () => {
    await boot(
      { feature: [{ provide: APP_FILTER, useClass: PaymentDeclinedFilter }] },
      (a) => a.useGlobalFilters(new PaymentDeclinedFilter()),
    );

    expect(warnings()).toEqual([]);
    expect((await http(app!).get('/projects/declined')).body).toEqual({
      declined: true,
    });
    expect(
      (await http(app!).get('/projects/missing')).body.error,
    ).toMatchObject({
      code: 'not_found',
      message: 'Project 42 was not found.',
    });
  });

  describe.each([
    ['app.useGlobalPipes()', 'main.ts'],
    ['APP_PIPE in FeatureModule', 'APP_PIPE'],
  ])('a global ValidationPipe registered with %s', (origin, how) => {
    const bootWithPipe = (
      pipe: ValidationPipe,
      errors?: ErrorsModuleOptions,
    ) =>
      how === 'main.ts'
        ? boot({ errors }, (a) => a.useGlobalPipes(pipe))
        : // Feature first: its pipe runs before the module's, the order that hurts.
          boot({
            errors,
            feature: [{ provide: APP_PIPE, useValue: pipe }],
            featureFirst: true,
          });

    it('is settled: one validation with its options, failures are the 422 map', async () => {
      await bootWithPipe(new ValidationPipe({ transform: true }));

      expect(warnings()).toEqual([
        `${PIPE_HEAD('ValidationPipe', origin)} Resolved: ErrorsModule's pipe stands down, and your ValidationPipe keeps its options and now answers failures with the 422 field-error map. ${PIPE_FIX} ${SILENCE}`,
      ]);
      const bad = await http(app!).post('/projects').send({ name: 'x' });
      expect(bad.status).toBe(422);
      expect(bad.body.error).toMatchObject({ code: 'validation_failed' });
      expect(Object.keys(bad.body.error.errors).sort()).toEqual([
        'name',
        'seats',
      ]);
      const good = await http(app!)
        .post('/projects')
        .send({ name: 'Apollo', seats: 3 });
      expect(good.status).toBe(201);
      expect(good.body).toEqual({ dto: true, seats: 'number' });
    });

    it("says that ErrorsModule's own validation options are not used", async () => {
      await bootWithPipe(new ValidationPipe(), {
        validation: { whitelist: true, maxFields: 5 },
      });
      expect(warnings()).toEqual([
        `${PIPE_HEAD('ValidationPipe', origin)} Resolved: ErrorsModule's pipe stands down, and your ValidationPipe keeps its options and now answers failures with the 422 field-error map. ErrorsModule's own validation options (whitelist, maxFields) are not used while yours validates. ${PIPE_FIX} ${SILENCE}`,
      ]);
    });

    it('answers its own rules (whitelist) with the 422 map, not a 400 prose list', async () => {
      await bootWithPipe(
        new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }),
      );
      const res = await http(app!)
        .post('/projects')
        .send({ name: 'Apollo', seats: 3, extra: 1 });
      expect(res.status).toBe(422);
      expect(res.body.error.errors).toEqual({
        extra: ['property extra should not exist'],
      });
    });

    it('keeps its own exceptionFactory, and says so', async () => {
      await bootWithPipe(
        new ValidationPipe({ exceptionFactory: validationExceptionFactory() }),
      );
      expect(warnings()).toEqual([
        `${PIPE_HEAD('ValidationPipe', origin)} Resolved: ErrorsModule's pipe stands down; your ValidationPipe keeps its own exceptionFactory, so failures answer with whatever it throws (use validationExceptionFactory() there for the 422 field-error map). ${PIPE_FIX} ${SILENCE}`,
      ]);
      expect((await http(app!).post('/projects').send({})).status).toBe(422);
    });

    it('is settled silently with warnOnConflicts: false', async () => {
      await bootWithPipe(new ValidationPipe({ transform: true }), {
        warnOnConflicts: false,
      });
      expect(warnings()).toEqual([]);
      expect((await http(app!).post('/projects').send({})).status).toBe(422);
      const good = await http(app!)
        .post('/projects')
        .send({ name: 'Apollo', seats: 3 });
      expect(good.body).toEqual({ dto: true, seats: 'number' });
    });

    it('is the only pipe, untouched, with validation: false', async () => {
      await bootWithPipe(new ValidationPipe(), { validation: false });
      expect(warnings()).toEqual([]);
      const bad = await http(app!).post('/projects').send({});
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'bad_request' });
    });
  });
});
