// @ts-check
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { createProjectGraphAsync } from '@nx/devkit';

// The boundaries rule reads Nx's cached project graph and, without one, skips itself with a warning: build
// (or refresh) it here, so that `npx eslint <path>` enforces the boundaries as `npm run lint` does.
await createProjectGraphAsync({ exitOnError: true });

/** Libraries no browser bundle may pull in. */
const SERVER_ONLY = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'pino', 'prom-client'];
const DOMAINS = ['directory', 'cases', 'slas', 'surveys', 'gateway'];

/**
 * Module boundaries in two tag dimensions, enforced: `scope:` (which domain) and `type:` (which layer).
 * A domain sees itself, the platform, shared code, and other domains only through their event contracts.
 */
const DEP_CONSTRAINTS = [
  {
    sourceTag: 'scope:shared',
    onlyDependOnLibsWithTags: ['scope:shared'],
    bannedExternalImports: SERVER_ONLY,
  },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
  ...DOMAINS.map((domain) => ({
    sourceTag: `scope:${domain}`,
    onlyDependOnLibsWithTags: [`scope:${domain}`, 'scope:platform', 'scope:shared', 'type:contracts'],
  })),
  {
    sourceTag: 'scope:portal',
    onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'],
    bannedExternalImports: SERVER_ONLY,
  },
  // Layers depend downwards only.
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:domain',
      'type:contracts',
      'type:ui',
      'type:util',
    ],
  },
  {
    // End-to-end suites drive the running platform; they prepare its databases (data-access) themselves.
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: [
      'type:testing',
      'type:contracts',
      'type:util',
      'type:domain',
      'type:data-access',
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:domain',
      'type:contracts',
      'type:ui',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts', 'type:util'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'],
    // Domains are plain TypeScript: no framework, no database, no transport.
    bannedExternalImports: ['typeorm', 'pg', 'kafkajs', '@nestjs/*', '@apollo/*'],
  },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
    bannedExternalImports: ['typeorm', 'pg', 'kafkajs', '@nestjs/*', '@apollo/*'],
  },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  // Workspace tooling (stack CLI, test runner, benchmarks) drives any library; nothing depends on it.
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['*'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: [
      'type:testing',
      'type:data-access',
      'type:domain',
      'type:contracts',
      'type:util',
    ],
  },
];

/** Test code may also use `type:testing` libraries (the shared harness); production code never does. */
function moduleBoundaries({ forTests }) {
  const depConstraints = DEP_CONSTRAINTS.map((constraint) =>
    forTests && constraint.onlyDependOnLibsWithTags && constraint.sourceTag.startsWith('type:')
      ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
      : constraint,
  );
  return [
    'error',
    { enforceBuildableLibDependency: true, banTransitiveDependencies: true, allow: [], depConstraints },
  ];
}

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.corpus-spec.ts',
  // End-to-end projects are test code throughout (their harness starts processes and reads the environment).
  'apps/*-e2e/**/*.ts',
  '**/src/test/**/*.ts',
  '**/src/jest/**/*.ts',
  // A library's testing entry point (e.g. @homeroom/platform/database/testing) is test code too.
  '**/src/testing/**/*.ts',
];

export default tseslint.config(
  {
    // Generated operation types (tools/graphql/portal-operations.ts) are checked by being current, not linted.
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/coverage',
      '.stack/**',
      '.nx/**',
      'tmp/**',
      '**/*.generated.ts',
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // No consistent-type-imports: NestJS injects by the constructor parameter's class, which `import type` erases.
      'no-console': 'error',
      // Configuration is read once, validated, in libs/platform/config; nowhere else reads the environment.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through @homeroom/platform/config.',
        },
      ],
      '@nx/enforce-module-boundaries': moduleBoundaries({ forTests: false }),
    },
  },
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ forTests: true }) } },
  {
    // Tests, tools, the harness, the local stack and the config library may read the environment and print.
    files: [
      ...TEST_FILES,
      'tools/**/*.ts',
      'libs/platform/config/**/*.ts',
      'libs/platform/testing/**/*.ts',
      'libs/platform/local-stack/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
