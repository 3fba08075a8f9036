import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

// Failing on purpose: scripts/fixture-app.mjs asserts what Vitest prints.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globals: true,
    root: './',
    include: ['**/*.failing-spec.ts'],
    setupFiles: ['./test/setup-errors.ts'],
  },
});
