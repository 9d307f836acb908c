import { inject, signal, type Signal, type WritableSignal } from '@angular/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { errorMessage, errorReason } from './error-message';

/** What a screen says about one change: the screen's words for refusals and for success. */
export interface ActionOptions<Result> {
  /**
   * The screen's own words for an `extensions.reason` the API gives (such as ALREADY_SETTLED → "Someone
   * else already settled this message"); any other refusal becomes the plain words of its code.
   */
  reasons?: Readonly<Record<string, string>>;
  /** What `done` says once the change is made, from its result. */
  done?: string | ((result: Result) => string);
  /** Queries to bring up to date, instead of the screen's (a change that touches another screen's data). */
  refetch?: readonly string[];
}

/** How a screen's changes behave: which queries each brings up to date, and whose `busy` it shares. */
export interface ScreenActionsOptions {
  /** Queries (by operation name) every change brings up to date before it reports done. */
  refetch: readonly string[];
  /**
   * A `busy` signal to share, such as a parent's through a model input, so that one change at a time
   * runs across the screen's parts; by default the screen has its own.
   */
  busy?: WritableSignal<boolean>;
}

/**
 * The one way a portal screen makes a change through the API: `busy` while it runs (buttons wait on
 * it), `error` in plain words when refused, `done` when made, and the screen's queries refetched before
 * `run` returns, so a screen never shows a change half-done. Create it in an injection context with
 * {@link injectActions}.
 */
export class ScreenActions {
  readonly busy: WritableSignal<boolean>;
  private readonly errorSignal = signal<string | null>(null);
  private readonly doneSignal = signal<string | null>(null);
  /** Why the last change was refused, in words for the screen; null after one is made. */
  readonly error: Signal<string | null> = this.errorSignal.asReadonly();
  /** What the last change did, when the screen said what to say; null while another runs or after a refusal. */
  readonly done: Signal<string | null> = this.doneSignal.asReadonly();

  constructor(
    private readonly apollo: Apollo,
    private readonly options: ScreenActionsOptions,
  ) {
    this.busy = options.busy ?? signal(false);
  }

  /** Runs one change; resolves to its result, or null when it was refused. */
  async run<Result, Variables extends Record<string, unknown>>(
    mutation: TypedDocumentNode<Result, Variables>,
    variables: Variables,
    { reasons = {}, done, refetch = this.options.refetch }: ActionOptions<Result> = {},
  ): Promise<Result | null> {
    this.busy.set(true);
    this.doneSignal.set(null);
    try {
      const answer = await firstValueFrom(
        this.apollo.mutate<Result, Variables>({
          mutation,
          variables,
          refetchQueries: [...refetch],
          awaitRefetchQueries: true,
        }),
      );
      const result = answer.data ?? null;
      this.errorSignal.set(null);
      if (result !== null && done !== undefined) {
        this.doneSignal.set(typeof done === 'string' ? done : done(result));
      }
      return result;
    } catch (failure) {
      const reason = errorReason(failure);
      this.errorSignal.set((reason && reasons[reason]) || errorMessage(failure, 'en'));
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  /** Forgets the last refusal and success, as when the person starts over or cancels a question. */
  clear(): void {
    this.errorSignal.set(null);
    this.doneSignal.set(null);
  }

  /** Shows a problem the screen found before asking the API (a form that cannot be sent as it is). */
  refuse(message: string): void {
    this.doneSignal.set(null);
    this.errorSignal.set(message);
  }
}

/** A screen's {@link ScreenActions}; call it in an injection context (a field initialiser). */
export function injectActions(options: ScreenActionsOptions): ScreenActions {
  return new ScreenActions(inject(Apollo), options);
}
