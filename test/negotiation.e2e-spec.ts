import type { INestApplication } from '@nestjs/common';
import { Ajv2020 } from 'ajv/dist/2020';

import type { ErrorFormat } from '../src';
import {
  ERROR_ENVELOPE_SCHEMA,
  NEST_ERROR_SCHEMA,
  PROBLEM_DETAILS_SCHEMA,
} from '../src/testing';
import { expectApiError } from '../src/testing';
import { ERROR_SOURCES } from './fixtures/error-sources';
import { FormatsAppModule } from './fixtures/formats.fixtures';
import { createApp, http } from './utils/create-app';
import { FORMAT_CASES } from './utils/format-cases';
import { platforms } from './utils/platforms';
import { send } from './utils/send-source';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const isProblem = ajv.compile(PROBLEM_DETAILS_SCHEMA);
const isEnvelope = ajv.compile(ERROR_ENVELOPE_SCHEMA);
const isNest = ajv.compile(NEST_ERROR_SCHEMA);

const PROBLEM = FORMAT_CASES.find((c) => c.name === 'problem')!;
const ENVELOPE = FORMAT_CASES.find((c) => c.name === 'envelope')!;
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** Accept headers and whether they get problem details. */
const ACCEPTS: Array<[string | undefined, boolean]> = [
  ['application/problem+json', true],
  ['application/problem+json; charset=utf-8', true],
  ['application/json, application/problem+json', true],
  ['application/json;q=0.5, application/problem+json;q=0.9', true],
  ['application/problem+json;q=0.9, */*;q=0.1', true],
  ['application/problem+json;q=0.5, application/json', false],
  ['application/problem+json;q=0', false],
  [undefined, false],
  ['application/json', false],
  ['*/*', false],
  ['application/*', false],
  ['text/html', false],
  ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false],
  ['application/xml', false],
  ['garbage', false],
  [';q=,/;;', false],
];

describe.each(platforms)('negotiation (%p)', (Adapter) => {
  describe('negotiate: true, format: envelope', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createApp(
        FormatsAppModule.withOptions({
          docsBaseUrl: 'https://api.example.com/docs/errors',
          negotiate: true,
        }),
        Adapter,
        {
          setup: (a) =>
            a.use(
              (
                req: { url?: string },
                res: { setHeader(n: string, v: string): void },
                next: () => void,
              ) => {
                if (req.url?.startsWith('/nest/'))
                  res.setHeader('Vary', 'Origin');
                next();
              },
            ),
        },
      );
    });
    afterAll(() => app.close());

    it.each(ACCEPTS)(
      'Accept: %p → problem details: %p',
      async (accept, problem) => {
        const req = http(app).get('/api-exception');
        const res = await (accept === undefined
          ? req
          : req.set('accept', accept));
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toBe(
          problem ? PROBLEM_TYPE : JSON_TYPE,
        );
        expect(res.headers.vary).toBe('Accept');
        const body = JSON.parse(res.text);
        expect((problem ? isProblem : isEnvelope)(body)).toBe(true);
        expectApiError(
          res,
          {
            status: 401,
            code: 2000,
            message: 'The API key provided is invalid.',
          },
          {
            docsBaseUrl: 'https://api.example.com/docs/errors',
            cause: 'This key does not exist.',
          },
        );
      },
    );

    it.each(ERROR_SOURCES.map((s) => [s.name, s] as const))(
      'answers %s as problem details when asked, else the envelope',
      async (_, source) => {
        const context = (res: { headers: Record<string, string> }) => ({
          requestId: res.headers['x-request-id'],
          path: source.url.split('?')[0],
          docsBaseUrl: 'https://api.example.com/docs/errors',
        });
        const asked = await send(app, source, {
          accept: 'application/problem+json',
        });
        expect(asked.status).toBe(source.expected.status);
        expect(asked.headers['content-type']).toBe(PROBLEM_TYPE);
        expect(asked.headers.vary).toMatch(/(^|, )Accept$/);
        expect(JSON.parse(asked.text)).toStrictEqual(
          PROBLEM.body(source.expected, context(asked)),
        );
        const html = await send(app, source, { accept: 'text/html' });
        expect(html.status).toBe(source.expected.status);
        expect(html.headers['content-type']).toBe(JSON_TYPE);
        expect(html.headers.vary).toMatch(/(^|, )Accept$/);
        expect(JSON.parse(html.text)).toStrictEqual(
          ENVELOPE.body(source.expected, context(html)),
        );
      },
    );

    it('adds Accept to a Vary header already set', async () => {
      const res = await http(app)
        .get('/nest/not-found')
        .set('accept', 'application/problem+json');
      expect(res.headers.vary).toBe('Origin, Accept');
    });

    it('leaves successful responses alone', async () => {
      const res = await http(app)
        .get('/ok')
        .set('accept', 'application/problem+json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.vary).toBeUndefined();
    });
  });

  it('negotiates from the nest shape too', async () => {
    const app = await createApp(
      FormatsAppModule.withOptions({ format: 'nest', negotiate: true }),
      Adapter,
    );
    try {
      const problem = await http(app)
        .get('/nest/not-found')
        .set('accept', 'application/problem+json');
      expect(problem.headers['content-type']).toBe(PROBLEM_TYPE);
      expect(isProblem(JSON.parse(problem.text))).toBe(true);
      const nest = await http(app).get('/nest/not-found').set('accept', '*/*');
      expect(nest.headers['content-type']).toBe(JSON_TYPE);
      expect(isNest(JSON.parse(nest.text))).toBe(true);
      expect(nest.headers.vary).toBe('Accept');
    } finally {
      await app.close();
    }
  });

  it("weighs problem details against a custom format's media type", async () => {
    const vendor: ErrorFormat = {
      contentType: 'application/vnd.api+json',
      render: (error) => ({
        errors: [{ status: String(error.status), code: String(error.code) }],
      }),
    };
    const app = await createApp(
      FormatsAppModule.withOptions({ format: vendor, negotiate: true }),
      Adapter,
    );
    try {
      const preferVendor = await http(app)
        .get('/nest/not-found')
        .set(
          'accept',
          'application/vnd.api+json, application/problem+json;q=0.5',
        );
      // Fastify appends a charset to a string body's content type; Express does not.
      expect(preferVendor.headers['content-type']).toMatch(
        /^application\/vnd\.api\+json(; charset=utf-8)?$/,
      );
      expect(JSON.parse(preferVendor.text)).toStrictEqual({
        errors: [{ status: '404', code: 'not_found' }],
      });
      const preferProblem = await http(app)
        .get('/nest/not-found')
        .set(
          'accept',
          'application/vnd.api+json;q=0.5, application/problem+json',
        );
      expect(preferProblem.headers['content-type']).toBe(PROBLEM_TYPE);
    } finally {
      await app.close();
    }
  });

  it('ignores Accept when negotiate is off (the default)', async () => {
    const app = await createApp(FormatsAppModule.withOptions({}), Adapter);
    try {
      const res = await http(app)
        .get('/api-exception')
        .set('accept', 'application/problem+json');
      expect(res.headers['content-type']).toBe(JSON_TYPE);
      expect(res.headers.vary).toBeUndefined();
      expect(isEnvelope(JSON.parse(res.text))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
