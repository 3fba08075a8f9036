import {
  BadRequestException,
  Catch,
  HttpException,
  NotFoundException,
  ValidationPipe,
} from '@nestjs/common';

import { validationExceptionFactory } from '../validation/validation-exception.factory';
import { ErrorsValidationPipe } from '../validation/errors-validation.pipe';
import {
  adoptPipe,
  catchesNotFound,
  pipeOverlap,
  shadowedExceptions,
  standsDown,
} from './conflict-rules';

class DomainError extends Error {}

@Catch()
class CatchAll {}
@Catch(HttpException)
class CatchHttp {}
@Catch(NotFoundException, DomainError)
class CatchNotFound {}
@Catch(Error)
class CatchError {}
@Catch(DomainError)
class CatchDomain {}
class NoDecorator {}
@Catch(BadRequestException)
class CatchBadRequest {}

describe('catchesNotFound', () => {
  it.each([
    [CatchAll, true],
    [NoDecorator, true],
    [CatchHttp, true],
    [CatchNotFound, true],
    [CatchError, true],
    [CatchDomain, false],
    [CatchBadRequest, false],
    [undefined, true],
  ])("%p catches the router's 404: %p", (type, expected) => {
    expect(catchesNotFound(type)).toBe(expected);
  });
});

describe('shadowedExceptions', () => {
  it.each([
    [CatchAll, 'every exception'],
    [NoDecorator, 'every exception'],
    [CatchHttp, 'HttpException'],
    [CatchNotFound, 'NotFoundException'],
    [CatchError, 'every exception'],
    [CatchDomain, undefined],
    [undefined, undefined],
  ])('%p catches %p of ours', (type, expected) => {
    expect(shadowedExceptions(type)).toBe(expected);
  });
});

describe('pipeOverlap', () => {
  class OwnValidationPipe extends ValidationPipe {}

  it.each([
    [new ValidationPipe(), 'plain'],
    [new ValidationPipe({ transform: true, whitelist: true }), 'plain'],
    [
      new ValidationPipe({ exceptionFactory: () => new BadRequestException() }),
      'custom-factory',
    ],
    [new ErrorsValidationPipe(), 'errors-pipe'],
    [new OwnValidationPipe(), 'subclass'],
    [{ transform: (v: unknown) => v }, undefined],
  ])('%#: %p', (pipe, expected) => {
    expect(pipeOverlap(pipe)).toBe(expected);
  });

  it('the module stands down except beside a subclass it cannot reason about', () => {
    expect(standsDown('plain')).toBe(true);
    expect(standsDown('subclass')).toBe(false);
  });

  it('adoptPipe gives a plain ValidationPipe the 422 factory', () => {
    const pipe = new ValidationPipe();
    adoptPipe(pipe);
    const factory = (pipe as unknown as { exceptionFactory: unknown })
      .exceptionFactory;
    expect(String(factory)).toBe(String(validationExceptionFactory()));
  });
});
