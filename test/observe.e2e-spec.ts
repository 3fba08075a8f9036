import { randomUUID } from 'node:crypto';

import { Controller, Get, Inject, Module } from '@nestjs/common';
import type { DynamicModule, INestApplication } from '@nestjs/common';

import { ErrorsModule, getRequestId } from '../src';
import type { ErrorReport } from '../src';
import { OBS_OPTIONS } from './fixtures/observability.fixtures';
import { createApp, http } from './utils/create-app';
import { describeOnNest, platforms } from './utils/platforms';

/**
 * The README's @nestjs/observe recipe. The package is installed in the
 * NestJS 12 overlay only (it needs the adapter hooks NestJS 12 added).
 */
type Observe = {
  createObserveModule(): {
    ObserveModule: { forRoot(options: object): DynamicModule };
  };
  TracerService: new (...args: never[]) => { currentTraceId(): string | null };
};
const observe: Observe | undefined =
  process.env.NEST_MAJOR === '12'
    ? (require('@nestjs/observe') as Observe)
    : undefined;

const UUID_V7 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

if (!observe)
  describeOnNest(12)('@nestjs/observe recipe (NestJS 12 only)', () => {
    it('runs in the NestJS 12 run (npm run test:nest12)', () => undefined);
  });
else
  describe.each(platforms)('@nestjs/observe recipe (%p)', (Adapter) => {
    const { TracerService, createObserveModule } = observe;
    const reports: Array<{ report: ErrorReport; traceId: string | null }> = [];
    let app: INestApplication;

    @Controller('observe')
    class IdsController {
      constructor(
        @Inject(TracerService)
        private readonly tracer: InstanceType<typeof TracerService>,
      ) {}

      @Get('ids')
      ids() {
        return {
          traceId: this.tracer.currentTraceId(),
          requestId: getRequestId(),
        };
      }

      @Get('boom')
      boom(): never {
        throw new Error('boom');
      }
    }

    beforeEach(async () => {
      reports.length = 0;
      const { ObserveModule } = createObserveModule();
      @Module({
        imports: [
          ObserveModule.forRoot({
            appKey: 'test-key',
            appSecret: 'test-secret',
            serviceId: 'nestjs-api-errors-tests',
            // nothing leaves the machine: a closed loopback port
            endpoint: 'http://127.0.0.1:9',
          }),
          ErrorsModule.forRootAsync({
            inject: [TracerService],
            useFactory: (tracer: InstanceType<typeof TracerService>) => ({
              ...OBS_OPTIONS,
              trustRequestId: false,
              generateRequestId: () => tracer.currentTraceId() ?? randomUUID(),
              reporters: [
                (report: ErrorReport) =>
                  void reports.push({
                    report,
                    traceId: tracer.currentTraceId(),
                  }),
              ],
            }),
          }),
        ],
        controllers: [IdsController],
      })
      class ObserveApp {}
      app = await createApp(ObserveApp, Adapter);
    });
    afterEach(() => app.close());

    it('gives the request the trace id the agent minted', async () => {
      const res = await http(app).get('/observe/ids').expect(200);
      expect(res.body.traceId).toMatch(UUID_V7);
      expect(res.body.requestId).toBe(res.body.traceId);
      expect(res.headers['x-request-id']).toBe(res.body.traceId);
    });

    it('keeps an x-request-id the agent adopted, and only such an id', async () => {
      const adopted = await http(app)
        .get('/observe/ids')
        .set('x-request-id', 'gateway-42');
      expect(adopted.body).toEqual({
        traceId: 'gateway-42',
        requestId: 'gateway-42',
      });
      // printable, so the module alone would reuse it; the agent does not
      const refused = await http(app)
        .get('/observe/ids')
        .set('x-request-id', 'a/b');
      expect(refused.body.traceId).toMatch(UUID_V7);
      expect(refused.body.requestId).toBe(refused.body.traceId);
    });

    it('answers errors with the trace id as request_id', async () => {
      const res = await http(app).get('/observe/boom').expect(500);
      expect(reports).toHaveLength(1);
      expect(reports[0].traceId).toMatch(UUID_V7);
      expect(res.body.request_id).toBe(reports[0].traceId);
      expect(reports[0].report.requestId).toBe(reports[0].traceId);
    });
  });
