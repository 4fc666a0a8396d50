// ESLint flat config: typescript-eslint's recommended rules everywhere, plus the layering rules of the add-on:
// only adapters, the card renderer and main.ts may touch Apps Script services, and domain/app never import
// adapters or UI rendering.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const APPS_SCRIPT_SERVICES = [
  'SpreadsheetApp',
  'CardService',
  'Chat',
  'PropertiesService',
  'ScriptApp',
  'LockService',
  'UrlFetchApp',
  'Session',
  'Utilities',
  'CacheService',
  'DriveApp',
  'HtmlService',
  'Logger',
].map((name) => ({
  name,
  message: 'Only src/adapters/gas, src/ui/render and src/main.ts may use Apps Script services.',
}));

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'artifacts/**',
      'out/**',
      'probe/**/*.gs',
      'emulator/playground/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The emulator and tests handle untyped values crossing V8 contexts and JSON boundaries.
    files: ['emulator/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'probe/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    files: ['*.js', 'scripts/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/domain/**/*.ts', 'src/app/**/*.ts', 'src/ports/**/*.ts', 'src/ui/views/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_SERVICES],
      'no-restricted-imports': ['error', { patterns: ['**/adapters/**', '**/ui/render*', '**/main'] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/app/**', '**/ports/**', '**/adapters/**', '**/ui/**', '**/main'] },
      ],
    },
  },
);
