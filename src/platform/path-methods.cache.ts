/** Paths remembered per app; the oldest is dropped first. */
const MAX_ENTRIES = 500;
/** Longer paths are looked up every time, never kept. */
const MAX_PATH_LENGTH = 256;

/**
 * @internal The methods served on a path, looked up once per path for the
 * not-found path (405 and `Allow`), not once per request. Bounded: at most
 * 500 paths of up to 256 characters (≈ 150 KB), so a client probing random
 * paths cannot grow it. Emptied whenever the platform's routing `version`
 * changes (a route added after bootstrap).
 */
export class PathMethodsCache {
  private readonly entries = new Map<string, readonly string[]>();
  private version: unknown;

  /** The cached methods of `path`, or `lookup()`'s answer, remembered. */
  get(
    path: string,
    version: unknown,
    lookup: () => string[],
  ): readonly string[] {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    if (path.length > MAX_PATH_LENGTH) return lookup();
    let methods = this.entries.get(path);
    if (methods === undefined) {
      methods = Object.freeze(lookup());
      if (this.entries.size >= MAX_ENTRIES)
        this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(path, methods);
    }
    return methods;
  }

  /** How many paths are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
