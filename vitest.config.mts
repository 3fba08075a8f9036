// The testing kit's own specs, run by Vitest as well as by Jest: the kit must
// work (matchers, failure reports) in both runners.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['src/testing/**/*.spec.ts'],
  },
});
