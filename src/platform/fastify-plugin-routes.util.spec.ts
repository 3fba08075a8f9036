import Fastify from 'fastify';

import type { ErrorResponder } from './platform.interface';
import {
  answerStrictPreflightRefusal,
  defaultErrorHandlerAdopter,
  STRICT_PREFLIGHT_MESSAGE,
} from './fastify-plugin-routes.util';

/** A responder that answers every error with its message, as JSON. */
function recordingResponder(answered: unknown[]): ErrorResponder {
  return {
    reply(exception, _request, reply) {
      answered.push(exception);
      (reply as { code(s: number): { send(b: string): void } })
        .code(418)
        .send(JSON.stringify({ answered: (exception as Error).message }));
    },
    renderRaw() {
      throw new Error('not used');
    },
  };
}

describe('defaultErrorHandlerAdopter', () => {
  it("gives a route on Fastify's default error handler the given one", async () => {
    const fastify = Fastify();
    const answered: unknown[] = [];
    const responder = recordingResponder(answered);
    const adopt = defaultErrorHandlerAdopter(fastify, (e, q, r) =>
      responder.reply(e, q, r),
    );
    expect(adopt).toBeDefined();
    fastify.addHook('onRequest', (request, _reply, done) => {
      adopt?.(request);
      done();
    });
    fastify.get('/fails', () => {
      throw new Error('database text');
    });
    const res = await fastify.inject({ url: '/fails' });
    expect(res.statusCode).toBe(418);
    expect(res.json()).toEqual({ answered: 'database text' });
    expect(answered).toHaveLength(1);
    await fastify.close();
  });

  it('leaves an app that set its own error handler alone', async () => {
    const fastify = Fastify();
    fastify.setErrorHandler((_error, _request, reply) => {
      void reply.code(503).send('own');
    });
    expect(
      defaultErrorHandlerAdopter(fastify, () => undefined),
    ).toBeUndefined();
    await fastify.close();
  });

  it('leaves a route whose context has a handler of its own alone', async () => {
    const fastify = Fastify();
    const adopt = defaultErrorHandlerAdopter(fastify, () => {
      throw new Error('must not run');
    });
    fastify.addHook('onRequest', (request, _reply, done) => {
      adopt?.(request);
      done();
    });
    fastify.get(
      '/own',
      {
        errorHandler: (_error, _request, reply) => {
          void reply.code(409).send('route handler');
        },
      },
      () => {
        throw new Error('x');
      },
    );
    const res = await fastify.inject({ url: '/own' });
    expect([res.statusCode, res.body]).toEqual([409, 'route handler']);
    await fastify.close();
  });
});

describe('answerStrictPreflightRefusal', () => {
  async function options(payload: string, type: string, status: number) {
    const fastify = Fastify();
    const answered: unknown[] = [];
    const responder = recordingResponder(answered);
    fastify.options('/x', (request, reply) => {
      answerStrictPreflightRefusal(request, reply, responder);
      void reply.code(status).type(type).send(payload);
    });
    const res = await fastify.inject({ method: 'OPTIONS', url: '/x' });
    await fastify.close();
    return { res, answered };
  }

  it("answers @fastify/cors's plain-text refusal through the responder", async () => {
    const { res, answered } = await options(
      'Invalid Preflight Request',
      'text/plain',
      400,
    );
    expect(res.statusCode).toBe(418);
    expect(res.json()).toEqual({ answered: STRICT_PREFLIGHT_MESSAGE });
    expect(answered).toHaveLength(1);
  });

  it.each([
    ['another body', 'Bad', 'text/plain', 400],
    ['another status', 'Invalid Preflight Request', 'text/plain', 200],
    ['another type', 'Invalid Preflight Request', 'text/html', 400],
  ])('sends %s as it is', async (_name, payload, type, status) => {
    const { res, answered } = await options(payload, type, status);
    expect([res.statusCode, res.body]).toEqual([status, payload]);
    expect(answered).toEqual([]);
  });
});
