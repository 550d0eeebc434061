// Browser end-to-end tests: real Chromium (fake camera and microphone) against the real built stack
// (API server with the web client, SFU with the mediasoup worker, PostgreSQL, Redis).
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  testMatch: ['<rootDir>/specs/**/*.e2e.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 120000,
};
