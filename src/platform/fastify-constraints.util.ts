import type { RawRequest } from './platform.interface';

/** A `find-my-way` constraint strategy (the part read here). */
export interface ConstraintStrategy {
  deriveConstraint?: (...args: unknown[]) => unknown;
}

/** `find-my-way`'s own strategies, where the app's router options do not replace them. */
const BUILT_IN: Record<string, ConstraintStrategy> = {
  host: {
    deriveConstraint: (req) =>
      (req as RawRequest).headers.host ||
      (req as RawRequest).headers[':authority'],
  },
  version: {
    deriveConstraint: (req) => (req as RawRequest).headers['accept-version'],
  },
};

/**
 * @internal The constraint values Fastify's router derives from `raw` to
 * route it, for the constraints `names` (those its routes declare: Nest's
 * header, media-type or custom versioning, `@RouteConstraints({ host })`,
 * an app's own strategy), by the same strategies. A strategy that derives
 * asynchronously, or throws, derives nothing here: its routes count for no
 * 405.
 */
export function deriveConstraints(
  strategies: Record<string, ConstraintStrategy | undefined> | undefined,
  names: Iterable<string>,
  raw: object,
): Record<string, unknown> {
  const derived: Record<string, unknown> = {};
  for (const name of names) {
    const derive = (strategies?.[name] ?? BUILT_IN[name])?.deriveConstraint;
    if (typeof derive !== 'function' || derive.length === 3) continue;
    try {
      const value = derive(raw, undefined);
      if (value !== undefined) derived[name] = value;
    } catch {
      // As Fastify does not route by it either.
    }
  }
  return derived;
}
