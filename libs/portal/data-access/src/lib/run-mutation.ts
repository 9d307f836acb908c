import { type WritableSignal } from '@angular/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, errorReason } from './error-message';

/** What a screen shows while a change runs and when it is refused. */
export interface ActionState {
  busy: WritableSignal<boolean>;
  error: WritableSignal<string | null>;
}

/**
 * Runs one change and brings the named queries up to date before it returns, so a screen never shows a
 * change half-done; a refusal becomes the plain words of its code, or the screen's own words for its
 * `extensions.reason` (`reasons`, such as ALREADY_SETTLED → "Someone else already settled this message").
 * Resolves to the result, or null when refused.
 */
export async function runMutation<Result, Variables extends Record<string, unknown>>(
  apollo: Apollo,
  mutation: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  state: ActionState,
  refetchQueries: string[],
  reasons: Readonly<Record<string, string>> = {},
): Promise<Result | null> {
  state.busy.set(true);
  try {
    const result = await firstValueFrom(
      apollo.mutate<Result, Variables>({ mutation, variables, refetchQueries, awaitRefetchQueries: true }),
    );
    state.error.set(null);
    return result.data ?? null;
  } catch (error) {
    const reason = errorReason(error);
    state.error.set((reason && reasons[reason]) || errorMessage(error, 'en'));
    return null;
  } finally {
    state.busy.set(false);
  }
}
