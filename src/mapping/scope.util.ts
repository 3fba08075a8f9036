import type { ErrorDefinition } from '../catalog/error-definition.interface';
import {
  EXCEPTION_MAPPINGS_METADATA,
  FORBIDDEN_AS_NOT_FOUND_METADATA,
} from '../errors.internal-constants';
import type {
  ErrorScope,
  ExceptionMapping,
} from './exception-mapping.interface';

/** @internal A class or a handler, as Nest's reflector takes them. */
export type AnyFunction = (...args: never[]) => unknown;

/** @internal What a scoped filter covers: a controller, or one of its handlers. */
export interface ScopeTarget {
  readonly controller: AnyFunction;
  readonly handler?: AnyFunction;
}

/** @internal `@ForbiddenAsNotFound()` as stored: the 404 to answer with, or off. */
export interface ConcealSetting {
  readonly enabled: boolean;
  readonly error?: ErrorDefinition;
}

/**
 * @internal Reads the scope of a target: handler first, then the controller
 * and its base classes, nearest first. The nearest `@ForbiddenAsNotFound()`
 * decides; mappings of every level apply, the nearest level first.
 */
export function readScope(target: ScopeTarget): ErrorScope {
  const levels: object[] = target.handler ? [target.handler] : [];
  for (
    let c: unknown = target.controller;
    typeof c === 'function' && c !== Function.prototype;
    c = Object.getPrototypeOf(c)
  ) {
    levels.push(c);
  }
  const mappings: ExceptionMapping[][] = [];
  let conceal: ConcealSetting | undefined;
  for (const level of levels) {
    const own = Reflect.getOwnMetadata(EXCEPTION_MAPPINGS_METADATA, level) as
      ExceptionMapping[] | undefined;
    if (own?.length) mappings.push(own);
    conceal ??= Reflect.getOwnMetadata(
      FORBIDDEN_AS_NOT_FOUND_METADATA,
      level,
    ) as ConcealSetting | undefined;
  }
  return {
    mappings,
    concealForbidden: conceal?.enabled ? (conceal.error ?? null) : undefined,
  };
}
