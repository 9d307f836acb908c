import {
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  runInInjectionContext,
  signal,
  type Signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Apollo, type QueryRef } from 'apollo-angular';
import { errorMessage } from './error-message';

/** A query's latest complete answer and its error in plain words, as signals for a template. */
export interface WatchedQuery<Result, Variables extends Record<string, unknown>> {
  data: Signal<Result | null>;
  error: Signal<string | null>;
  /** True until the first answer (or error) arrives. */
  loading: Signal<boolean>;
  /** To refetch with other variables. */
  ref: QueryRef<Result, Variables>;
}

/**
 * Watches a query for as long as the calling component lives (call it in an injection context): the
 * cache's answer first, then the network's, and again after any mutation that refetches it by name.
 * `pollMs` keeps a page current where the gateway cannot push changes (ADR 0014).
 */
export function watchQuery<Result, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Result, Variables>,
  variables?: Variables,
  { pollMs }: { pollMs?: number } = {},
): WatchedQuery<Result, Variables> {
  const data = signal<Result | null>(null);
  const error = signal<string | null>(null);
  const loading = signal(true);
  // Apollo's option type decides whether variables are required from the concrete Variables, which a
  // generic function cannot show it; the typed document keeps callers' variables checked.
  const options = {
    query: document,
    ...(variables ? { variables } : {}),
    ...(pollMs ? { pollInterval: pollMs } : {}),
    notifyOnNetworkStatusChange: false,
  } as Apollo.WatchQueryOptions<Result, Variables>;
  const ref = inject(Apollo).watchQuery<Result, Variables>(options);
  ref.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe({
    next: (result) => {
      if (result.dataState === 'complete') data.set(result.data as Result);
      error.set(result.error ? errorMessage(result.error, 'en') : null);
      loading.set(result.loading);
    },
    error: (failure: unknown) => {
      error.set(errorMessage(failure, 'en'));
      loading.set(false);
    },
  });
  return { data, error, loading, ref };
}

/** A query that waits for its variables: its answer and error as signals, loading until the first answer. */
export interface WatchedQueryWhen<Result> {
  data: Signal<Result | null>;
  error: Signal<string | null>;
  loading: Signal<boolean>;
}

/**
 * Watches a query once `variables()` gives its variables, and asks again whenever they change: a page
 * whose subject comes from the route (the router reuses the page from one case to the next) or from a
 * choice on the page. Null variables mean "not yet" (nothing is sent). Call it in an injection context.
 */
export function watchQueryWhen<Result, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Result, Variables>,
  variables: () => Variables | null,
  options: { pollMs?: number } = {},
): WatchedQueryWhen<Result> {
  const injector = inject(Injector);
  const watched = signal<WatchedQuery<Result, Variables> | null>(null);
  let asked: string | null = null;
  effect(() => {
    const next = variables();
    const key = next ? JSON.stringify(next) : null;
    if (!next || key === asked) return;
    asked = key;
    untracked(() => {
      const query = watched();
      if (query) void query.ref.refetch(next);
      else watched.set(runInInjectionContext(injector, () => watchQuery(document, next, options)));
    });
  });
  return {
    data: computed(() => watched()?.data() ?? null),
    error: computed(() => watched()?.error() ?? null),
    loading: computed(() => watched()?.loading() ?? true),
  };
}
