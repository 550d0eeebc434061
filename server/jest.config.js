// Unit specs live beside the code (src, *.spec.ts) and need nothing running.
// Integration specs (test/integration) run against real PostgreSQL and Redis (see test/factories/test-env.ts).
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^@visite/contracts$': '<rootDir>/../packages/contracts/src/index.ts',
    '^@visite/billing$': '<rootDir>/../packages/billing/src/index.ts',
    '^@visite/i18n$': '<rootDir>/../packages/i18n/src/index.ts',
    '^@visite/scheduling$': '<rootDir>/../packages/scheduling/src/index.ts',
  },
};
module.exports = {
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
    { ...common, displayName: 'integration', roots: ['<rootDir>/test'], testMatch: ['**/*.spec.ts'], globalSetup: '<rootDir>/test/global-setup.ts' },
  ],
};
