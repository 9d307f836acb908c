import { type Type } from '@nestjs/common';
import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { InvalidInputException } from '@homeroom/shared/errors';
import { encodeCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Every subgraph defines the same PageInfo; @shareable lets federation accept it from each. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items per page, 1–${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} by default.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for a node type: `edges { cursor node }`, `pageInfo`, `totalCount`. */
export function ConnectionType<Node>(nodeType: Type<Node>, name = nodeType.name): Type<Connection<Node>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: Node;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionObject {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }

  return ConnectionObject as Type<Connection<Node>>;
}

/** The page size a request asks for, refused (not silently clamped) outside 1–MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInputException(`first must be between 1 and ${MAX_PAGE_SIZE}`, [
      { path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` },
    ]);
  }
  return first;
}

/**
 * Builds a connection from one page fetched with a keyset query that asked for `size + 1` rows: the extra
 * row only tells whether there is a next page.
 */
export function toConnection<Row, Node>(
  rows: readonly Row[],
  size: number,
  totalCount: number,
  keyset: (row: Row) => readonly (string | number)[],
  toNode: (row: Row) => Node,
): Connection<Node> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: encodeCursor(keyset(row)), node: toNode(row) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/**
 * A connection whose parts are getters: Nest's field resolver reads `connection.edges`, so a part's
 * statement starts only when a query selects it (a getter, not a method: Nest reads properties, it does not
 * call them).
 */
export interface LazyConnection<Node> {
  readonly edges: Promise<Edge<Node>[]>;
  readonly pageInfo: Promise<PageInfo>;
  readonly totalCount: Promise<number>;
}

/**
 * toConnection, with its two statements sent only when the query selects what needs them: `edges` and
 * `pageInfo` share one fetch of the page's rows (`size + 1`), `totalCount` has its own count. A list that is
 * only counted (the inbox's seven view counts) sends no page query, and a next page sends no count.
 */
export function lazyConnection<Row, Node>(
  fetchRows: () => Promise<readonly Row[]>,
  size: number,
  count: () => Promise<number>,
  keyset: (row: Row) => readonly (string | number)[],
  toNode: (row: Row) => Node,
): LazyConnection<Node> {
  // Each statement once, however many of the fields (or aliases of them) ask.
  let connection: Promise<Connection<Node>> | undefined;
  let total: Promise<number> | undefined;
  const page = () => (connection ??= fetchRows().then((rows) => toConnection(rows, size, 0, keyset, toNode)));
  return {
    get edges() {
      return page().then(({ edges }) => edges);
    },
    get pageInfo() {
      return page().then(({ pageInfo }) => pageInfo);
    },
    get totalCount() {
      return (total ??= count());
    },
  };
}
