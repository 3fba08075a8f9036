import type { INestApplication } from '@nestjs/common';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { IsString } from 'class-validator';

import { ApiErrors, BUILT_IN_ERRORS, ErrorsModule } from '../src';
import { SemanticsErrors as E } from './fixtures/semantics.errors';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { openApiDocumentOf, validateOpenApi } from './utils/openapi-validate';
import { platforms } from './utils/platforms';

const DOCS = 'https://api.example.com/docs/errors';

class CreateKeyDto {
  @IsString()
  name!: string;
}

@ApiErrors(E.InvalidApiKey)
@Controller('keys')
class KeysController {
  @Post()
  @ApiErrors(
    E.DuplicateKey,
    E.ProjectArchived,
    BUILT_IN_ERRORS.UnprocessableEntity,
  )
  create(@Body() dto: CreateKeyDto) {
    return dto;
  }

  @Get(':id')
  @ApiErrors(E.ProjectNotFound)
  @ApiErrors(E.NoAccess)
  one() {
    return {};
  }
}

@Module({
  imports: [ErrorsModule.forRoot({ catalog: E, docsBaseUrl: DOCS })],
  controllers: [KeysController],
})
class OpenApiModule {}

describe.each(platforms)('@ApiErrors and OpenAPI (%p)', (Adapter) => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createApp(OpenApiModule, Adapter);
    document = openApiDocumentOf(app);
  });
  afterAll(() => app.close());

  it('produces a document that a real OpenAPI validator accepts', () => {
    expect(validateOpenApi(document)).toEqual({ valid: true });
  });

  it('documents one response per status, with class-level errors on every handler', () => {
    const errorStatuses = (op: { responses: object }) =>
      Object.keys(op.responses)
        .filter((s) => s >= '400')
        .sort();
    expect(errorStatuses(document.paths['/keys'].post!)).toEqual([
      '401',
      '409',
      '422',
    ]);
    expect(errorStatuses(document.paths['/keys/{id}'].get!)).toEqual([
      '401',
      '403',
      '404',
    ]);
  });

  it('gives each error an example with its real code, message and docs link', () => {
    const conflict = (document.paths['/keys'].post!.responses['409'] as any)
      .content['application/json'];
    expect(conflict.examples).toEqual({
      DuplicateKey: {
        summary: 'duplicate_key: A key with this name already exists.',
        value: {
          request_id: expect.any(String),
          error: {
            status: 'Conflict',
            code: 'duplicate_key',
            message: 'A key with this name already exists.',
            docs: `${DOCS}/409/duplicate_key`,
          },
        },
      },
      ProjectArchived: {
        summary: 'project_archived: The project is archived.',
        value: {
          request_id: expect.any(String),
          error: {
            status: 'Conflict',
            code: 'project_archived',
            message: 'The project is archived.',
            docs: `${DOCS}/409/project_archived`,
          },
        },
      },
    });
    expect(conflict.schema.properties.error.properties.code).toMatchObject({
      type: 'string',
      enum: ['duplicate_key', 'project_archived'],
    });
    const unauthorized = (
      document.paths['/keys/{id}'].get!.responses['401'] as any
    ).content['application/json'];
    expect(unauthorized.examples.InvalidApiKey.value.error).toEqual({
      status: 'Unauthorized',
      code: 2000,
      message: 'The API key provided is invalid.',
      docs: `${DOCS}/401/2000`,
    });
    expect(unauthorized.schema.properties.error.properties.code).toMatchObject({
      type: 'integer',
      enum: [2000],
    });
  });

  it('shows the errors map in the 422 response', () => {
    const invalid = (document.paths['/keys'].post!.responses['422'] as any)
      .content['application/json'];
    expect(invalid.schema.properties.error.required).toContain('errors');
    expect(invalid.schema.properties.error.properties.errors).toEqual(
      expect.objectContaining({
        type: 'object',
        additionalProperties: {
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
        },
      }),
    );
    expect(invalid.examples.UnprocessableEntity.value.error).toEqual({
      status: 'Unprocessable Entity',
      code: 'validation_failed',
      message: 'The given data was invalid.',
      docs: `${DOCS}/422/validation_failed`,
      errors: {
        email: ['email must be an email'],
        'address.city': ['address.city should not be empty'],
      },
    });
  });

  it('matches what the route really answers', async () => {
    const res = await http(app).post('/keys').send({});
    expectEnvelope(res, {
      status: 422,
      code: 'validation_failed',
      message: 'The given data was invalid.',
      docsBaseUrl: DOCS,
      errors: { name: ['name must be a string'] },
    });
    const example = (document.paths['/keys'].post!.responses['422'] as any)
      .content['application/json'].examples.UnprocessableEntity.value;
    expect(Object.keys(res.body.error)).toEqual(Object.keys(example.error));
  });
});
