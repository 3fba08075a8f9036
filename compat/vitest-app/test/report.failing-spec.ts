import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { expectApiError, expectApiException } from 'nestjs-api-errors/testing';
import request from 'supertest';
import { App } from 'supertest/types.js';

import { AppErrors } from './../src/app.errors.js';
import { AppModule } from './../src/app.module.js';
import { AppService } from './../src/app.service.js';

// Every case fails on purpose: scripts/fixture-app.mjs checks Vitest's report.
describe('failure reports', () => {
  let app: INestApplication<App>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });
  afterAll(() => app.close());

  it('expectApiError with the wrong error', async () => {
    const res = await request(app.getHttpServer()).get('/projects/nope');
    expectApiError(res, AppErrors.InvalidApiKey);
  });

  it('toBeApiError with the wrong error', async () => {
    const res = await request(app.getHttpServer()).get('/projects/nope');
    expect(res).toBeApiError(AppErrors.InvalidApiKey);
  });

  it('expectApiException with the wrong error', async () => {
    await expectApiException(
      () => app.get(AppService).findProject('nope'),
      AppErrors.InvalidApiKey,
    );
  });
});
