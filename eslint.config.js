// Lint: no import cycles and no function over 60 lines. Formatting is Prettier's job (npm run format).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.cache/**', 'out/**', 'packages/lab-mannequin/**', '**/*.js'],
  },
  {
    files: ['packages/*/src/**/*.{ts,tsx}', 'packages/*/scripts/**/*.ts', 'packages/*/test/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // A test file's describe blocks are lists of cases, not functions to split.
    files: ['**/*.test.{ts,tsx}', 'packages/web/src/e2e/**'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
