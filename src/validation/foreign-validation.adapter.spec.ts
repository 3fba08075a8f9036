import {
  BadRequestException,
  InternalServerErrorException,
} from '@nestjs/common';
import { z } from 'zod';

import { validationFailureOf } from './foreign-validation.adapter';

/** nestjs-zod's exceptions, by shape (nestjs-zod itself is not needed). */
class ZodValidationException extends BadRequestException {
  constructor(private readonly error: unknown) {
    super('Validation failed');
  }
  getZodError() {
    return this.error;
  }
}
class ZodSerializationException extends InternalServerErrorException {
  getZodError() {
    return z.string().safeParse(1).error;
  }
}
class I18nValidationException extends BadRequestException {
  constructor(
    readonly errors: unknown[],
    readonly errorsAlreadyTranslated = false,
  ) {
    super('Bad Request');
  }
}

describe('validationFailureOf', () => {
  it("turns nestjs-zod's ZodValidationException into the bounded 422", () => {
    const parsed = z
      .object({ tags: z.array(z.string()) })
      .safeParse({ tags: [1, 2, 3] });
    const failure = validationFailureOf(
      new ZodValidationException(parsed.error),
      { maxFields: 2 },
    );
    expect(failure?.errors).toEqual({
      'tags.0': ['Invalid input: expected string, received number'],
      'tags.1': ['Invalid input: expected string, received number'],
    });
    expect(failure?.truncated).toBe(true);
  });

  it("turns nestjs-i18n's I18nValidationException into the 422, keys unprefixed", () => {
    const failure = validationFailureOf(
      new I18nValidationException([
        {
          property: 'owner',
          children: [
            {
              property: 'email',
              constraints: { isEmail: 'validation.IS_EMAIL|{"value":"x"}' },
              children: [],
            },
          ],
        },
      ]),
      {},
    );
    expect(failure?.errors).toEqual({
      'owner.email': ['validation.IS_EMAIL|{"value":"x"}'],
    });
  });

  it.each([
    ['a serialization failure (500)', new ZodSerializationException()],
    ['a plain 400', new BadRequestException('x')],
    [
      'a revoked proxy',
      (() => {
        const p = Proxy.revocable({}, {});
        p.revoke();
        return p.proxy;
      })(),
    ],
    ['undefined', undefined],
  ])('leaves %s alone', (_label, exception) => {
    expect(validationFailureOf(exception, false)).toBeUndefined();
  });
});
