// Every suite runs against the real PostgreSQL and a real Temporal server started once per run by
// test/global-setup.ts; time-skipping suites start their own Java test server.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // @rjsf/utils (used by the server to precompile form validators) requires this ESM-only package.
  transformIgnorePatterns: ['/node_modules/(?!@x0k/json-schema-merge/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 120_000,
  // Two cores: one suite per core; each suite brings its own tenants so suites never interfere.
  maxWorkers: 2,
};
