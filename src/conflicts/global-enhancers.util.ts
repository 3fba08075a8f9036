import type { ExceptionFilter, PipeTransform, Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { ApplicationConfig, ModulesContainer } from '@nestjs/core';

/** @internal A global filter or pipe, where it came from, and its rank. */
export interface GlobalEnhancer<T> {
  /** The instance (`undefined` for a request-scoped provider). */
  instance: T | undefined;
  type: Type<unknown> | undefined;
  /** `app.useGlobalFilters()`, or `APP_FILTER in UsersModule`. */
  origin: string;
  /** `APP_*` provider of this module, else `undefined`. */
  moduleName?: string;
  /** Position in Nest's list: for filters, the later one is asked first. */
  rank: number;
}

interface ProviderEntry {
  instance: unknown;
  type: Type<unknown> | undefined;
  moduleName: string;
}

/**
 * @internal The app's global filters and pipes as Nest will apply them:
 * those given to `useGlobalFilters`/`useGlobalPipes`, then `APP_FILTER` /
 * `APP_PIPE` providers of any module (request-scoped ones last, as Nest
 * appends them).
 */
export function listGlobalEnhancers(
  config: ApplicationConfig,
  modules: ModulesContainer,
): {
  filters: GlobalEnhancer<ExceptionFilter>[];
  pipes: GlobalEnhancer<PipeTransform>[];
} {
  const providers = appProviders(modules);
  return {
    filters: describe(
      config.getGlobalFilters(),
      config.getGlobalRequestFilters(),
      providers.get(APP_FILTER) ?? [],
      'app.useGlobalFilters()',
      APP_FILTER,
    ),
    pipes: describe(
      config.getGlobalPipes(),
      config.getGlobalRequestPipes(),
      providers.get(APP_PIPE) ?? [],
      'app.useGlobalPipes()',
      APP_PIPE,
    ),
  };
}

function describe<T>(
  statics: T[],
  scoped: { metatype?: unknown; instance?: unknown }[],
  entries: ProviderEntry[],
  direct: string,
  token: string,
): GlobalEnhancer<T>[] {
  const fromStatic = statics.map((instance, rank): GlobalEnhancer<T> => {
    const entry = entries.find((e) => e.instance === instance);
    return {
      instance,
      type: (instance as object | undefined)?.constructor as Type<unknown>,
      origin: entry ? `${token} in ${entry.moduleName}` : direct,
      moduleName: entry?.moduleName,
      rank,
    };
  });
  const fromScoped = scoped.map((wrapper, index): GlobalEnhancer<T> => {
    const type = wrapper.metatype as Type<unknown> | undefined;
    const entry = entries.find((e) => e.type === type);
    return {
      instance: undefined,
      type,
      origin: `${token} in ${entry?.moduleName ?? 'a module'} (request-scoped)`,
      moduleName: entry?.moduleName,
      rank: statics.length + index,
    };
  });
  return [...fromStatic, ...fromScoped];
}

/** `APP_FILTER` / `APP_PIPE` providers of every module, by token. */
function appProviders(modules: ModulesContainer): Map<string, ProviderEntry[]> {
  const byToken = new Map<string, ProviderEntry[]>();
  for (const module of modules.values()) {
    for (const map of [module.providers, module.injectables]) {
      for (const [key, wrapper] of map) {
        if (typeof key !== 'string') continue;
        const token = [APP_FILTER, APP_PIPE].find((t) =>
          key.startsWith(`${t} (UUID:`),
        );
        if (!token) continue;
        const list = byToken.get(token) ?? [];
        list.push({
          instance: wrapper.instance,
          type: (wrapper.metatype ?? undefined) as Type<unknown> | undefined,
          moduleName: module.metatype?.name ?? module.name,
        });
        byToken.set(token, list);
      }
    }
  }
  return byToken;
}
