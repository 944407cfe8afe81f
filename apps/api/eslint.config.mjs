import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // No import cycles between the API's files: a cycle is what pushes modules into forwardRef,
    // ModuleRef look-ups and @Global. Cycles are between relative imports, so Node's resolver with
    // TypeScript extensions finds them; packages are not followed.
    // `**/`: nx lints from the workspace root with this file as the override config.
    files: ['**/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true, maxDepth: Infinity }],
    },
  },
];
