// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Pure libraries: conversion must never depend on a framework, HTTP stack or database. */
const pureLibraryImports = {
  paths: [
    {
      name: '@switchboard/common',
      message: 'protocols/converters may import only @switchboard/common/errors from common.',
    },
  ],
  patterns: [
    { group: ['@nestjs/*'], message: 'protocols/converters are pure: no Nest here.' },
    {
      group: [
        'express',
        'express/*',
        'undici',
        'undici/*',
        'node:http',
        'http',
        'node:https',
        'https',
        'node:net',
        'net',
      ],
      message: 'protocols/converters are pure: no HTTP here.',
    },
    {
      group: ['typeorm', 'typeorm/*', 'pg', 'pg/*', '@electric-sql/*'],
      message: 'protocols/converters are pure: no database here.',
    },
    {
      group: [
        '@switchboard/*',
        '!@switchboard/protocols',
        '!@switchboard/protocols/*',
        '!@switchboard/converters',
        '!@switchboard/converters/*',
        // gitignore semantics: re-include the parent first, or `!…/common/errors` cannot take effect.
        '!@switchboard/common',
        '@switchboard/common/*',
        '!@switchboard/common/errors',
        '!@switchboard/common/errors/*',
      ],
      message: 'protocols/converters may import only each other and the common errors.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      '**/*.js',
      '!eslint.config.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2022, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Nest's DI reads constructor parameter types at run time: a type-only import there erases the token.
    files: ['apps/**/*.ts', 'libs/{common,config,database,routes,providers,proxy}/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/protocols/**/*.ts', 'libs/converters/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', pureLibraryImports] },
  },
  {
    files: [
      'bench/**/*.ts',
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.int-spec.ts',
      'test/**/*.ts',
      'libs/*/src/**/cli/**/*.ts',
      '**/*.cli.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
