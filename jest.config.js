// One config, two NestJS majors: `npm run test:nest12` sets NEST_MAJOR=12 and
// runs this same suite on Node 24 with the compat/nest12 overlay install.
const nest12 = process.env.NEST_MAJOR === '12';

const shared = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testEnvironment: 'node',
  // The sample imports the public package name; tests run it against src/.
  moduleNameMapper: { '^nestjs-api-errors$': '<rootDir>/src' },
  ...(nest12 ? { resolver: '<rootDir>/scripts/nest12-resolver.js' } : {}),
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', rootDir: __dirname, roots: ['<rootDir>/src'], testRegex: '\\.spec\\.ts$' },
    { ...shared, displayName: 'e2e', rootDir: __dirname, roots: ['<rootDir>/test'], testRegex: '\\.(e2e-)?spec\\.ts$' },
  ],
};
