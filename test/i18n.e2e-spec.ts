import { join } from 'node:path';

import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { AcceptLanguageResolver, I18nModule, QueryResolver } from 'nestjs-i18n';

import { ErrorsModule, nestjsI18nTranslator } from '../src';
import type { ErrorsModuleOptions } from '../src';
import { AppErrors } from './fixtures/app.errors';
import { I18nController } from './fixtures/i18n.controller';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

@Module({})
class I18nAppModule {
  static with(
    options: ErrorsModuleOptions,
    i18n: { skipAsyncHook?: boolean } = {},
  ): DynamicModule {
    return {
      module: I18nAppModule,
      imports: [
        I18nModule.forRoot({
          fallbackLanguage: 'en',
          loaderOptions: {
            path: join(__dirname, 'fixtures', 'i18n'),
            watch: false,
          },
          resolvers: [
            { use: QueryResolver, options: ['lang'] },
            AcceptLanguageResolver,
          ],
          logging: false,
          ...i18n,
        }),
        // The module's own pipe is off: nestjs-i18n's pipe validates.
        ErrorsModule.forRoot({
          catalog: AppErrors,
          validation: false,
          ...options,
        }),
      ],
      controllers: [I18nController],
    };
  }
}

const INVALID = { name: 'x', contact: { email: 'nope' } };

describe.each(platforms)('nestjs-i18n (%p)', (Adapter) => {
  describe('without a translate option', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createApp(I18nAppModule.with({}), Adapter);
    });
    afterAll(() => app.close());

    it.each([
      [
        'Accept-Language',
        (r: ReturnType<typeof http>) =>
          r.post('/i18n/signup').set('accept-language', 'fr-FR,fr;q=0.9'),
      ],
      [
        '?lang=',
        (r: ReturnType<typeof http>) => r.post('/i18n/signup?lang=fr'),
      ],
    ])(
      'answers the 422 map in the language chosen by %s',
      async (_label, send) => {
        const res = await send(http(app)).send(INVALID);
        expectEnvelope(res, {
          status: 422,
          code: 'validation_failed',
          message: 'The given data was invalid.',
          errors: {
            name: ['name doit contenir au moins 3 caractères'],
            'contact.email': ['email doit être une adresse e-mail'],
          },
        });
        expect(res.headers['content-language']).toBe('fr');
      },
    );

    it('answers the fallback language without a preference', async () => {
      const res = await http(app).post('/i18n/signup').send(INVALID);
      expect(res.status).toBe(422);
      expect(res.body.error.errors).toEqual({
        name: ['name must have at least 3 characters'],
        'contact.email': ['email must be an email address'],
      });
      expect(res.headers['content-language']).toBe('en');
    });

    it('leaves catalog messages alone', async () => {
      const res = await http(app).get('/i18n/project?lang=fr');
      expect(res.body.error.message).toBe('The project does not exist.');
      expect(res.headers['content-language']).toBeUndefined();
    });
  });

  describe('when nestjs-i18n leaves the keys untranslated (skipAsyncHook)', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createApp(
        I18nAppModule.with({}, { skipAsyncHook: true }),
        Adapter,
      );
    });
    afterAll(() => app.close());

    it('translates the keys in the request language', async () => {
      const res = await http(app)
        .post('/i18n/signup')
        .set('accept-language', 'fr')
        .send(INVALID);
      expect(res.status).toBe(422);
      expect(res.body.error.errors).toEqual({
        name: ['name doit contenir au moins 3 caractères'],
        'contact.email': ['email doit être une adresse e-mail'],
      });
      expect(res.headers['content-language']).toBe('fr');
      expect(res.text).not.toContain('nope');
    });
  });

  describe('with translate: nestjsI18nTranslator()', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createApp(
        I18nAppModule.with({ translate: nestjsI18nTranslator() }),
        Adapter,
      );
    });
    afterAll(() => app.close());

    it('translates catalog messages (errors.<code>) and sets Content-Language', async () => {
      const res = await http(app)
        .get('/i18n/project')
        .set('accept-language', 'fr');
      expectEnvelope(res, {
        status: 404,
        code: 'project_not_found',
        message: "Le projet n'existe pas.",
      });
      expect(res.headers['content-language']).toBe('fr');
    });

    it('translates the 422 message and its fields together', async () => {
      const res = await http(app).post('/i18n/signup?lang=fr').send(INVALID);
      expect(res.status).toBe(422);
      expect(res.body.error.message).toBe(
        'Les données envoyées ne sont pas valides.',
      );
      expect(res.body.error.errors['contact.email']).toEqual([
        'email doit être une adresse e-mail',
      ]);
    });

    it('keeps built-in messages without a key in the catalog', async () => {
      const res = await http(app).get('/i18n/nope?lang=fr');
      expect(res.status).toBe(404);
      expect(res.headers['content-language']).toBeUndefined();
    });
  });
});
