// Unit specs live beside the code (src, *.spec.ts); integration specs (test/integration) run against real PostgreSQL and Redis.
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: { '^@visite/contracts$': '<rootDir>/../packages/contracts/src/index.ts' },
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 30000,
};
