/** Median of a non-empty list (NaN for an empty one). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `12 345` style grouping for req/s. */
export function formatInt(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/** Bytes as MiB with one decimal, signed when `signed`. */
export function formatMiB(bytes: number, signed = false): string {
  const mib = bytes / 1024 / 1024;
  return `${signed && mib >= 0 ? '+' : ''}${mib.toFixed(1)} MiB`;
}
