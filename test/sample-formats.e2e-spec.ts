import type { INestApplication } from '@nestjs/common';
import { Ajv2020 } from 'ajv/dist/2020';

import { AppModule } from '../sample/src/app.module';
import { NEST_ERROR_SCHEMA, PROBLEM_DETAILS_SCHEMA } from '../src/testing';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

const KEY = { 'x-api-key': 'demo-key' };
const ajv = new Ajv2020({ strict: true, allErrors: true });

/** Boots the sample as `FORMAT=<format> npm start` does (options are read at bootstrap). */
async function startSample(
  format: string,
  Adapter: (typeof platforms)[number],
): Promise<INestApplication> {
  const previous = process.env.FORMAT;
  process.env.FORMAT = format;
  try {
    return await createApp(AppModule, Adapter);
  } finally {
    if (previous === undefined) delete process.env.FORMAT;
    else process.env.FORMAT = previous;
  }
}

describe.each(platforms)('sample app formats (%p)', (Adapter) => {
  it('FORMAT=problem answers RFC 9457 problem details', async () => {
    const app: INestApplication = await startSample('problem', Adapter);
    try {
      const res = await http(app)
        .get('/projects/99')
        .set(KEY)
        .set('x-request-id', 'p-1');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe(
        'application/problem+json; charset=utf-8',
      );
      const body = JSON.parse(res.text);
      expect(ajv.validate(PROBLEM_DETAILS_SCHEMA, body)).toBe(true);
      expect(body).toMatchObject({
        type: 'https://api.example.com/docs/errors/404/project_not_found',
        status: 404,
        instance: '/projects/99',
        code: 'project_not_found',
        request_id: 'p-1',
      });
      const invalid = await http(app)
        .post('/projects')
        .set(KEY)
        .send({ name: 'x', owner: { email: 'no' } });
      expect(invalid.status).toBe(422);
      expect(JSON.parse(invalid.text).errors).toContainEqual({
        detail: expect.stringContaining('owner.email'),
        pointer: '#/owner/email',
      });
    } finally {
      await app.close();
    }
  });

  it('FORMAT=nest answers the nest shape, and negotiates problem details', async () => {
    const app: INestApplication = await startSample('nest', Adapter);
    try {
      const res = await http(app).get('/projects/99?x=1').set(KEY);
      expect(ajv.validate(NEST_ERROR_SCHEMA, res.body)).toBe(true);
      expect(res.body).toMatchObject({
        statusCode: 404,
        error: 'Not Found',
        path: '/projects/99',
      });
      expect(res.headers.vary).toBe('Accept');
      const problem = await http(app)
        .get('/projects/99')
        .set(KEY)
        .set('accept', 'application/problem+json');
      expect(problem.headers['content-type']).toBe(
        'application/problem+json; charset=utf-8',
      );
    } finally {
      await app.close();
    }
  });
});
