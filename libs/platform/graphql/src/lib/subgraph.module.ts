import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { principalOf } from '@homeroom/platform/auth';
import { formatGraphQLError } from './format-error';

export interface SubgraphSettings {
  /** The committed SDL file this subgraph writes at start-up (e.g. apps/cases/schema.graphql). */
  schemaFile: string;
  production: boolean;
}

/**
 * A Federation 2 subgraph, code first: the SDL is generated from the resolvers, sorted, and written to a
 * committed file that composition (and its staleness test) reads. Introspection is for development only.
 */
export function subgraphModule({ schemaFile, production }: SubgraphSettings): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { path: join(process.cwd(), schemaFile), federation: 2 },
    sortSchema: true,
    path: '/graphql',
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    // Inline traces feed Apollo Studio, which a district's deployment does not use. The cast bridges
    // @apollo/server's CommonJS typings (ours) and its ESM typings (@nestjs/apollo's); see docs/adr/0002.
    plugins: [
      ApolloServerPluginInlineTraceDisabled() as NonNullable<ApolloFederationDriverConfig['plugins']>[number],
    ],
    context: ({ req }: { req: Request }) => ({ req, principal: principalOf(req) }),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, { production }),
  });
}
