/**
 * An error code: a number (`2000`) or a string (`'project_not_found'`).
 * @publicApi
 */
export type ErrorCode = string | number;

/**
 * One entry of an error catalog: the HTTP status, the stable code clients
 * branch on, and the human-readable message.
 * @publicApi
 */
export interface ErrorDefinition<
  TCode extends ErrorCode = ErrorCode,
  TStatus extends number = number,
> {
  /** HTTP status, 400–599. */
  readonly status: TStatus;
  /** Stable machine-readable code; unique across the catalog and the built-ins. */
  readonly code: TCode;
  /** Human-readable message; never empty. */
  readonly message: string;
}

/**
 * A catalog entry as returned by `defineErrors`: the definition plus its key.
 * @publicApi
 */
export type NamedErrorDefinition<
  TName extends string = string,
  TCode extends ErrorCode = ErrorCode,
  TStatus extends number = number,
> = ErrorDefinition<TCode, TStatus> & { readonly name: TName };

/**
 * What `defineErrors` returns: one frozen, named definition per key.
 * @publicApi
 */
export type ErrorCatalog<
  T extends Record<string, ErrorDefinition> = Record<string, ErrorDefinition>,
> = {
  readonly [K in keyof T & string]: NamedErrorDefinition<
    K,
    T[K]['code'],
    T[K]['status']
  >;
};

/**
 * The union of the codes of a catalog: `ErrorCodeOf<typeof AppErrors>`.
 * @publicApi
 */
export type ErrorCodeOf<TCatalog> =
  TCatalog extends Record<string, ErrorDefinition<infer C>> ? C : never;
