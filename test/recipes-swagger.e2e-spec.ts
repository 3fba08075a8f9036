import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  DocumentBuilder,
  SwaggerModule,
} from '@nestjs/swagger';
import { IsString } from 'class-validator';

import { ApiErrors, BUILT_IN_ERRORS, ErrorsModule } from '../src';
import { AppErrors } from './fixtures/app.errors';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

class ProjectDto {
  @ApiProperty()
  id!: string;
}

class CreateProjectDto {
  @ApiProperty()
  @IsString()
  name!: string;
}

// The recipe: @ApiErrors beside @nestjs/swagger's own response decorators,
// above or below them, on the class or the handler.
@ApiErrors(AppErrors.InvalidApiKey)
@Controller('projects')
class ProjectsController {
  @Get(':id')
  @ApiOkResponse({ type: ProjectDto, description: 'The project.' })
  @ApiErrors(AppErrors.ProjectNotFound)
  findOne(@Param('id') id: string): ProjectDto {
    return { id };
  }

  @Post()
  @ApiErrors(BUILT_IN_ERRORS.UnprocessableEntity)
  @ApiCreatedResponse({ type: ProjectDto, description: 'Created.' })
  create(@Body() dto: CreateProjectDto): ProjectDto {
    return { id: dto.name };
  }
}

@Module({
  imports: [
    ErrorsModule.forRoot({
      catalog: AppErrors,
      docsBaseUrl: 'https://api.example.com/docs/errors',
    }),
  ],
  controllers: [ProjectsController],
})
class SwaggerAppModule {}

describe.each(platforms)(
  'recipe: @nestjs/swagger with @ApiErrors on %p',
  (Adapter) => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(SwaggerAppModule, Adapter, {
        setup: (a) => {
          const config = new DocumentBuilder().setTitle('Projects').build();
          // The UI on Fastify needs @fastify/static; the JSON is what is checked.
          SwaggerModule.setup(
            'docs',
            a,
            () => SwaggerModule.createDocument(a, config),
            { ui: false },
          );
        },
      });
    });
    afterAll(() => app.close());

    it('keeps the success responses beside the documented errors', async () => {
      const res = await http(app).get('/docs-json');
      expect(res.status).toBe(200);
      const paths = res.body.paths;

      const findOne = paths['/projects/{id}'].get.responses;
      expect(Object.keys(findOne).sort()).toEqual(['200', '401', '404']);
      expect(findOne['200']).toEqual({
        description: 'The project.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/ProjectDto' },
          },
        },
      });
      expect(
        findOne['404'].content['application/json'].examples.ProjectNotFound
          .value.error,
      ).toEqual({
        status: 'Not Found',
        code: 'project_not_found',
        message: 'The project does not exist.',
        docs: 'https://api.example.com/docs/errors/404/project_not_found',
      });

      const create = paths['/projects'].post.responses;
      expect(Object.keys(create).sort()).toEqual(['201', '401', '422']);
      expect(create['201'].description).toBe('Created.');
      expect(create['422'].content['application/json'].examples).toHaveProperty(
        'UnprocessableEntity',
      );
    });

    it('answers as documented', async () => {
      expect((await http(app).get('/projects/apollo')).body).toEqual({
        id: 'apollo',
      });
      const bad = await http(app).post('/projects').send({});
      expect(bad.status).toBe(422);
      expect(bad.body.error.code).toBe('validation_failed');
    });
  },
);
