/**
 * @internal Reads class-validator and class-transformer metadata, loaded
 * lazily (both are optional peers) and only when a validation failed.
 */

type ConstraintMetadata = {
  name: string;
  async: boolean;
  instance: { validate(value: unknown, args: object): unknown };
};
type ValidationMetadata = {
  propertyName: string;
  each?: boolean;
  constraintCls: unknown;
  constraints: unknown[];
  name?: string;
  type: string;
};
type ValidatorStorage = {
  getTargetValidationMetadatas(
    target: unknown,
    schema: string,
    always: boolean,
    strict: boolean,
    groups?: string[],
  ): ValidationMetadata[];
  getTargetValidatorConstraints(cls: unknown): ConstraintMetadata[];
};
type TransformerStorage = {
  findExposeMetadata(
    target: unknown,
    property: string,
  ): { options?: { name?: string } } | undefined;
};

/** Loads once; `null` when the package is not installed. */
function lazy<T>(load: () => T): () => T | null {
  let value: T | null | undefined;
  return () => {
    if (value === undefined) {
      try {
        value = load();
      } catch {
        value = null;
      }
    }
    return value;
  };
}

const loadValidatorStorage = lazy(
  () => require('class-validator').getMetadataStorage() as ValidatorStorage,
);
const loadTransformerStorage = lazy(
  () =>
    require('class-transformer/cjs/storage')
      .defaultMetadataStorage as TransformerStorage,
);

/** The name a property has on the wire: its `@Expose({ name })`, if any. */
export function exposedName(target: unknown, property: string): string {
  const ctor = (target as { constructor?: unknown } | undefined)?.constructor;
  if (typeof ctor !== 'function' || ctor === Object || ctor === Array)
    return property;
  return (
    loadTransformerStorage()?.findExposeMetadata(ctor, property)?.options
      ?.name ?? property
  );
}

/**
 * Indexes of the items of `value` that fail the `each: true` constraint
 * named `constraint` on `target.property`; `undefined` when that cannot be
 * told synchronously (an async validator, or no metadata). Stops after
 * `limit` failing items.
 */
export function failingItemIndexes(
  target: unknown,
  property: string,
  constraint: string,
  value: unknown,
  limit = Infinity,
): number[] | undefined {
  const items =
    value instanceof Set || value instanceof Map ? [...value.values()] : value;
  const ctor = (target as { constructor?: unknown } | undefined)?.constructor;
  const storage = loadValidatorStorage();
  if (!Array.isArray(items) || typeof ctor !== 'function' || !storage)
    return undefined;
  const metadata = storage
    .getTargetValidationMetadatas(ctor, '', true, false)
    .filter((m) => m.propertyName === property && m.each);
  for (const m of metadata) {
    const validator = storage
      .getTargetValidatorConstraints(m.constraintCls)
      .find((c) => c.name === constraint);
    if (!validator || validator.async) continue;
    const failing: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const args = {
        targetName: ctor.name,
        property,
        object: target,
        value: items[i],
        constraints: m.constraints,
      };
      const valid = validator.instance.validate(items[i], args);
      if (typeof (valid as Promise<unknown>)?.then === 'function')
        return undefined;
      if (!valid && failing.push(i) >= limit) break;
    }
    return failing;
  }
  return undefined;
}
