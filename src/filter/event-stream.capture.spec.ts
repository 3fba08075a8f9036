import 'reflect-metadata';

import { Controller, Get, Sse, UseInterceptors } from '@nestjs/common';
import type { NestInterceptor } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import { of } from 'rxjs';

import { resolveErrorsOptions } from '../errors-module.options';
import type { ErrorsFilter } from './errors.filter';
import { captureEventStreamErrors } from './event-stream.capture';

const INTERCEPTORS = '__interceptors__';

const logging: NestInterceptor = {
  intercept: (_context, next) => next.handle(),
};

@Controller()
class BaseFeed {
  @Sse('inherited')
  inherited() {
    return of({ data: 1 });
  }
}

@Controller('feed')
class FeedController extends BaseFeed {
  @Sse('plain')
  plain() {
    return of({ data: 1 });
  }

  @Sse('logged')
  @UseInterceptors(logging)
  logged() {
    return of({ data: 1 });
  }

  @Get('json')
  json() {
    return {};
  }
}

/** The part of Nest's container the capture reads: each module's controllers. */
function modulesWith(...controllers: unknown[]): ModulesContainer {
  const module = {
    controllers: new Map(controllers.map((metatype, i) => [i, { metatype }])),
  };
  return new Map([['app', module]]) as unknown as ModulesContainer;
}

function interceptorsOf(handler: object): unknown[] | undefined {
  return Reflect.getMetadata(INTERCEPTORS, handler) as unknown[] | undefined;
}

describe('captureEventStreamErrors', () => {
  const filter = {} as ErrorsFilter;
  const proto = FeedController.prototype;

  beforeAll(() => {
    captureEventStreamErrors(
      resolveErrorsOptions({}),
      filter,
      modulesWith(FeedController, null, class NotAController {}),
    );
  });

  it('gives every @Sse() handler one interceptor, inherited ones included', () => {
    expect(interceptorsOf(proto.plain)).toHaveLength(1);
    expect(interceptorsOf(proto.inherited)).toHaveLength(1);
    expect(interceptorsOf(proto.plain)?.[0]).toBe(
      interceptorsOf(proto.inherited)?.[0],
    );
  });

  it("puts it before the handler's own interceptors", () => {
    const list = interceptorsOf(proto.logged);
    expect(list).toHaveLength(2);
    expect(list?.[1]).toBe(logging);
    expect(list?.[0]).toBe(interceptorsOf(proto.plain)?.[0]);
  });

  it('leaves other routes without it', () => {
    expect(interceptorsOf(proto.json)).toBeUndefined();
  });

  it('adds it once however many apps capture the same controllers', () => {
    captureEventStreamErrors(
      resolveErrorsOptions({}),
      filter,
      modulesWith(FeedController),
    );
    expect(interceptorsOf(proto.plain)).toHaveLength(1);
    expect(interceptorsOf(proto.logged)).toHaveLength(2);
  });
});
