// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', '.ponte/', 'migrations/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // DESIGN §2, enforced (scripts/eslint-boundaries.js; scripts/boundaries.test.ts proves it fires).
    files: ['src/**/*.ts'],
    plugins: { ponte: boundaries },
    rules: {
      'ponte/module-boundaries': [
        'error',
        {
          only: { platform: ['platform'], pki: ['platform'], directory: ['platform', 'pki'] },
          importedBy: { sim: ['cli'], 'sample-bank': ['sim', 'cli'] },
          forbidden: [['app', 'sim']],
          faces: {
            connectors: ['index.ts', 'testing.ts'],
            platform: ['index.ts', 'testing.ts', 'schema.ts', 'bootstrap.ts'],
          },
          composition: ['app', 'sim', 'cli'],
          exceptions: [],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
