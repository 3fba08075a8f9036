import type { ErrorDefinition } from '../catalog/error-definition.interface';

/**
 * A class (possibly abstract) whose instances, and those of its subclasses,
 * a mapping matches with `instanceof`.
 * @publicApi
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructors of any arity
export type ExceptionClass<E = unknown> = abstract new (...args: any[]) => E;

/**
 * How a mapped domain error's details reach the response.
 * @publicApi
 */
export interface MapExceptionOptions<E = unknown> {
  /**
   * Matches only the instances for which it returns true: one class thrown
   * for many reasons (Prisma's `PrismaClientKnownRequestError` and its
   * `code`, TypeORM's `QueryFailedError` and its driver's code) maps each
   * reason to its own catalog entry. Inside a scope, a mapping whose `when`
   * matched comes before one without on the same class. One that throws
   * matches nothing.
   * @default none (every instance of the class matches)
   * @example when: (e: Prisma.PrismaClientKnownRequestError) => e.code === 'P2002'
   */
  when?: (exception: E) => boolean;
  /**
   * `error.cause` of the answer: `true` sends the domain error's own
   * `message`; a function picks the text (return `undefined` for none).
   * Domain messages can carry internals, so nothing is sent by default.
   * @default false
   */
  cause?: boolean | ((exception: E) => string | undefined);
  /**
   * `error.details` of the answer: picks JSON-safe, machine-readable values
   * from the domain error (a health check's per-dependency status, a
   * conflicting resource's id), as `new ApiException(def, { details })`
   * takes them. Nothing is sent by default.
   * @example details: (e: ServiceUnavailableException) => e.getResponse()
   */
  details?: (exception: E) => object | undefined;
}

/**
 * One domain error class and the catalog error it becomes, as given to
 * `ErrorsModule.forRoot({ mappings })` or `@MapException()`.
 *
 * @example
 * { exception: ProjectMissingError, error: AppErrors.ProjectNotFound, cause: true }
 * @publicApi
 */
export interface ExceptionMapping<E = unknown> extends MapExceptionOptions<E> {
  /** The thrown class; its subclasses match too. */
  exception: ExceptionClass<E>;
  /** The catalog entry to answer with. */
  error: ErrorDefinition;
}

/**
 * @internal What a `@MapException` / `@ForbiddenAsNotFound` scope adds to
 * the global filter: the scope's mappings, nearest scope first, and the 404
 * that answers a 403 when concealment is on.
 */
export interface ErrorScope {
  readonly mappings: ReadonlyArray<readonly ExceptionMapping[]>;
  /** `undefined`: 403 stays 403; `null`: answer as `NotFoundException()` would. */
  readonly concealForbidden?: ErrorDefinition | null;
}
