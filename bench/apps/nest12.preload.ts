import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Preloaded (`--require`) into every Nest bench app: bare imports made from
 * the project's own files (bench/dist, the module's compiled src) resolve
 * from the compat/nest12 overlay first, NestJS 12 and its copies of rxjs and
 * reflect-metadata, then from the root install (class-validator,
 * class-transformer), exactly as scripts/nest12-resolver.js does for Jest.
 * Files inside the overlay resolve as Node would. NestJS 12 is ESM-only: the
 * compiled CommonJS loads it with `require(esm)` (Node ≥ 22.12), and the hook
 * needs `module.registerHooks` (Node ≥ 22.15).
 */
type Resolve = (specifier: string, context: { parentURL?: string }) => unknown;
type RegisterHooks = (hooks: {
  resolve: (specifier: string, context: { parentURL?: string }, next: Resolve) => unknown;
}) => void;

// Compiled to bench/dist/bench/apps/: the project is four levels up.
const overlay = join(__dirname, '../../../../compat/nest12');
const overlayUrl = pathToFileURL(`${overlay}/`).href;
// Resolving from the overlay by hand: for require(), the default resolver
// ignores a changed parentURL.
const fromOverlay = createRequire(join(overlay, 'package.json'));

const registerHooks = (require('node:module') as { registerHooks?: RegisterHooks }).registerHooks;
if (!registerHooks) {
  throw new Error(`NestJS 12 bench apps need module.registerHooks (Node >= 22.15), this is ${process.version}`);
}

registerHooks({
  resolve(specifier, context, next) {
    const bare = !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.includes(':');
    if (bare && context.parentURL !== undefined && !context.parentURL.startsWith(overlayUrl)) {
      try {
        return { url: pathToFileURL(fromOverlay.resolve(specifier)).href, shortCircuit: true };
      } catch {
        // not in the overlay: the root install
      }
    }
    return next(specifier, context);
  },
});
