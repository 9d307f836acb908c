// One Jest run covers the workspace, split by test kind: `unit` (*.spec.ts, pure logic, no I/O) and
// `integration` (*.integration-spec.ts, the real PostgreSQL and Kafka of the test stack) and `e2e`.
/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      preset: './jest.preset.js',
      rootDir: '.',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
      // The portal's component specs (jsdom) get Angular's TestBed; the others are untouched.
      setupFilesAfterEnv: ['<rootDir>/tools/jest/angular-testbed.setup.ts'],
    },
    {
      displayName: 'integration',
      preset: './jest.preset.js',
      rootDir: '.',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/libs/platform/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/platform/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/platform/testing/src/jest/integration-setup.ts'],
    },
    {
      // Replays of published material kept outside the repository (MAIL_CORPUS_DIR): npm run test:mail-corpus.
      displayName: 'corpus',
      preset: './jest.preset.js',
      rootDir: '.',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.corpus-spec.ts'],
      globalSetup: '<rootDir>/libs/platform/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/platform/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/platform/testing/src/jest/integration-setup.ts'],
    },
    {
      // End to end: the workspace's own commands and, with the gateway, the whole running platform.
      displayName: 'e2e',
      preset: './jest.preset.js',
      rootDir: '.',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/platform/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/platform/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/platform/testing/src/jest/integration-setup.ts'],
    },
  ],
};
