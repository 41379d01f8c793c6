/**
 * Three projects so each layer runs alone:
 *   unit        — *.spec.ts beside the code, no network
 *   integration — test/integration/*.int-spec.ts, real MariaDB/Redis/Temporal, one component at a time
 *   e2e         — test/**\/*.e2e-spec.ts, API + worker in-process against the real stack
 *   faults      — test/faults/*.fault-spec.ts, each crashing a private MariaDB/Redis/API/worker it started itself
 *   cluster     — test/cluster/*.cluster-spec.ts, only with RECTIFLOW_CLUSTER_TESTS=1 (npm run test:cluster):
 *                 fault tests that kill processes of the official Temporal server started by that script
 */
const fs = require('fs');
const path = require('path');
const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
const transform = { '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }] };
const moduleNameMapper = { '^@rectiflow/([a-z-]+)$': '<rootDir>/libs/$1/src' };
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

const integrationSetup = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFiles: ['<rootDir>/test/support/test-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,scripts}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      ...integrationSetup,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      ...integrationSetup,
    },
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      ...integrationSetup,
    },
    ...(process.env.RECTIFLOW_CLUSTER_TESTS === '1'
      ? [
          {
            ...common,
            displayName: 'cluster',
            testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
            ...integrationSetup,
          },
        ]
      : []),
  ],
};
