/** One jest run covers unit specs next to the code, integration specs against Postgres and e2e specs over HTTP. */
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/bench'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    // Test helpers shared by lib specs and e2e specs (never part of a build).
    '^@switchboard/testing/(.*)$': '<rootDir>/test/support/$1',
    '^@switchboard/test-fixtures/(.*)$': '<rootDir>/test/fixtures/$1',
    '^@switchboard/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@switchboard/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
