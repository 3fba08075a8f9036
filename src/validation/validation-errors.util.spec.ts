import type { ValidationError } from '@nestjs/common';
import { Expose } from 'class-transformer';
import { IsString, MaxLength, validateSync } from 'class-validator';

import { flattenValidationErrors } from './validation-errors.util';

const err = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError => ({ property, constraints, children }) as ValidationError;

class Labels {
  @Expose({ name: 'label_list' })
  @IsString({ each: true })
  @MaxLength(3, { each: true })
  labelList: unknown;
}

describe('flattenValidationErrors', () => {
  it.each([
    [
      'a flat field',
      [err('email', { isEmail: 'email must be an email' })],
      { email: ['email must be an email'] },
    ],
    [
      'nested objects, prefixing messages as Nest does',
      [
        err('owner', undefined, [
          err('address', undefined, [
            err('city', { isString: 'city must be a string' }),
          ]),
        ]),
      ],
      { 'owner.address.city': ['owner.address.city must be a string'] },
    ],
    [
      'array items by index',
      [
        err('members', undefined, [
          err('1', undefined, [
            err('role', { isIn: 'role must be one of: admin' }),
          ]),
        ]),
      ],
      { 'members.1.role': ['members.1.role must be one of: admin'] },
    ],
    [
      'nested arrays',
      [
        err('matrix', undefined, [
          err('0', undefined, [err('2', { isInt: '2 must be an integer' })]),
        ]),
      ],
      { 'matrix.0.2': ['matrix.0.2 must be an integer'] },
    ],
    [
      'Map entries by key',
      [
        err('byRole', undefined, [
          err('admin', undefined, [
            err('email', { isEmail: 'email must be an email' }),
          ]),
        ]),
      ],
      { 'byRole.admin.email': ['byRole.admin.email must be an email'] },
    ],
    [
      'every constraint of a field, in order',
      [err('name', { minLength: 'name is short', isAlpha: 'name has digits' })],
      { name: ['name is short', 'name has digits'] },
    ],
    [
      'a parent with its own constraint and children',
      [err('a', { x: 'a x' }, [err('b', { y: 'b y' })])],
      { a: ['a x'], 'a.b': ['a.b y'] },
    ],
    ['errors without constraints', [err('a'), err('b', {})], {}],
  ])('maps %s', (_label, errors, expected) => {
    expect(flattenValidationErrors(errors)).toStrictEqual(expected);
  });

  it('keeps DTO order across nesting', () => {
    const errors = [
      err('z', { a: 'z a' }),
      err('m', undefined, [err('k', { b: 'k b' })]),
      err('a', { c: 'a c' }),
    ];
    expect(Object.keys(flattenValidationErrors(errors))).toEqual([
      'z',
      'm.k',
      'a',
    ]);
  });

  it('rewrites messages with formatMessage and keeps the original for an empty result', () => {
    const errors = [
      err('o', undefined, [err('e', { isEmail: 'e must be an email' })]),
      err('p', { isInt: 'p int' }),
    ];
    const map = flattenValidationErrors(errors, {
      formatMessage: ({ path, constraint, message }) =>
        constraint === 'isInt' ? '' : `${path}|${constraint}|${message}`,
    });
    expect(map).toStrictEqual({
      'o.e': ['o.e|isEmail|o.e must be an email'],
      p: ['p int'],
    });
  });

  it('names primitives of each: true rules by index, under their exposed name', () => {
    const labels = Object.assign(new Labels(), {
      labelList: ['ok', 5, 'long one'],
    });
    expect(flattenValidationErrors(validateSync(labels))).toStrictEqual({
      'label_list.1': [
        'each value in labelList must be shorter than or equal to 3 characters',
        'each value in labelList must be a string',
      ],
      'label_list.2': [
        'each value in labelList must be shorter than or equal to 3 characters',
      ],
    });
  });

  it('indexes Set items in iteration order', () => {
    const labels = Object.assign(new Labels(), {
      labelList: new Set(['ok', 'toolong']),
    });
    expect(Object.keys(flattenValidationErrors(validateSync(labels)))).toEqual([
      'label_list.1',
    ]);
  });

  it('handles a 10,000-deep error tree without recursion', () => {
    let tree = err('leaf', { x: 'leaf x' });
    for (let i = 0; i < 10_000; i++) tree = err('n', undefined, [tree]);
    const map = flattenValidationErrors([tree]);
    expect(Object.keys(map)).toHaveLength(1);
  });
});
