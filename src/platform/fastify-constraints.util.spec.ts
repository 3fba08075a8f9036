import { deriveConstraints } from './fastify-constraints.util';

const raw = (headers: Record<string, string>) => ({ headers });

describe('deriveConstraints', () => {
  it('derives the host and version as find-my-way does when no strategy replaces them', () => {
    expect(
      deriveConstraints(
        undefined,
        ['host', 'version'],
        raw({ host: 'admin.example.com', 'accept-version': '1.x' }),
      ),
    ).toEqual({ host: 'admin.example.com', version: '1.x' });
    expect(
      deriveConstraints({}, ['host'], raw({ ':authority': 'h2.example.com' })),
    ).toEqual({ host: 'h2.example.com' });
  });

  it('asks the router options’ own strategies first (Nest’s version)', () => {
    const version = { deriveConstraint: () => '2' };
    expect(
      deriveConstraints(
        { version },
        ['version'],
        raw({ 'accept-version': '1' }),
      ),
    ).toEqual({ version: '2' });
  });

  it('leaves out what a strategy cannot derive at once', () => {
    const strategies = {
      tenant: { deriveConstraint: () => undefined },
      region: {
        deriveConstraint: (_req: unknown, _ctx: unknown, done: unknown) => done,
      },
      broken: {
        deriveConstraint: () => {
          throw new Error('no');
        },
      },
    };
    expect(
      deriveConstraints(
        strategies,
        ['tenant', 'region', 'broken', 'x'],
        raw({}),
      ),
    ).toEqual({});
  });
});
