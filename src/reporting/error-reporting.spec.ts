import { Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';

import type { NormalizedError } from '../formats/normalized-error.interface';
import { ErrorReporting } from './error-reporting';
import type {
  ErrorReport,
  ErrorReporterDefinition,
} from './error-report.interface';
import { InvalidErrorReporterError } from './invalid-reporter.error';

const error: NormalizedError = {
  status: 500,
  code: 'internal_error',
  message: 'Generic.',
  unexpected: true,
};
const request = { method: 'POST', url: '/orders/7?token=abc', headers: {} };

async function reporting(reporters: ErrorReporterDefinition[]) {
  const stage = new ErrorReporting(reporters, false);
  await stage.resolve({} as ModuleRef);
  return stage;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ErrorReporting', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation();
  });
  afterEach(() => logged.mockRestore());

  it('is inactive and does nothing with no reporters', async () => {
    const stage = await reporting([]);
    expect(stage.active).toBe(false);
    expect(() => stage.run(new Error('x'), error, 'id', request)).not.toThrow();
  });

  it('builds no report for OpenTelemetry when no span records', async () => {
    // @opentelemetry/api is installed here, with no SDK: no active span.
    const stage = new ErrorReporting([], true);
    await stage.resolve({} as ModuleRef);
    expect(stage.active).toBe(true);
    let reads = 0;
    const counted = {
      method: 'GET',
      headers: {},
      get url() {
        reads += 1;
        return '/x';
      },
    };
    stage.run(new Error('x'), error, 'id', counted);
    expect(reads).toBe(0);
    const seen: ErrorReport[] = [];
    const both = new ErrorReporting([(r) => void seen.push(r)], true);
    await both.resolve({} as ModuleRef);
    both.run(new Error('x'), error, 'id', counted);
    expect(seen).toHaveLength(1);
    expect(seen[0].path).toBe('/x');
    expect(reads).toBe(1);
  });

  it('hands every reporter the same frozen report, path without query', async () => {
    const seen: ErrorReport[] = [];
    const stage = await reporting([
      (r) => void seen.push(r),
      { report: (r) => void seen.push(r) },
    ]);
    const exception = new Error('x');
    stage.run(exception, error, 'id-1', { raw: request });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).toEqual({
      exception,
      error,
      requestId: 'id-1',
      method: 'POST',
      path: '/orders/7',
    });
    expect(Object.isFrozen(seen[0].error)).toBe(true);
    expect(seen[0].error).not.toBe(error);
  });

  it.each<[string, () => unknown]>([
    [
      'throws',
      () => {
        throw new Error('down');
      },
    ],
    ['rejects', () => Promise.reject(new Error('down'))],
    [
      'returns a thenable whose then() throws',
      () => ({
        then() {
          throw new Error('down');
        },
      }),
    ],
  ])('logs a reporter that %s once, and goes on', async (_, failing) => {
    const after = jest.fn();
    const stage = await reporting([failing as ErrorReporterDefinition, after]);
    stage.run(new Error('x'), error, 'id-2', request);
    await tick();
    expect(after).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toBe(
      'Error reporter reporters[0] failed (request_id id-2): down',
    );
  });

  it('survives a logger that throws', async () => {
    logged.mockImplementation(() => {
      throw new Error('logger down');
    });
    const stage = await reporting([
      () => {
        throw new Error('down');
      },
    ]);
    expect(() => stage.run(new Error('x'), error, 'id', request)).not.toThrow();
  });

  it.each([
    [42, 'got number'],
    [null, 'got null'],
    [{ notReport: true }, 'got object'],
    [class NoReport {}, 'got function'],
  ])('rejects %p at construction', (value, got) => {
    expect(
      () => new ErrorReporting([value as ErrorReporterDefinition], false),
    ).toThrow(InvalidErrorReporterError);
    expect(
      () => new ErrorReporting([value as ErrorReporterDefinition], false),
    ).toThrow(got);
  });
});
