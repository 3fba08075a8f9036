import type { INestApplication } from '@nestjs/common';
import { Controller, Get, Module, Post } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { ApiErrors, BUILT_IN_ERRORS, ErrorsModule } from '../src';
import { SemanticsErrors as E } from './fixtures/semantics.errors';
import { createApp, http } from './utils/create-app';
import { FORMAT_CASES } from './utils/format-cases';
import { openApiDocumentOf, validateOpenApi } from './utils/openapi-validate';
import { platforms } from './utils/platforms';

const DOCS = 'https://api.example.com/docs/errors';

@ApiErrors(E.InvalidApiKey)
@Controller('keys')
class KeysController {
  @Post()
  @ApiErrors(E.DuplicateKey)
  @ApiErrors(E.ProjectArchived, BUILT_IN_ERRORS.UnprocessableEntity)
  create() {
    throw new Error('unused');
  }

  @Get('missing')
  @ApiErrors(BUILT_IN_ERRORS.NotFound)
  missing() {
    return undefined;
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

describe.each(platforms)('@ApiErrors in each format (%p)', (Adapter) => {
  describe.each(FORMAT_CASES)('format: $name', (formatCase) => {
    let app: INestApplication;
    let document: OpenAPIObject;
    const mediaType =
      formatCase.name === 'problem'
        ? 'application/problem+json'
        : 'application/json';

    beforeAll(async () => {
      @Module({
        imports: [
          ErrorsModule.forRoot({
            catalog: E,
            docsBaseUrl: DOCS,
            format: formatCase.format,
          }),
        ],
        controllers: [KeysController],
      })
      class OpenApiFormatModule {}
      app = await createApp(OpenApiFormatModule, Adapter);
      document = openApiDocumentOf(app);
    });
    afterAll(() => app.close());

    it('is a valid OpenAPI document', () => {
      expect(validateOpenApi(document)).toEqual({ valid: true });
    });

    it("describes each status under the format's media type, examples rendered by it", () => {
      const responses = document.paths['/keys'].post!.responses as Record<
        string,
        {
          description: string;
          content: Record<
            string,
            { schema: object; examples: Record<string, { value: unknown }> }
          >;
        }
      >;
      expect(Object.keys(responses['409'].content)).toEqual([mediaType]);
      const conflict = responses['409'].content[mediaType];
      // Two @ApiErrors of one status on one handler merge.
      expect(Object.keys(conflict.examples)).toEqual([
        'ProjectArchived',
        'DuplicateKey',
      ]);
      expect(responses['409'].description).toContain('`duplicate_key`');
      expect(responses['409'].description).toContain('`project_archived`');
      for (const status of ['401', '409', '422']) {
        const { schema, examples } = responses[status].content[mediaType];
        const validate = ajv.compile(schema);
        for (const [name, example] of Object.entries(examples)) {
          const strict = formatCase.schema
            ? ajv.validate(formatCase.schema, example.value)
            : true;
          expect({
            status,
            name,
            valid: validate(example.value),
            strict,
          }).toEqual({
            status,
            name,
            valid: true,
            strict: true,
          });
        }
      }
    });

    it('shows the keys the route really answers', async () => {
      const res = await http(app).get('/keys/missing/nowhere');
      expect(res.status).toBe(404);
      const notFound = (
        document.paths['/keys/missing'].get!.responses['404'] as {
          content: Record<
            string,
            { examples: Record<string, { value: object }> }
          >;
        }
      ).content[mediaType].examples.NotFound.value;
      const body = JSON.parse(res.text);
      // The router's own message differs from the definition's (problem: adds `detail`).
      const answered = Object.keys(body).filter((k) => k !== 'detail');
      expect(answered).toEqual(Object.keys(notFound));
    });
  });
});
