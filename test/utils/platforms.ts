import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** Both adapters, as classes, so every app gets a fresh instance. */
export const platforms = [ExpressAdapter, FastifyAdapter] as const;

export type PlatformAdapter = (typeof platforms)[number];

/** The NestJS major this Jest run loads (`npm run test:nest12` sets 12). */
export const NEST_MAJOR = process.env.NEST_MAJOR === '12' ? 12 : 11;

/**
 * `describe` in the run of one NestJS major, reported as skipped in the
 * other (features that exist on one major only, checks of the build that
 * one run is enough for).
 */
export function describeOnNest(major: 11 | 12): jest.Describe {
  return NEST_MAJOR === major ? describe : describe.skip;
}
