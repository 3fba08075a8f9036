import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';

import { ApiException } from '../catalog/api.exception';
import { defineErrors } from '../catalog/define-errors';
import { resolveErrorsOptions } from '../errors-module.options';
import { ValidationFailedException } from '../validation/validation-failed.exception';
import { normalizeException } from './normalize-exception.util';

const Errors = defineErrors({
  Teapot: { status: 418, code: 'teapot', message: 'Tea only.' },
});
const options = resolveErrorsOptions();
const GENERIC =
  'An unexpected error occurred. Retry later, or contact support with the request id.';

const bodyParserError = (type: string, status: number) =>
  Object.assign(new Error('raw parser text'), {
    type,
    status,
    statusCode: status,
    expose: true,
  });

describe('normalizeException', () => {
  it.each([
    [
      'ApiException with details',
      new ApiException(Errors.Teapot, { details: { cups: 2, tea: ['green'] } }),
      {
        status: 418,
        code: 'teapot',
        message: 'Tea only.',
        details: { cups: 2, tea: ['green'] },
        unexpected: false,
      },
    ],
    [
      'ApiException with its own message',
      new ApiException(Errors.Teapot, { message: 'Earl Grey only.' }),
      {
        status: 418,
        code: 'teapot',
        message: 'Earl Grey only.',
        title: 'Tea only.',
        unexpected: false,
      },
    ],
    [
      'ApiException',
      new ApiException(Errors.Teapot, { cause: 'Kettle.', retryAfter: 5 }),
      {
        status: 418,
        code: 'teapot',
        message: 'Tea only.',
        cause: 'Kettle.',
        headers: { 'Retry-After': '5' },
        unexpected: false,
      },
    ],
    [
      'ValidationFailedException',
      new ValidationFailedException({ a: ['a is bad'] }),
      {
        status: 422,
        code: 'validation_failed',
        message: 'The given data was invalid.',
        fieldErrors: [{ source: 'body', path: ['a'], messages: ['a is bad'] }],
        unexpected: false,
      },
    ],
    [
      'NotFoundException with a message',
      new NotFoundException('Gone fishing.'),
      {
        status: 404,
        code: 'not_found',
        message: 'Gone fishing.',
        title: 'The requested resource does not exist.',
        unexpected: false,
      },
    ],
    [
      'NotFoundException without one',
      new NotFoundException(),
      {
        status: 404,
        code: 'not_found',
        message: 'The requested resource does not exist.',
        unexpected: false,
      },
    ],
    [
      'a guard denial',
      new ForbiddenException('Forbidden resource'),
      {
        status: 403,
        code: 'forbidden',
        message: 'You do not have permission to access this resource.',
        unexpected: false,
      },
    ],
    [
      'an array message',
      new BadRequestException(['a must be x', 'b must be y']),
      {
        status: 400,
        code: 'bad_request',
        message: 'a must be x; b must be y',
        title: 'The request could not be understood by the server.',
        unexpected: false,
      },
    ],
    [
      'an object body with code',
      new HttpException({ code: 'custom', message: 'Custom.' }, 409),
      { status: 409, code: 'custom', message: 'Custom.', unexpected: false },
    ],
    [
      'an object body without message',
      new HttpException({ detail: 1 }, 409),
      {
        status: 409,
        code: 'conflict',
        message:
          'The request conflicts with the current state of the resource.',
        unexpected: false,
      },
    ],
    [
      'a description',
      new BadRequestException('Bad.', { description: 'Why.' }),
      {
        status: 400,
        code: 'bad_request',
        message: 'Bad.',
        title: 'The request could not be understood by the server.',
        cause: 'Why.',
        unexpected: false,
      },
    ],
    [
      'an internal Error cause',
      new BadRequestException('Bad.', { cause: new Error('SELECT *') }),
      {
        status: 400,
        code: 'bad_request',
        message: 'Bad.',
        title: 'The request could not be understood by the server.',
        unexpected: false,
      },
    ],
    [
      'an unnamed status',
      new HttpException('Locked.', 423),
      {
        status: 423,
        code: 'locked',
        message: 'Locked.',
        unexpected: false,
      },
    ],
    [
      'an invalid status',
      new HttpException('Weird.', 999),
      {
        status: 500,
        code: 'internal_error',
        message: GENERIC,
        unexpected: true,
      },
    ],
    [
      'body-parser JSON failure',
      bodyParserError('entity.parse.failed', 400),
      {
        status: 400,
        code: 'bad_request',
        message: 'The request body could not be parsed. Send well-formed JSON.',
        title: 'The request could not be understood by the server.',
        unexpected: false,
      },
    ],
    [
      'body-parser too large',
      bodyParserError('entity.too.large', 413),
      {
        status: 413,
        code: 'payload_too_large',
        message: 'The request body is too large.',
        unexpected: false,
      },
    ],
    [
      "body-parser's form parser past its parameterLimit",
      bodyParserError('parameters.too.many', 413),
      {
        status: 413,
        code: 'payload_too_large',
        message: 'The request body has too many parameters.',
        title: 'The request body is too large.',
        unexpected: false,
      },
    ],
    [
      'body-parser encoding',
      bodyParserError('encoding.unsupported', 415),
      {
        status: 415,
        code: 'unsupported_media_type',
        message: 'The request body has an unsupported media type or encoding.',
        unexpected: false,
      },
    ],
    [
      'Nest 12 wrapped parser error',
      new HttpException('raw', 413, {
        cause: bodyParserError('entity.too.large', 413),
      }),
      {
        status: 413,
        code: 'payload_too_large',
        message: 'The request body is too large.',
        unexpected: false,
      },
    ],
    [
      'Fastify media type error',
      Object.assign(new Error('x'), {
        code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        statusCode: 415,
      }),
      {
        status: 415,
        code: 'unsupported_media_type',
        message: 'The request body has an unsupported media type or encoding.',
        unexpected: false,
      },
    ],
    [
      "@fastify/multipart's non-multipart request (its 406)",
      Object.assign(new Error('the request is not multipart'), {
        code: 'FST_INVALID_MULTIPART_CONTENT_TYPE',
        statusCode: 406,
      }),
      {
        status: 415,
        code: 'unsupported_media_type',
        message: 'The request body must be multipart/form-data.',
        title: 'The request body has an unsupported media type or encoding.',
        unexpected: false,
      },
    ],
    [
      "@fastify/multipart's JSON field that is not JSON (its 406)",
      Object.assign(new Error('a request field is not a valid JSON'), {
        code: 'FST_INVALID_JSON_FIELD_ERROR',
        statusCode: 406,
      }),
      {
        status: 400,
        code: 'bad_request',
        message:
          'A multipart field declared as JSON could not be parsed. Send well-formed JSON.',
        title: 'The request could not be understood by the server.',
        unexpected: false,
      },
    ],
    [
      'an exposed 4xx http-error',
      Object.assign(new Error('Exposed.'), { status: 409, expose: true }),
      {
        status: 409,
        code: 'conflict',
        message: 'Exposed.',
        title: 'The request conflicts with the current state of the resource.',
        unexpected: false,
      },
    ],
    [
      'a hidden 4xx http-error',
      Object.assign(new Error('Hidden.'), { status: 409 }),
      {
        status: 409,
        code: 'conflict',
        message:
          'The request conflicts with the current state of the resource.',
        unexpected: false,
      },
    ],
    [
      'a 5xx http-error',
      Object.assign(new Error('Upstream down.'), {
        statusCode: 502,
        expose: true,
      }),
      {
        status: 502,
        code: 'bad_gateway',
        message:
          'An upstream server returned an invalid response. Retry after a brief delay.',
        unexpected: true,
      },
    ],
    [
      'an Error',
      new Error('secret'),
      {
        status: 500,
        code: 'internal_error',
        message: GENERIC,
        unexpected: true,
      },
    ],
    [
      'a string',
      'secret',
      {
        status: 500,
        code: 'internal_error',
        message: GENERIC,
        unexpected: true,
      },
    ],
    [
      'undefined',
      undefined,
      {
        status: 500,
        code: 'internal_error',
        message: GENERIC,
        unexpected: true,
      },
    ],
    [
      'a revoked proxy',
      (() => {
        const p = Proxy.revocable({}, {});
        p.revoke();
        return p.proxy;
      })(),
      {
        status: 500,
        code: 'internal_error',
        message: GENERIC,
        unexpected: true,
      },
    ],
  ])('normalizes %s', (_label, exception, expected) => {
    expect(normalizeException(exception, options)).toStrictEqual(expected);
  });

  it('uses a recorded adapter error when Nest 11 dropped it', () => {
    const wrapped = new BadRequestException('Unexpected end of JSON input');
    const original = bodyParserError('entity.parse.failed', 400);
    expect(normalizeException(wrapped, options, original).message).toBe(
      'The request body could not be parsed. Send well-formed JSON.',
    );
    expect(
      normalizeException(new NotFoundException('x'), options, original).status,
    ).toBe(404);
  });

  describe('multipart parser failures', () => {
    const NO_BOUNDARY =
      'The multipart/form-data request has no usable boundary in its Content-Type.';
    const UNFINISHED =
      'The multipart/form-data body ended before its closing boundary.';
    const badRequest = (message: string) => ({
      status: 400,
      code: 'bad_request',
      message,
      title: 'The request could not be understood by the server.',
      unexpected: false,
    });

    it.each([
      // @fastify/busboy, as @fastify/multipart rejects with it.
      ['Multipart: Boundary not found', NO_BOUNDARY],
      ['Unexpected end of multipart data', UNFINISHED],
      [
        'Part terminated early due to unexpected end of multipart data',
        UNFINISHED,
      ],
      // busboy (multer), where NestJS does not wrap it.
      ['Unexpected end of form', UNFINISHED],
      [
        'Malformed part header',
        'A part of the multipart/form-data body has a malformed header.',
      ],
    ])("answers the parser's plain Error %p with 400", (text, message) => {
      expect(normalizeException(new Error(text), options)).toStrictEqual(
        badRequest(message),
      );
    });

    it("answers multer's NestJS 11 400 (no cause) and NestJS 12 400 (with cause) alike", () => {
      const cause = new Error('Unexpected end of form');
      for (const exception of [
        new BadRequestException('Multipart: Unexpected end of form'),
        new BadRequestException('Multipart: Unexpected end of form', { cause }),
      ])
        expect(normalizeException(exception, options)).toStrictEqual(
          badRequest(UNFINISHED),
        );
    });

    it('answers a multipart type busboy does not parse with 415, on either major', () => {
      const raw = new Error(
        'Unsupported content type: multipart/mixed; boundary=x; note=secret',
      );
      const nest12 = new UnsupportedMediaTypeException(
        'Unsupported content type',
        { cause: raw },
      );
      for (const exception of [raw, nest12])
        expect(normalizeException(exception, options)).toStrictEqual({
          status: 415,
          code: 'unsupported_media_type',
          message:
            'The request body has an unsupported media type or encoding.',
          unexpected: false,
        });
    });

    it("leaves the app's own errors with the same text unexpected", () => {
      class StorageError extends Error {}
      for (const exception of [
        new StorageError('Unexpected end of form'),
        Object.assign(new Error('Unexpected end of form'), { code: 'EPIPE' }),
        new Error('Unsupported content type: application/xml'),
        new ForbiddenException('Multipart: Unexpected end of form'),
        new BadRequestException('Unexpected end of form'),
      ])
        expect(normalizeException(exception, options).message).not.toBe(
          'The multipart/form-data body ended before its closing boundary.',
        );
    });
  });

  it('puts the original message into cause only with exposeInternalErrors', () => {
    const exposing = resolveErrorsOptions({ exposeInternalErrors: true });
    expect(normalizeException(new Error('db down'), exposing).cause).toBe(
      'db down',
    );
    expect(
      normalizeException(new Error('db down'), options).cause,
    ).toBeUndefined();
  });
});
