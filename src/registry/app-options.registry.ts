import type { ResolvedErrorsOptions } from '../errors-module.options';

/**
 * The options of every app using `ErrorsModule` in this process, from the
 * moment its providers are created until it is closed. Readers: the OpenAPI
 * responses of `@ApiErrors()` (their format and `docs` links) and the testing
 * kit, which checks responses against the booted app's own options (format
 * included).
 *
 * Kept on `globalThis` under a registered symbol, so that two copies of the
 * package loaded side by side (a bundled test runner beside a required `dist`)
 * still see one list.
 */
interface AppOptionsRegistry {
  readonly live: Set<ResolvedErrorsOptions>;
  latest: ResolvedErrorsOptions | undefined;
}

const REGISTRY_KEY = Symbol.for('nestjs-api-errors:app-options');

function registry(): AppOptionsRegistry {
  const holder = globalThis as { [REGISTRY_KEY]?: AppOptionsRegistry };
  return (holder[REGISTRY_KEY] ??= { live: new Set(), latest: undefined });
}

/** @internal Records an app's resolved options; returns them unchanged. */
export function registerAppOptions(
  options: ResolvedErrorsOptions,
): ResolvedErrorsOptions {
  const apps = registry();
  apps.live.add(options);
  apps.latest = options;
  return options;
}

/** @internal Forgets an app that is closing. */
export function unregisterAppOptions(options: ResolvedErrorsOptions): void {
  registry().live.delete(options);
}

/** @internal The options of the apps not closed yet, oldest first. */
export function liveAppOptions(): readonly ResolvedErrorsOptions[] {
  return [...registry().live];
}

/**
 * @internal The most recently created app's options, closed or not: the
 * OpenAPI document is often built from an app that is set up next.
 */
export function latestAppOptions(): ResolvedErrorsOptions | undefined {
  return registry().latest;
}
