export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/services/**/*.spec.ts',
  ],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  moduleNameMapper: { '^file-type$': '<rootDir>/../../node_modules/file-type/index.js' },
  transformIgnorePatterns: [
    'node_modules/(?!(file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@tus|srvx|archiver|zip-stream|compress-commons|crc32-stream|is-stream)/)',
  ],
  coverageDirectory: '../../coverage/apps/api',
  testTimeout: 30000,
  maxWorkers: 2,
};
