import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { workspaceRoot } from '@homeroom/platform/local-stack';

/**
 * One of the portal's own operations, as the portal sends it: the named operation from a library's
 * `.graphql` file with the fragments it spreads, so the load is the screens' real queries.
 */
export function portalOperation(library: string, file: string, name: string): string {
  const document = parse(
    readFileSync(join(workspaceRoot(), 'libs', 'portal', library, 'src', 'lib', 'graphql', file), 'utf8'),
  );
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === name,
  );
  if (!operation) throw new Error(`no operation ${name} in ${library}/${file}`);
  const used: DefinitionNode[] = [operation];
  const seen = new Set<string>();
  for (let index = 0; index < used.length; index += 1) {
    visit(used[index]!, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          used.push(fragment);
        }
      },
    });
  }
  return used.map((definition) => print(definition)).join('\n');
}
