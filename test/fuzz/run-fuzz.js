/**
 * `npm run fuzz -- [--runs N] [--seed S]`: runs test/fuzz/fuzz.main.ts from source (compiled on require by
 * @swc/core with the repository's .swcrc, as jest does; @switchboard/* aliases resolved as in jest.config.js).
 */
'use strict';
const Module = require('node:module');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  let mapped = request;
  const testing = /^@switchboard\/testing\/(.*)$/.exec(request);
  const lib = /^@switchboard\/([a-z-]+)(\/(.*))?$/.exec(request);
  if (testing) mapped = join(root, 'test', 'support', testing[1]);
  else if (lib) mapped = join(root, 'libs', lib[1], 'src', lib[3] ?? '');
  return resolveFilename.call(this, mapped, ...rest);
};
require(join(root, 'libs', 'database', 'src', 'embedded', 'ts-require-hook.js'));
require('reflect-metadata');
require('./fuzz.main.ts');
