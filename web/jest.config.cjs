/** Unit tests of pure logic (node environment, no DOM). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          jsx: 'react-jsx',
          lib: ['DOM', 'DOM.Iterable', 'ES2023'],
          types: ['jest'],
          isolatedModules: true,
          esModuleInterop: true,
          resolveJsonModule: true,
          strict: true,
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@visite/billing$': '<rootDir>/../packages/billing/src/index.ts',
    '^@visite/contracts$': '<rootDir>/../packages/contracts/src/index.ts',
    '^@visite/i18n$': '<rootDir>/../packages/i18n/src/index.ts',
    '^@visite/scheduling$': '<rootDir>/../packages/scheduling/src/index.ts',
  },
};
