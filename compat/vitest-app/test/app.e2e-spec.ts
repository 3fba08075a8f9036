import { INestApplication, NotFoundException } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  expectApiError,
  expectApiException,
  expectValidationErrors,
} from 'nestjs-api-errors/testing';
import request from 'supertest';
import { App } from 'supertest/types.js';

import { AppErrors } from './../src/app.errors.js';
import { AppModule } from './../src/app.module.js';
import { AppService } from './../src/app.service.js';

describe('AppController (e2e)', () => {
  let app: INestApplication<App>;

  beforeEach(async () => {
    const moduleFixture: TestingModule = await Test.createTestingModule({
      imports: [AppModule],
    }).compile();

    app = moduleFixture.createNestApplication();
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  it('/ (GET)', () => {
    return request(app.getHttpServer())
      .get('/')
      .expect(200)
      .expect('Hello World!');
  });

  // No configureApiErrorTesting: the kit reads the booted app's docsBaseUrl.
  it('answers a missing project with the catalog error', async () => {
    const res = await request(app.getHttpServer()).get('/projects/nope');

    expectApiError(res, AppErrors.ProjectNotFound, {
      cause: 'No project has the id "nope".',
    });
    expect(res).toBeApiError(AppErrors.ProjectNotFound);
    expect(res).not.toBeApiError(404);
  });

  it('answers an unknown route and a bad body', async () => {
    expectApiError(await request(app.getHttpServer()).get('/no/such/route'), 404);
    const res = await request(app.getHttpServer())
      .post('/projects')
      .send({ name: 'x' });
    expectValidationErrors(res, ['name', 'seats'], { exact: true });
    expect(res).toHaveFieldErrors({ seats: expect.any(Array) });
  });

  it('maps the database error of a taken name, and no other', async () => {
    const taken = await request(app.getHttpServer())
      .post('/projects')
      .send({ name: 'apollo', seats: 3 });
    expectApiError(taken, AppErrors.ProjectNameTaken);

    const offline = await request(app.getHttpServer())
      .post('/projects')
      .send({ name: 'offline', seats: 3 });
    expectApiError(offline, 500);
    expect(offline.text).not.toContain('projects_name_key');
  });

  it('checks thrown errors in unit tests', async () => {
    const service = app.get(AppService);

    await expectApiException(
      () => service.findProject('nope'),
      AppErrors.ProjectNotFound,
      { cause: /nope/ },
    );
    await expect(service.findProject('nope')).rejects.toThrowApiError(
      AppErrors.ProjectNotFound,
    );
    expect(() => {
      throw new NotFoundException('Project 42 was not found.');
    }).toThrowApiError(404, { message: 'Project 42 was not found.' });
  });
});
