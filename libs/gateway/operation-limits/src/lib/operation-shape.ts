import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What the gateway needs to know about an operation before it plans it. */
export interface OperationShape {
  operationType: 'query' | 'mutation' | 'subscription';
  /** The operation's top-level fields (fragments on the root type included), `__typename` left out. */
  rootFields: string[];
  /**
   * The field each top-level response key runs, in order: one entry per key (a field's alias, or its
   * name), as graphql-js executes them, so a field under three aliases is three calls, while the same key
   * selected again through a fragment is still one.
   */
  rootFieldCalls: string[];
  /** The deepest nesting of fields; introspection fields do not count. */
  depth: number;
  /** Fields selected under an alias other than their own name. */
  aliases: number;
  /** Estimated work: each field's weight plus its children's cost times the list size it returns. */
  cost: number;
}

/** How cost is estimated. Weights are per `Type.field`; the rest of the model is in `DEFAULT_COST_MODEL`. */
export interface CostModel {
  /** A field of object type costs this unless weighted; scalars and enums cost nothing. */
  objectFieldWeight: number;
  /** Every root mutation field costs this more: writes touch the database and publish events. */
  mutationWeight: number;
  /** `Type.field` → weight, for fields that search, aggregate or call out. */
  fieldWeights: Readonly<Record<string, number>>;
  /** A connection asked for without `first`/`last` returns this many (the subgraphs' default page). */
  defaultPageSize: number;
  /** A plain list field (no paging arguments) is assumed to return this many. */
  assumedListSize: number;
}

export const DEFAULT_COST_MODEL: CostModel = {
  objectFieldWeight: 1,
  mutationWeight: 10,
  fieldWeights: {
    // Full-text and aggregate reads scan many rows: a single call costs as much as a page of cases.
    'Query.people': 5,
    'Query.cases': 5,
    'Query.caseMetrics': 50,
    'Query.slaAttainment': 50,
    'SlaAttainment.bySchool': 50,
    'Query.satisfaction': 50,
    'Query.nps': 50,
    'Survey.results': 50,
    'Query.emergingIssues': 50,
    'Query.helpCenterDeflection': 50,
    // Full-text searches of the help center, public: priced like a page of cases.
    'Query.helpArticles': 5,
    'Query.suggestHelpArticles': 5,
    // Up to 500 cases changed, each in its own transaction.
    'Mutation.bulkUpdateCases': 100,
    'Mutation.undoBulkCaseAction': 100,
    'Mutation.bulkMergeCases': 100,
    'Query.auditLog': 10,
    'School.caseMetrics': 50,
    'School.slaAttainment': 50,
    'School.satisfaction': 50,
    // Calls the language-model endpoint.
    'Query.caseSummary': 100,
    'Query.suggestReply': 100,
  },
  defaultPageSize: 20,
  assumedListSize: 10,
};

interface Measure {
  cost: number;
  depth: number;
  aliases: number;
}

const NOTHING: Measure = { cost: 0, depth: 0, aliases: 0 };

/**
 * The shape of the operation a request runs, on a document that has passed validation (so fragments
 * exist and do not cycle). Each fragment is measured once and its measure reused wherever it is spread,
 * so a document that spreads fragments into each other many times costs linear time to measure, not
 * exponential. Returns undefined when the document has no such operation.
 */
export function operationShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  {
    operationName,
    variables = {},
    costModel = DEFAULT_COST_MODEL,
  }: {
    operationName?: string | null;
    variables?: Readonly<Record<string, unknown>>;
    costModel?: CostModel;
  } = {},
): OperationShape | undefined {
  const operation = chooseOperation(document, operationName);
  if (!operation) return undefined;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return undefined;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fragmentMeasures = new Map<string, Measure>();

  const measureSelections = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType): Measure => {
    let cost = 0;
    let depth = 0;
    let aliases = 0;
    for (const selection of selectionSet.selections) {
      let measure: Measure;
      if (selection.kind === Kind.FIELD) {
        measure = measureField(selection, parentType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? parentType)
          : parentType;
        measure = measureSelections(selection.selectionSet, type);
      } else {
        measure = measureFragment(selection.name.value);
      }
      cost += measure.cost;
      aliases += measure.aliases;
      depth = Math.max(depth, measure.depth);
    }
    return { cost, depth, aliases };
  };

  const measureFragment = (name: string): Measure => {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    // Marked before measuring: a cycle (which validation refuses anyway) then ends instead of recursing.
    fragmentMeasures.set(name, NOTHING);
    const measure = fragment && type ? measureSelections(fragment.selectionSet, type) : NOTHING;
    fragmentMeasures.set(name, measure);
    return measure;
  };

  const measureField = (node: FieldNode, parentType: GraphQLNamedType): Measure => {
    const name = node.name.value;
    if (name.startsWith('__')) return NOTHING;
    const aliased = node.alias && node.alias.value !== name ? 1 : 0;
    const field = fieldOf(parentType, name);
    if (!field) return { cost: 0, depth: 1, aliases: aliased };
    const type = getNamedType(field.type);
    const weight =
      costModel.fieldWeights[`${parentType.name}.${name}`] ??
      (isLeafType(type) ? 0 : costModel.objectFieldWeight) +
        (parentType === rootType && operation.operation === 'mutation' ? costModel.mutationWeight : 0);
    if (!node.selectionSet) return { cost: weight, depth: 1, aliases: aliased };
    const children = measureSelections(node.selectionSet, type);
    const size = listSize(node, field, parentType, variables, costModel);
    return {
      cost: weight + size * children.cost,
      depth: 1 + children.depth,
      aliases: aliased + children.aliases,
    };
  };

  const root = measureSelections(operation.selectionSet, rootType);
  const rootFieldCalls = [...rootResponseKeys(operation.selectionSet, fragments).values()];
  return {
    operationType: operation.operation,
    rootFields: [...new Set(rootFieldCalls)],
    rootFieldCalls,
    depth: root.depth,
    aliases: root.aliases,
    cost: root.cost,
  };
}

function chooseOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/**
 * How many items a field's children are counted for: `first` or `last` when given (the subgraphs refuse
 * more than their maximum, so the estimate is an upper bound of what runs), the default page for a
 * connection without them, and an assumed size for other lists. The `edges`/`nodes` lists of a connection
 * count once: the connection field already multiplied by its page size.
 */
function listSize(
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  parentType: GraphQLNamedType,
  variables: Readonly<Record<string, unknown>>,
  model: CostModel,
): number {
  const pagingArgument = node.arguments?.find(
    (argument) => argument.name.value === 'first' || argument.name.value === 'last',
  );
  if (pagingArgument) {
    const value = valueFromASTUntyped(pagingArgument.value, variables);
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : model.defaultPageSize;
  }
  if (field.args.some((argument) => argument.name === 'first' || argument.name === 'last'))
    return model.defaultPageSize;
  if (!isListType(getNullableType(field.type))) return 1;
  return isConnectionPart(parentType) ? 1 : model.assumedListSize;
}

function isConnectionPart(type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection');
}

/** Each top-level response key and the field it runs, through fragments (each spread once). */
function rootResponseKeys(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  keys = new Map<string, string>(),
  seen = new Set<string>(),
): Map<string, string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename')
        keys.set(selection.alias?.value ?? selection.name.value, selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(selection.selectionSet, fragments, keys, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootResponseKeys(fragment.selectionSet, fragments, keys, seen);
    }
  }
  return keys;
}
