import './jest';
// What the package's main entry registers (Vitest cannot require TS sources).
import '../registry/normalizer.registration';

import {
  BadRequestException,
  ForbiddenException,
  NotFoundException,
} from '@nestjs/common';

import { ApiException } from '../catalog/api.exception';
import { resolveErrorsOptions } from '../errors-module.options';
import {
  registerAppOptions,
  unregisterAppOptions,
} from '../registry/app-options.registry';
import { ApiErrorAssertionError } from './api-error.assertions';
import { expectApiException } from './api-exception.assertions';
import { configureApiErrorTesting } from './testing.options';
import { AppErrors } from '../catalog/sample-errors.spec-util';
import { ApiErrorTestingUsageError } from './testing-usage.error';

const invalidKey = () => {
  throw new ApiException(AppErrors.InvalidApiKey, {
    cause: 'This key does not exist.',
  });
};

function thrown(run: () => void): ApiErrorAssertionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiErrorAssertionError) return error;
    throw error;
  }
  throw new Error('expected the assertion to fail, it passed');
}

describe('expectApiException', () => {
  it('passes for a function throwing the ApiException, with or without its cause', () => {
    expectApiException(invalidKey, AppErrors.InvalidApiKey);
    expectApiException(invalidKey, AppErrors.InvalidApiKey, {
      cause: 'This key does not exist.',
    });
    expectApiException(invalidKey, AppErrors.InvalidApiKey, {
      cause: /does not exist/,
    });
  });

  it('accepts the error itself, and Nest exceptions by built-in status', () => {
    expectApiException(new NotFoundException('Project 1 not found'), 404);
    expectApiException(new NotFoundException('Project 1 not found'), 404, {
      message: 'Project 1 not found',
    });
    expectApiException(new ForbiddenException(), 403, {
      message: 'You do not have permission to access this resource.',
    });
  });

  it('awaits promises and async functions', async () => {
    await expectApiException(
      Promise.reject(new ApiException(AppErrors.ProjectNotFound)),
      AppErrors.ProjectNotFound,
    );
    await expectApiException(async () => {
      throw new ApiException(AppErrors.ProjectNotFound);
    }, AppErrors.ProjectNotFound);
    await expect(
      expectApiException(Promise.resolve(42), AppErrors.ProjectNotFound),
    ).rejects.toThrow('nothing was thrown: it resolved with 42');
  });

  it('reports a wrong error field by field, with what the app would answer', () => {
    const error = thrown(() =>
      expectApiException(
        () => {
          throw new BadRequestException('name is required');
        },
        AppErrors.InvalidApiKey,
        { cause: 'This key does not exist.' },
      ),
    );
    expect(error.message).toBe(
      [
        'Expected the code to throw the API error 2000 (HTTP 401), but:',
        '  - status: expected 401, received 400',
        '  - code: expected 2000, received "bad_request"',
        '  - message: expected "The API key provided is invalid.", received "name is required"',
        '  - cause: expected "This key does not exist.", received (none)',
        '',
        'Expected (as the app would answer it):',
        '  {',
        '    "status": 401,',
        '    "code": 2000,',
        '    "message": "The API key provided is invalid.",',
        '    "cause": "This key does not exist."',
        '  }',
        'Received:',
        '  BadRequestException: name is required',
        '  answered as:',
        '    {',
        '      "status": 400,',
        '      "code": "bad_request",',
        '      "message": "name is required"',
        '    }',
      ].join('\n'),
    );
    expect(error.expected).toEqual({
      status: 401,
      code: 2000,
      message: 'The API key provided is invalid.',
      cause: 'This key does not exist.',
    });
    expect(error.actual).toEqual({
      status: 400,
      code: 'bad_request',
      message: 'name is required',
    });
  });

  it('fails when nothing, or a non-HTTP error, is thrown', () => {
    expect(
      thrown(() => expectApiException(() => 'ok', AppErrors.InvalidApiKey))
        .problems,
    ).toEqual(['nothing was thrown: it returned "ok"']);
    expect(
      thrown(() =>
        expectApiException(() => {
          throw new TypeError('boom');
        }, 500),
      ).problems,
    ).toEqual([
      'TypeError: boom is not an HTTP exception: the app answers it as an unexpected error',
    ]);
  });

  it('has writable expected and actual, as Vitest assigns them', () => {
    const error = thrown(() =>
      expectApiException(invalidKey, AppErrors.ProjectNotFound),
    );
    error.expected = 'replaced';
    error.actual = 'replaced';
    expect([error.expected, error.actual]).toEqual(['replaced', 'replaced']);
    expect(Object.keys(error)).not.toContain('expected');
    expect(Object.keys(error)).not.toContain('actual');
  });

  it('refuses what is neither a definition nor a built-in status', () => {
    expect(() => expectApiException(invalidKey, 299)).toThrow(
      ApiErrorTestingUsageError,
    );
  });
});

describe('toThrowApiError', () => {
  it('checks a function, .not, and .rejects', async () => {
    expect(invalidKey).toThrowApiError(AppErrors.InvalidApiKey, {
      cause: 'This key does not exist.',
    });
    expect(invalidKey).not.toThrowApiError(AppErrors.ProjectNotFound);
    expect(() => undefined).not.toThrowApiError(AppErrors.ProjectNotFound);
    await expect(
      Promise.reject(new NotFoundException('Project 1 not found')),
    ).rejects.toThrowApiError(404, { message: 'Project 1 not found' });
  });

  it('prints the report, and says how to handle promises', () => {
    expect(() =>
      expect(invalidKey).toThrowApiError(AppErrors.ProjectNotFound),
    ).toThrow(
      /Expected the code to throw the API error "project_not_found" \(HTTP 404\), but:\n {2}- status: expected 404, received 401/,
    );
    expect(() => expect(async () => undefined).toThrowApiError(404)).toThrow(
      'Use `await expect(fn()).rejects.toThrowApiError(...)`',
    );
    expect(() =>
      expect(invalidKey).not.toThrowApiError(AppErrors.InvalidApiKey),
    ).toThrow('Expected the code not to throw the API error 2000 (HTTP 401)');
  });
});

describe('the booted app’s options', () => {
  afterEach(() => configureApiErrorTesting());

  it('are used when the kit is not configured, and configureApiErrorTesting wins', () => {
    const app = registerAppOptions(
      resolveErrorsOptions({ builtInErrors: { NotFound: { code: 1404 } } }),
    );
    try {
      expectApiException(new NotFoundException(), 404);
      expectApiException(new NotFoundException(), {
        status: 404,
        code: 1404,
        message: 'The requested resource does not exist.',
      });
      expect(
        thrown(() =>
          expectApiException(
            new NotFoundException(),
            AppErrors.ProjectNotFound,
          ),
        ).actual,
      ).toMatchObject({ code: 1404 });
      configureApiErrorTesting({ builtInErrors: {} });
      expect(
        thrown(() =>
          expectApiException(
            new NotFoundException(),
            AppErrors.ProjectNotFound,
          ),
        ).actual,
      ).toMatchObject({ code: 'not_found' });
    } finally {
      unregisterAppOptions(app);
    }
  });

  it('are refused when several running apps disagree, naming the option to set', () => {
    const a = registerAppOptions(
      resolveErrorsOptions({ builtInErrors: { NotFound: { code: 1404 } } }),
    );
    const b = registerAppOptions(resolveErrorsOptions({}));
    try {
      expect(() => expectApiException(new NotFoundException(), 404)).toThrow(
        /2 apps using ErrorsModule are running in this process, with different builtInErrors .*configureApiErrorTesting\(\{ builtInErrors \}\)/,
      );
      // A definition needs no built-ins: nothing to decide.
      expectApiException(
        new ApiException(AppErrors.ProjectNotFound),
        AppErrors.ProjectNotFound,
      );
      configureApiErrorTesting({ builtInErrors: {} });
      expectApiException(new NotFoundException(), 404);
    } finally {
      unregisterAppOptions(a);
      unregisterAppOptions(b);
    }
  });
});
