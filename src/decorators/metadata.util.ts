/**
 * @internal Prepends `items` to the list stored under `key` on a class or a
 * handler. Decorators apply bottom-up, so prepending keeps source order.
 */
export function prependMetadata<T>(
  key: string | symbol,
  items: readonly T[],
  target: object,
  descriptor?: PropertyDescriptor,
): void {
  const metadataTarget = descriptor ? (descriptor.value as object) : target;
  const existing = (Reflect.getOwnMetadata(key, metadataTarget) ?? []) as T[];
  Reflect.defineMetadata(key, [...items, ...existing], metadataTarget);
}
