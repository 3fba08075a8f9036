import * as v from 'valibot';
import { z } from 'zod';

import { isStandardSchema, issueFieldErrors } from './standard-schema.util';
import type { StandardSchemaIssue } from './standard-schema.util';

async function issues(schema: unknown, value: unknown) {
  const result = await (
    schema as { '~standard': { validate(v: unknown): unknown } }
  )['~standard'].validate(value);
  return (result as { issues: StandardSchemaIssue[] }).issues;
}

describe('Standard Schema issues as field errors', () => {
  it('recognises Standard Schema validators only', () => {
    expect(isStandardSchema(z.string())).toBe(true);
    expect(isStandardSchema(v.string())).toBe(true);
    expect(isStandardSchema({})).toBe(false);
    expect(isStandardSchema(null)).toBe(false);
  });

  it('maps Zod paths to segments, numbers for array items', async () => {
    const schema = z.object({
      items: z.array(z.object({ sku: z.string() })),
    });
    expect([
      ...issueFieldErrors(await issues(schema, { items: [{ sku: 1 }] })),
    ]).toEqual([
      {
        source: 'body',
        path: ['items', 0, 'sku'],
        messages: ['Invalid input: expected string, received number'],
      },
    ]);
  });

  it("gives each of Zod's unrecognized keys its own field", async () => {
    const schema = z.object({ a: z.string() }).strict();
    expect([
      ...issueFieldErrors(await issues(schema, { a: 'x', b: 1, c: 2 })),
    ]).toEqual([
      { source: 'body', path: ['b'], messages: ['This field is not allowed.'] },
      { source: 'body', path: ['c'], messages: ['This field is not allowed.'] },
    ]);
  });

  it("reads Valibot's path objects and drops the value it quotes", async () => {
    const schema = v.object({ email: v.pipe(v.string(), v.email()) });
    expect([
      ...issueFieldErrors(
        await issues(schema, { email: 'secret-value' }),
        'query',
        ['filter'],
      ),
    ]).toEqual([
      {
        source: 'query',
        path: ['filter', 'email'],
        messages: ['Invalid email'],
      },
    ]);
  });

  it("drops ArkType's (was …) quote", () => {
    const issue = {
      message: 'email must be an email address (was "secret")',
      path: ['email'],
      actual: '"secret"',
    };
    expect([...issueFieldErrors([issue])][0].messages).toEqual([
      'email must be an email address',
    ]);
  });

  it('never leaves an empty message', () => {
    const issue = { message: 'x', received: 'x' };
    expect([...issueFieldErrors([issue])][0]).toEqual({
      source: 'body',
      path: [],
      messages: ['the given value'],
    });
  });
});
