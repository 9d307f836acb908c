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

/**
 * Each top-level field of an operation as an operation of its own, with the variables and fragments it
 * uses: to time a screen's query field by field (which part of the dashboard is slow).
 */
export function rootFieldOperations(
  operation: string,
): { field: string; query: string; variables: string[] }[] {
  const document = parse(operation);
  const root = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!root) throw new Error('no operation');
  const fragments = document.definitions.filter(
    (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  return root.selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const used = new Set<string>();
    const spread = new Set<string>();
    const collect = (node: Parameters<typeof visit>[0]) =>
      visit(node, {
        Variable: (variable) => void used.add(variable.name.value),
        FragmentSpread: (fragment) => void spread.add(fragment.name.value),
      });
    collect(selection);
    for (const fragment of fragments) if (spread.has(fragment.name.value)) collect(fragment);
    const single = {
      ...root,
      name: { kind: Kind.NAME, value: `${root.name?.value ?? 'Operation'}_${selection.name.value}` },
      variableDefinitions: root.variableDefinitions?.filter((definition) =>
        used.has(definition.variable.name.value),
      ),
      selectionSet: { ...root.selectionSet, selections: [selection] },
    } as const;
    return [
      {
        field: (selection.alias ?? selection.name).value,
        query: [single, ...fragments.filter((f) => spread.has(f.name.value))].map((d) => print(d)).join('\n'),
        variables: [...used],
      },
    ];
  });
}
