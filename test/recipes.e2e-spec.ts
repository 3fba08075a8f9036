import { Controller, Get, Module, RequestMethod } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Logger, LoggerModule, PinoLogger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';

import { FastifyAdapter } from '@nestjs/platform-fastify';

import { ErrorsModule, getRequestId, requestIdOf } from '../src';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      lines.push(JSON.parse(line));
    done();
  },
});

@Controller()
class PinoController {
  constructor(private readonly logger: PinoLogger) {}

  @Get('hello')
  hello() {
    this.logger.info('inside the handler');
    return { id: getRequestId() };
  }
}

@Module({
  imports: [
    ErrorsModule.forRoot(),
    // The recipe: pino's req.id is the module's request id.
    LoggerModule.forRoot({
      pinoHttp: {
        genReqId: (req) => requestIdOf(req),
        stream: sink,
      },
      // nestjs-pino's default route pattern is not applied by NestJS 12 on
      // Fastify (nothing would be logged there): name the wildcard.
      forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
    }),
  ],
  controllers: [PinoController],
})
class PinoAppModule {}

describe.each(platforms)('recipe: nestjs-pino on %p', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    // On Fastify, nestjs-pino logs Fastify's request id: make it the module's.
    const Platform =
      Adapter === FastifyAdapter
        ? class extends FastifyAdapter {
            constructor() {
              super({ genReqId: (req: IncomingMessage) => requestIdOf(req) });
            }
          }
        : Adapter;
    app = await createApp(PinoAppModule, Platform as typeof Adapter, {
      setup: (a) => a.useLogger(a.get(Logger)),
    });
  });
  afterAll(() => app.close());
  beforeEach(() => (lines.length = 0));

  it('logs with req.id equal to the request id of the response', async () => {
    const res = await http(app).get('/hello').set('x-request-id', 'client-7');
    expect(res.headers['x-request-id']).toBe('client-7');
    const handler = lines.find((l) => l.msg === 'inside the handler');
    const completed = lines.find((l) => l.msg === 'request completed');
    expect((handler?.req as { id?: string })?.id).toBe('client-7');
    expect((completed?.req as { id?: string })?.id).toBe('client-7');
  });

  it('uses the generated id too, on errors as well', async () => {
    const res = await http(app).get('/no/such/route');
    const id = res.headers['x-request-id'];
    expect(res.body.request_id).toBe(id);
    const completed = lines.find(
      (l) => (l.res as { statusCode?: number })?.statusCode === 404,
    );
    expect((completed?.req as { id?: string })?.id).toBe(id);
  });
});
