import 'reflect-metadata';

import { spawnSync } from 'node:child_process';

import { NotFoundException } from '@nestjs/common';
import type { ValidationError } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Min, MinLength, ValidateNested, validateSync } from 'class-validator';
import { Bench } from 'tinybench';

import { ApiException, defineErrors } from '../src';
import { resolveErrorsOptions } from '../src/errors-module.options';
import { normalizeException } from '../src/filter/normalize-exception.util';
import { formatEnvelope } from '../src/formats/envelope.format';
import { flattenValidationErrors } from '../src/validation/validation-errors.util';
import { ValidationFailedException } from '../src/validation/validation-failed.exception';
import type { NodeLine } from './node-lines.util';

/** One pure step, timed in-process without HTTP. */
export interface MicroResult {
  readonly name: string;
  /** Mean time per call, nanoseconds. */
  readonly meanNs: number;
  readonly p99Ns: number;
  readonly opsPerSecond: number;
  readonly samples: number;
}

/** The micro-benchmark's steps as one Node line ran them. */
export interface MicroLine {
  /** `24.21.0`. */
  readonly version: string;
  readonly results: readonly MicroResult[];
}

class Address {
  @IsString() @MinLength(2) city!: string;
}
class Item {
  @IsString() @MinLength(3) sku!: string;
  @IsInt() @Min(1) quantity!: number;
}
class Order {
  @IsEmail() email!: string;
  @ValidateNested() @Type(() => Address) address!: Address;
  @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
}

const AppErrors = defineErrors({
  InvalidApiKey: { status: 401, code: 2000, message: 'The API key provided is invalid.' },
});

/** class-validator's real output for a flat form (2 fields) and a nested order (5 fields, 3 levels). */
function validationErrors(): { flat: ValidationError[]; nested: ValidationError[] } {
  const flat = validateSync(plainToInstance(Address, { city: 1 }));
  const nested = validateSync(
    plainToInstance(Order, {
      email: 'nope',
      address: { city: '' },
      items: [{ sku: 'ABC', quantity: 1 }, { sku: 'x', quantity: 0 }, { sku: 1, quantity: 'two' }],
    }),
  );
  return { flat: flat as ValidationError[], nested: nested as ValidationError[] };
}

/**
 * The per-error CPU of the module's pure parts: exception → envelope
 * (`normalizeException` + `formatEnvelope` with default options) and
 * `ValidationError[]` → field map (`flattenValidationErrors`). Exceptions are
 * built once outside the timed function, as the filter receives them built.
 */
export async function runMicro(timeMs: number): Promise<MicroResult[]> {
  const options = resolveErrorsOptions();
  const id = '5f1d7c0e-2b8a-4c1e-9a57-3d2f8e6b1c40';
  const envelope = (exception: unknown) => () => formatEnvelope(normalizeException(exception, options), id, options.docsBaseUrl);
  const { flat, nested } = validationErrors();
  // The report stage as an app without reporters or OpenTelemetry has it.
  const reporting = resolveErrorsOptions({ openTelemetry: false }).reporting;
  await reporting.resolve({} as never);
  const answered = normalizeException(new Error('boom'), options);
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(timeMs, 200) });
  bench
    .add('NotFoundException → envelope', envelope(new NotFoundException('Item 0 does not exist.')))
    .add('ApiException (catalog, cause) → envelope', envelope(new ApiException(AppErrors.InvalidApiKey, { cause: 'Unknown key.' })))
    .add('unexpected Error → 500 envelope', envelope(new Error('connect ECONNREFUSED 127.0.0.1:5432')))
    .add('ValidationFailedException → 422 envelope', envelope(new ValidationFailedException(flattenValidationErrors(nested))))
    .add('ValidationError[] → field map (2 fields, flat)', () => flattenValidationErrors(flat))
    .add('ValidationError[] → field map (5 fields, nested)', () => flattenValidationErrors(nested))
    .add('report stage, no reporters and no OpenTelemetry', () => reporting.run(answered, answered, id, undefined));
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`micro-benchmark "${task.name}" ${result.state}`);
    return {
      name: task.name,
      meanNs: result.latency.mean * 1e6,
      p99Ns: result.latency.p99 * 1e6,
      opsPerSecond: result.throughput.mean,
      samples: result.latency.samples?.length ?? 0,
    };
  });
}

/**
 * `runMicro` on `node`'s binary, in a process of its own (this file run as a
 * script prints its results as JSON), so the table shows the Node lines
 * users run rather than the runner's.
 */
export function runMicroOn(node: NodeLine, timeMs: number): MicroLine {
  const run = spawnSync(node.path, [__filename, String(timeMs)], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
  });
  if (run.status !== 0) throw new Error(`micro-benchmark on Node ${node.version} failed (${run.status}): ${run.stderr}`);
  return { version: node.version, results: JSON.parse(run.stdout) as MicroResult[] };
}

if (require.main === module) {
  runMicro(Number(process.argv[2])).then(
    (results) => process.stdout.write(JSON.stringify(results)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
