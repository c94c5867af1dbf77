// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * The allowed import graph, lib → the @switchboard libs it may import (production code; specs may also reach the
 * test helpers and the wiring). An edge not listed here is a design change: change it here, on purpose.
 */
const LIB_GRAPH = {
  common: [],
  config: ['common'],
  database: ['common', 'config'],
  protocols: ['common'],
  converters: ['common', 'protocols'],
  providers: ['common', 'protocols'],
  routes: ['common', 'config', 'database', 'protocols', 'providers'],
  keys: ['common', 'config', 'database', 'routes'],
  catalogue: ['common', 'config', 'database', 'routes', 'protocols'],
  proxy: [
    'common',
    'config',
    'database',
    'routes',
    'protocols',
    'converters',
    'providers',
    'keys',
    'catalogue',
    // The stored Responses API turns (previous_response_id, GET/DELETE /v1/responses/{id}).
    'responses',
  ],
  // Takes the process's Core (config, DataSource, health registry) in its module factories.
  telemetry: ['common', 'config', 'database', 'routes', 'providers', 'proxy', 'core', 'catalogue'],
  responses: ['common', 'config', 'database', 'protocols', 'converters'],
  // The process wiring: builds every singleton and composes every lib's schema.
  core: [
    'common',
    'config',
    'database',
    'routes',
    'protocols',
    'converters',
    'providers',
    'proxy',
    'keys',
    'catalogue',
    'responses',
  ],
};

/** `../../proxy/src/x`, `../../../../test/support/x`: a path that leaves its lib or app; use the @switchboard alias. */
const relativeCrossBoundary = {
  regex: '^(\\.\\./)+(libs/|apps/|test/|bench/|[\\w-]+/src(/|$))',
  message:
    'No relative paths across libs/apps/tests: import @switchboard/<lib> (tests: @switchboard/testing/*).',
};

/** The official SDKs are devDependencies for tests: production code speaks the protocols through libs/protocols. */
const sdkImports = {
  regex: '^(openai|@anthropic-ai/sdk)(/|$)',
  message: 'SDKs are test-only devDependencies: use the types in @switchboard/protocols.',
};

/** gitignore semantics: everything under @switchboard/* is refused, then each allowed lib is re-included. */
function libGraphPattern(lib) {
  const allowed = LIB_GRAPH[lib];
  return {
    group: [
      '@switchboard/*',
      ...allowed.flatMap((dep) => [`!@switchboard/${dep}`, `!@switchboard/${dep}/*`]),
    ],
    message: `libs/${lib} may import only ${allowed.length ? allowed.map((dep) => `@switchboard/${dep}`).join(', ') : 'no other @switchboard lib'} (see LIB_GRAPH in eslint.config.mjs).`,
  };
}

/** Pure libraries: conversion must never depend on a framework, HTTP stack or database. */
const purePatterns = [
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
];
const PURE_LIBS = new Set(['protocols', 'converters']);

/** From common, pure libs take only the errors. */
const commonErrorsOnly = {
  regex: '^@switchboard/common(/(?!errors(/|$)).*)?$',
  message: 'protocols/converters may import only @switchboard/common/errors from common.',
};

const PRODUCTION_ONLY = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**'];

const libBoundaries = Object.keys(LIB_GRAPH).map((lib) => ({
  files: [`libs/${lib}/**/*.ts`],
  ignores: PRODUCTION_ONLY,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          libGraphPattern(lib),
          relativeCrossBoundary,
          sdkImports,
          ...(PURE_LIBS.has(lib) ? [...purePatterns, commonErrorsOnly] : []),
        ],
      },
    ],
  },
}));

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
    files: [
      'apps/**/*.ts',
      'libs/{common,config,database,routes,providers,proxy,core,telemetry,keys,catalogue,responses}/**/*.ts',
    ],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Lib specs may use the SDKs and reach any lib, but never by a relative path (test helpers and fixtures
    // have aliases: @switchboard/testing/*, @switchboard/test-fixtures/*).
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [relativeCrossBoundary] }] },
  },
  ...libBoundaries,
  {
    files: ['apps/**/*.ts'],
    ignores: PRODUCTION_ONLY,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            sdkImports,
            {
              regex: '^(\\.\\./)+(libs/|test/|bench/)',
              message: 'Apps import libs by their @switchboard alias, never by a relative path.',
            },
          ],
        },
      ],
    },
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
