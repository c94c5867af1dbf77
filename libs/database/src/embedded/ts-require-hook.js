/**
 * Lets `node -r <this file>` run the embedded-database child from its TypeScript source (jest runs the
 * sources; nothing is compiled there). Compiles each required .ts file with @swc/core, the compiler jest
 * uses, with the repository's .swcrc. Compiled builds (dist/) never load this file.
 */
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const swcrc = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', '.swcrc'), 'utf8'));

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...swcrc,
    swcrc: false,
    filename,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
