import type { PassThrough } from 'node:stream';
import { Readable } from 'node:stream';

import {
  decodeBody,
  isEmptyJsonBody,
  jsonCharsetError,
} from './fastify-body.util';

describe('decodeBody', () => {
  it('survives a decoding failure nobody listens to', async () => {
    const payload = Readable.from([Buffer.from('not gzip at all')]);
    let decoded: Readable | undefined;
    decodeBody(
      { headers: { 'content-encoding': 'gzip', 'content-length': '15' } },
      payload,
      (_error, stream) => {
        decoded = stream;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(decoded?.destroyed).toBe(true);
    expect((decoded as PassThrough).errored).toMatchObject({
      type: 'encoding.invalid',
      statusCode: 400,
    });
  });

  it('refuses an unknown encoding with a 415', () => {
    const done = jest.fn();
    decodeBody(
      { headers: { 'content-encoding': 'zstd-x', 'content-length': '2' } },
      Readable.from(['{}']),
      done,
    );
    expect(done).toHaveBeenCalledWith(
      expect.objectContaining({
        statusCode: 415,
        type: 'encoding.unsupported',
      }),
    );
  });

  it('leaves requests without a body alone', () => {
    const payload = Readable.from([]);
    const done = jest.fn();
    decodeBody({ headers: { 'content-encoding': 'zstd-x' } }, payload, done);
    expect(done).toHaveBeenCalledWith(null, payload);
  });
});

describe('isEmptyJsonBody', () => {
  it.each([
    [{ 'content-type': 'application/json', 'content-length': '0' }, true],
    [{ 'content-type': 'application/problem+json' }, true],
    [{ 'content-type': 'application/json', 'content-length': '2' }, false],
    [
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      false,
    ],
    [{ 'content-type': 'text/plain', 'content-length': '0' }, false],
  ])('%p → %p', (headers, expected) => {
    expect(isEmptyJsonBody({ headers, httpVersionMajor: 1 })).toBe(expected);
  });

  it.each([
    ['DATA follows the HEADERS frame', false, false],
    ['the HEADERS frame ended the stream', true, true],
  ])(
    'reads an HTTP/2 request without a length by its stream: %s',
    (_, endAfterHeaders, expected) => {
      expect(
        isEmptyJsonBody({
          headers: { 'content-type': 'application/json' },
          httpVersionMajor: 2,
          stream: { endAfterHeaders },
        }),
      ).toBe(expected);
    },
  );
});

describe('jsonCharsetError', () => {
  const error = (type: string | undefined) =>
    jsonCharsetError({ 'content-type': type });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset="UTF-8"',
    'text/plain; charset=latin1',
    undefined,
  ])('lets %p through', (type) => {
    expect(error(type)).toBeUndefined();
  });

  it.each([
    'application/json; charset=latin1',
    'application/json; charset=klingon',
    'application/json; charset=utf-16',
    'application/vnd.api+json; charset="iso-8859-1"',
  ])('refuses %p with a 415', (type) => {
    expect(error(type)).toMatchObject({
      statusCode: 415,
      type: 'charset.unsupported',
    });
  });
});
