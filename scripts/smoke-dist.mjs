// Loads the built package the way users do: require() from CommonJS and
// import() from ESM, through the package's own name and exports map.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const expected = ['ErrorsModule', 'ErrorsFilter', 'ApiException', 'defineErrors', 'getRequestId', 'RequestId', 'ErrorsValidationPipe', 'BUILT_IN_ERRORS'];

const cjs = require('nestjs-api-errors');
const esm = await import('nestjs-api-errors');
for (const name of expected) {
  if (typeof cjs[name] === 'undefined') throw new Error(`require('nestjs-api-errors').${name} is missing`);
  if (typeof esm[name] === 'undefined') throw new Error(`import('nestjs-api-errors').${name} is missing`);
}
let deepImportBlocked = false;
try {
  require('nestjs-api-errors/dist/filter/errors.filter');
} catch (error) {
  deepImportBlocked = error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
}
if (!deepImportBlocked) throw new Error('deep imports into dist/ must be blocked by the exports map');
console.log(`dist smoke test: ${expected.length} exports via require() and import(); deep imports blocked`);
