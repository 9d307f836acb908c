import type { DynamicModule } from '@nestjs/common';
import { type BuildSchemaOptions, GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { principalOf } from '@homeroom/platform/auth';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { enforceInputRules } from './enforce-input-rules';
import { formatGraphQLError } from './format-error';

export interface SubgraphSettings {
  production: boolean;
  /**
   * Types no query or field names but the schema must have: another subgraph's entity this one only
   * extends (`Case` in the slas subgraph, which adds `Case.sla`).
   */
  orphanedTypes?: NonNullable<BuildSchemaOptions['orphanedTypes']>;
}

/**
 * A Federation 2 subgraph, code first: the schema is generated from the resolvers, sorted. Each app's
 * test compares its `_service { sdl }` with the committed `apps/<app>/schema.graphql` that composition
 * reads. Introspection is for development only. Every argument is checked by `enforceInputRules` before
 * its resolver runs. Needs ObservabilityModule (errors that become INTERNAL are logged there, with the
 * correlation id).
 */
export function subgraphModule({ production, orphanedTypes = [] }: SubgraphSettings): DynamicModule {
  return GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    inject: [LOGGER],
    useFactory: (logger: Logger) => ({
      autoSchemaFile: { federation: 2 },
      sortSchema: true,
      path: '/graphql',
      introspection: !production,
      includeStacktraceInErrorResponses: !production,
      buildSchemaOptions: { dateScalarMode: 'isoDate', orphanedTypes },
      // Every String and ID argument is bounded, free of NUL and (IDs) a UUID before a resolver runs.
      transformSchema: enforceInputRules,
      // Inline traces feed Apollo Studio, which a district's deployment does not use. The cast bridges
      // @apollo/server's CommonJS typings (ours) and its ESM typings (@nestjs/apollo's); see docs/adr/0002.
      plugins: [
        ApolloServerPluginInlineTraceDisabled() as NonNullable<
          ApolloFederationDriverConfig['plugins']
        >[number],
      ],
      // Guards run on field resolvers too, so a field that needs sign-in is refused even under a public query.
      fieldResolverEnhancers: ['guards'],
      context: ({ req }: { req: Request }) => ({ req, principal: principalOf(req) }),
      formatError: (formatted, error) => {
        const mapped = formatGraphQLError(formatted, error, { production });
        if (mapped.extensions?.['code'] === 'INTERNAL') {
          logger.error(
            { err: (error as { originalError?: unknown }).originalError ?? error, path: formatted.path },
            'unexpected error in a resolver',
          );
        }
        return mapped;
      },
    }),
  });
}
