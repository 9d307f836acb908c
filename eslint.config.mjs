// @ts-check
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Libraries no browser bundle may pull in. */
const SERVER_ONLY = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'pino', 'prom-client'];

export default tseslint.config(
  {
    ignores: ['**/node_modules', '**/dist', '**/coverage', '.stack/**', '.nx/**', 'tmp/**', 'docs/**'],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      // Configuration is read once, validated, in libs/platform/config; nowhere else reads the environment.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @homeroom/platform/config.' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          checkDynamicDependenciesExceptions: [],
          allow: [],
          depConstraints: [
            // Scope: a domain sees itself, the platform, shared code, and other domains only through
            // their event contracts. The platform sees only itself and shared code.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
            ...['directory', 'cases', 'slas', 'surveys', 'gateway'].map((domain) => ({
              sourceTag: `scope:${domain}`,
              onlyDependOnLibsWithTags: [`scope:${domain}`, 'scope:platform', 'scope:shared', 'type:contracts'],
            })),
            {
              sourceTag: 'scope:portal',
              onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'],
              bannedExternalImports: SERVER_ONLY,
            },
            // Type: layers only depend downwards.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:contracts', 'type:ui', 'type:util'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:util', 'type:domain'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:contracts', 'type:ui', 'type:util'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'],
              bannedExternalImports: ['typeorm', 'pg', 'kafkajs', '@nestjs/graphql', '@nestjs/typeorm', '@apollo/*'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
              bannedExternalImports: ['typeorm', 'pg', 'kafkajs', '@nestjs/*', '@apollo/*'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:testing', 'type:data-access', 'type:domain', 'type:contracts', 'type:util'],
            },
            // Shared code is imported by the browser too.
            { sourceTag: 'scope:shared', bannedExternalImports: SERVER_ONLY },
          ],
        },
      ],
    },
  },
  {
    // Tests, tools and the config library may read the environment and print.
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', 'tools/**/*.ts', 'libs/platform/config/**/*.ts', 'libs/platform/testing/**/*.ts', 'libs/platform/local-stack/**/*.ts'],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
