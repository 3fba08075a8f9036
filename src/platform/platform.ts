import type { AbstractHttpAdapter } from '@nestjs/core';

import { ExpressPlatform } from './express.platform';
import { FastifyPlatform } from './fastify.platform';
import type { HttpPlatform } from './platform.interface';

const platforms = new WeakMap<AbstractHttpAdapter, HttpPlatform>();

/**
 * @internal The platform of an adapter, created once per adapter (several
 * apps in one process each get their own).
 */
export function platformOf(adapter: AbstractHttpAdapter): HttpPlatform {
  let platform = platforms.get(adapter);
  if (!platform) {
    platform =
      adapter.getType() === 'fastify'
        ? new FastifyPlatform(adapter)
        : new ExpressPlatform(adapter);
    platforms.set(adapter, platform);
  }
  return platform;
}
