import type { INestApplication } from '@nestjs/common';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { expectApiError, expectValidationErrors } from '../src/testing';
import { ERROR_SOURCES } from './fixtures/error-sources';
import { FormatsAppModule } from './fixtures/formats.fixtures';
import { createApp } from './utils/create-app';
import { fieldMap, FORMAT_CASES } from './utils/format-cases';
import { platforms } from './utils/platforms';
import { RFC_9457_APPENDIX_A_SCHEMA, send } from './utils/send-source';

const DOCS = 'https://api.example.com/docs/errors';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validateRfc9457 = ajv.compile(RFC_9457_APPENDIX_A_SCHEMA);

describe.each(platforms)('wire formats (%p)', (Adapter) => {
  describe.each(FORMAT_CASES)('format: $name', (formatCase) => {
    let app: INestApplication;
    const validateSchema = formatCase.schema
      ? ajv.compile(formatCase.schema)
      : undefined;

    beforeAll(async () => {
      app = await createApp(
        FormatsAppModule.withOptions({
          docsBaseUrl: DOCS,
          format: formatCase.format,
        }),
        Adapter,
      );
    });
    afterAll(() => app.close());

    it.each(ERROR_SOURCES.map((s) => [s.name, s] as const))(
      'answers %s',
      async (_, source) => {
        const res = await send(app, source);
        const { expected } = source;
        const requestId = res.headers['x-request-id'];
        expect(res.status).toBe(expected.status);
        expect(res.headers['content-type']).toBe(formatCase.contentType);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers.vary).toBeUndefined();
        for (const [name, value] of Object.entries(expected.headers ?? {}))
          expect(res.headers[name]).toBe(value);
        expect(requestId).toEqual(expect.any(String));
        expect(JSON.parse(res.text)).toStrictEqual(
          formatCase.body(expected, {
            requestId,
            path: source.url.split('?')[0],
            docsBaseUrl: DOCS,
          }),
        );
        if (validateSchema) {
          const valid = validateSchema(JSON.parse(res.text));
          expect(validateSchema.errors ?? null).toBeNull();
          expect(valid).toBe(true);
        }
        if (formatCase.name === 'problem') {
          expect(validateRfc9457(JSON.parse(res.text))).toBe(true);
        }

        // The testing kit reads the same response through the format.
        const kit = {
          docsBaseUrl: DOCS,
          format: formatCase.format,
          cause: expected.cause ?? null,
        };
        expectApiError(
          res,
          {
            status: expected.status,
            code: expected.code,
            message: expected.message,
          },
          kit,
        );
        if (
          expected.fieldErrors &&
          formatCase.name !== 'custom { code, message } (seed 003)'
        )
          expectValidationErrors(res, fieldMap(expected.fieldErrors), {
            ...kit,
            exact: true,
          });
      },
    );
  });
});
