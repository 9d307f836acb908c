/**
 * The supergraph the gateway serves, composed at build time from every subgraph's committed SDL
 * (apps/<app>/schema.graphql, which each app's own test checks against the running subgraph) with
 * @apollo/composition. `node -r @swc-node/register tools/graphql/compose-supergraph.ts` rewrites
 * apps/gateway/supergraph.graphql; the supergraph test fails while the committed file is stale.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { workspaceRoot } from '@homeroom/platform/local-stack';

/** Where each subgraph answers on one machine (../shared/ARCHITECTURE.md); the gateway may override them. */
export const LOCAL_SUBGRAPH_URLS: Record<string, string> = {
  directory: 'http://localhost:4001/graphql',
  cases: 'http://localhost:4002/graphql',
  slas: 'http://localhost:4003/graphql',
  surveys: 'http://localhost:4004/graphql',
};

export const SUPERGRAPH_FILE = join('apps', 'gateway', 'supergraph.graphql');

/** Every app with a committed subgraph schema, by name, in a stable order. */
export function subgraphSchemas(root = workspaceRoot()) {
  return readdirSync(join(root, 'apps'))
    .filter((app) => existsSync(join(root, 'apps', app, 'schema.graphql')))
    .sort()
    .map((app) => ({
      name: app,
      url: LOCAL_SUBGRAPH_URLS[app] ?? `http://localhost/${app}/graphql`,
      typeDefs: parse(readFileSync(join(root, 'apps', app, 'schema.graphql'), 'utf8')),
    }));
}

/** The composed supergraph SDL; throws with every composition error when the subgraphs do not compose. */
export function composeSupergraph(root = workspaceRoot()): string {
  const result = composeServices(subgraphSchemas(root));
  if (result.errors?.length || !result.supergraphSdl)
    throw new Error(
      `The subgraphs do not compose:\n${(result.errors ?? []).map((error) => `  - ${error.message}`).join('\n')}`,
    );
  return `${result.supergraphSdl.trimEnd()}\n`;
}

if (require.main === module) {
  const root = workspaceRoot();
  const file = join(root, SUPERGRAPH_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, composeSupergraph(root));
  process.stdout.write(`written: ${SUPERGRAPH_FILE}\n`);
}
