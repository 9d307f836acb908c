import { type WritableSignal } from '@angular/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from './error-message';

/** What a screen shows while a change runs and when it is refused. */
export interface ActionState {
  busy: WritableSignal<boolean>;
  error: WritableSignal<string | null>;
}

/**
 * Runs one change and brings the named queries up to date before it returns, so a screen never shows a
 * change half-done; a refusal becomes the plain words of its code. Resolves to the result, or null when
 * refused.
 */
export async function runMutation<Result, Variables extends Record<string, unknown>>(
  apollo: Apollo,
  mutation: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  state: ActionState,
  refetchQueries: string[],
): Promise<Result | null> {
  state.busy.set(true);
  try {
    const result = await firstValueFrom(
      apollo.mutate<Result, Variables>({ mutation, variables, refetchQueries, awaitRefetchQueries: true }),
    );
    state.error.set(null);
    return result.data ?? null;
  } catch (error) {
    state.error.set(errorMessage(error, 'en'));
    return null;
  } finally {
    state.busy.set(false);
  }
}
