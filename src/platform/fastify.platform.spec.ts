import type { AbstractHttpAdapter } from '@nestjs/core';
import Fastify from 'fastify';
import type { FastifyReply } from 'fastify';

import { FastifyPlatform } from './fastify.platform';
import type { ErrorResponse } from './platform.interface';

const KEEP = new Set(['x-request-id']);

const ERROR: ErrorResponse = {
  status: 404,
  contentType: 'application/json; charset=utf-8',
  headers: { 'x-request-id': 'id-1', Vary: 'Accept' },
  body: '{"request_id":"id-1"}',
};

/**
 * The write stage on a real Fastify reply that a handler filled before
 * failing: with Fastify's own header map (read by its symbol), and through
 * `getHeaders()` on a reply that hides it.
 */
describe('FastifyPlatform.write', () => {
  async function answer(hideOwnHeaders: boolean) {
    const fastify = Fastify();
    const platform = new FastifyPlatform({
      getInstance: () => fastify,
    } as unknown as AbstractHttpAdapter);
    fastify.get('/', (_request, reply: FastifyReply) => {
      reply.header('x-request-id', 'id-1');
      reply.header('etag', '"v1"');
      reply.header('vary', 'Origin');
      reply.raw.setHeader('x-total-count', '3');
      reply.raw.setHeader('access-control-allow-origin', '*');
      // A reply without own symbols makes the platform fall back to `getHeaders()`.
      const target = hideOwnHeaders
        ? (Object.create(reply) as FastifyReply)
        : reply;
      platform.write(target, ERROR, KEEP);
      return reply;
    });
    const res = await fastify.inject({ method: 'GET', url: '/' });
    await fastify.close();
    return res;
  }

  it.each([
    ['its own header map', false],
    ['getHeaders()', true],
  ])('drops stale headers and merges Vary, reading %s', async (_how, hide) => {
    const res = await answer(hide);
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe(ERROR.body);
    expect(res.headers['x-request-id']).toBe('id-1');
    expect(res.headers['content-type']).toBe(ERROR.contentType);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.vary).toBe('Origin, Accept');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['x-total-count']).toBeUndefined();
  });
});
