/** Browser e2e: the built API on a fresh PostgreSQL database, driven through Debian's Chromium. */
export default {
  displayName: 'e2e',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // No Nx preset here: the test toolkit is mapped to its source by hand.
  moduleNameMapper: { '^@satchel/testing$': '<rootDir>/../../libs/testing/src/index.ts' },
  testTimeout: 120000,
  maxWorkers: 1,
};
