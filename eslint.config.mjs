// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'var/**',
      '.tools/**',
      'coverage/**',
      'reports/**',
      'apps/web/dist/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Workflow code is replayed: only @temporalio/workflow and relative contract/type imports are allowed.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'bullmq',
                'ioredis',
                'mysql2',
                'reflect-metadata',
                'class-transformer',
                'class-validator',
              ],
              message: 'workflow code must stay deterministic',
            },
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os'],
              message: 'no Node built-ins in workflow code',
            },
            {
              group: ['@rectiflow/*'],
              message: 'the workflow bundler does not read tsconfig paths: use a relative import',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
      sourceType: 'commonjs',
    },
  },
  {
    // The web app (React + antd, built by Vite): browser code, checked by apps/web/tsconfig.json.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
  },
);
