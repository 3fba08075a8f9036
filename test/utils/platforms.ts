import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** Both adapters, as classes, so every app gets a fresh instance. */
export const platforms = [ExpressAdapter, FastifyAdapter] as const;

export type PlatformAdapter = (typeof platforms)[number];
