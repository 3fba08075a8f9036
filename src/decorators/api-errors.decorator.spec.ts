import type * as ApiErrorsDecorator from './api-errors.decorator';
import 'reflect-metadata';

import { API_ERRORS_METADATA } from '../errors.internal-constants';
import type { ErrorDefinition } from '../catalog/error-definition.interface';

type ApiErrorsModule = typeof ApiErrorsDecorator;

const NotFound: ErrorDefinition = {
  status: 404,
  code: 'project_not_found',
  message: 'The project does not exist.',
};

describe('ApiErrors', () => {
  afterEach(() => jest.resetModules());

  it('is harmless without @nestjs/swagger: it only records the errors', () => {
    jest.isolateModules(() => {
      jest.doMock('@nestjs/swagger', () => {
        throw new Error("Cannot find module '@nestjs/swagger'");
      });
      const { ApiErrors } =
        require('./api-errors.decorator') as ApiErrorsModule;
      class Controller {
        @ApiErrors(NotFound)
        handler() {}
      }
      const handler = Controller.prototype.handler;
      expect(Reflect.getOwnMetadata(API_ERRORS_METADATA, handler)).toEqual([
        NotFound,
      ]);
      expect(
        Reflect.getMetadataKeys(handler).filter((k: unknown) =>
          String(k).startsWith('swagger/'),
        ),
      ).toEqual([]);
    });
  });

  it('rejects something that is not an error definition', () => {
    const { ApiErrors } = require('./api-errors.decorator') as ApiErrorsModule;
    expect(() =>
      ApiErrors({ status: 200, code: 'ok', message: 'fine' }),
    ).toThrow(/status 200/);
  });
});
