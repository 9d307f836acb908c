import { computed, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import {
  concat,
  EMPTY,
  exhaustMap,
  firstValueFrom,
  from,
  interval,
  type Observable,
  of,
  switchMap,
} from 'rxjs';
import { errorMessage } from './error-message';
import { MyPresenceDocument, type PresenceStatus, SetMyPresenceDocument } from './operations.generated';
import { injectActions } from './screen-actions';
import { SessionService } from './session.service';

export type { PresenceStatus } from './operations.generated';

/**
 * How often the portal says again whether its person is there: the cases service lets AVAILABLE lapse to
 * AWAY 150 s after the last time (a closed tab, a sleeping laptop), so a minute leaves room for a late one.
 */
export const PRESENCE_HEARTBEAT_MS = 60_000;

/** The ticks on which the portal says it again; tests give their own, to beat when they say. */
export const PRESENCE_HEARTBEAT = new InjectionToken<Observable<unknown>>('PRESENCE_HEARTBEAT', {
  providedIn: 'root',
  factory: () => interval(PRESENCE_HEARTBEAT_MS),
});

/** Staff who act on cases answer chats (the API's CASE_WRITE roles); viewers only read. */
export const STAFF_WHO_ANSWER_CHATS: readonly string[] = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT'];

/** What the staff bar shows of it: null when it offers no choice (a viewer, or not known yet). */
export interface PresenceView {
  status: PresenceStatus;
  busy: boolean;
  error: string | null;
}

/**
 * Whether the signed-in member of staff is there to answer chats: read once signed in, changed by their
 * choice, and said again every minute for as long as the portal is open and they are signed in, whichever
 * page they are on (one per tab, for the whole session). Only for staff who act on cases.
 */
@Injectable({ providedIn: 'root' })
export class StaffPresenceService {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(SessionService);
  /** Their choices: the toggle waits for each. */
  private readonly choosing = injectActions({ refetch: [] });
  /**
   * The heartbeat, apart: a beat never disables the toggle (a keyboard user on it would lose the focus
   * every minute), but one that fails says so until one succeeds.
   */
  private readonly beating = injectActions({ refetch: [] });
  private readonly chosen = signal<PresenceStatus | null>(null);
  /** Requests one after the other: a heartbeat sent while a choice is on its way must not overtake it. */
  private queue: Promise<unknown> = Promise.resolve();

  readonly offered = computed(
    () =>
      this.session.signedIn() && this.session.roles().some((role) => STAFF_WHO_ANSWER_CHATS.includes(role)),
  );
  /** The status they chose (or the API had for them on load); null while unknown or not offered. */
  readonly status = computed(() => (this.offered() ? this.chosen() : null));
  readonly view = computed<PresenceView | null>(() => {
    const status = this.status();
    const error = this.choosing.error() ?? this.beating.error();
    return status ? { status, busy: this.choosing.busy(), error } : null;
  });

  constructor() {
    const beats = inject(PRESENCE_HEARTBEAT);
    toObservable(this.offered)
      .pipe(
        switchMap((offered) => {
          if (offered) return concat(of(0), beats);
          // Signed out: nothing more is said, and the next person starts from what the API has.
          this.chosen.set(null);
          this.choosing.clear();
          this.beating.clear();
          return EMPTY;
        }),
        // A tick that finds the last one still waiting is skipped rather than piled up.
        exhaustMap(() => from(this.beat())),
        takeUntilDestroyed(),
      )
      .subscribe();
    // Signing out ends the availability at once, rather than when it lapses 150 s later: a family is
    // not told someone is there who has gone.
    this.session.beforeLeaving(() => this.awayOnLeaving());
  }

  /** Says they are available or away now; the heartbeat repeats it from then on. */
  choose(status: PresenceStatus): Promise<void> {
    return this.serially(async () => {
      const result = await this.choosing.run(SetMyPresenceDocument, { status });
      if (result) this.chosen.set(result.setMyPresence.status);
    });
  }

  /** Away as they sign out, if they were available; whatever else they chose stays as it is. */
  private awayOnLeaving(): Promise<void> {
    return this.serially(async () => {
      if (this.status() !== 'AVAILABLE') return;
      const { data } = await firstValueFrom(
        this.apollo.mutate({ mutation: SetMyPresenceDocument, variables: { status: 'AWAY' } }),
      );
      if (data) this.chosen.set(data.setMyPresence.status);
    });
  }

  /** The first beat reads what the API has (another tab's choice counts); later ones say it again. */
  private beat(): Promise<void> {
    return this.serially(async () => {
      if (!this.offered()) return;
      const status = this.chosen();
      if (status) {
        await this.beating.run(SetMyPresenceDocument, { status });
        return;
      }
      try {
        const { data } = await firstValueFrom(
          this.apollo.query({ query: MyPresenceDocument, fetchPolicy: 'network-only' }),
        );
        if (!data || !this.offered()) return;
        this.chosen.set(data.myPresence.status);
        this.beating.clear();
      } catch (failure) {
        // The next beat asks again; until then the bar offers no choice it could not show truly.
        this.beating.refuse(errorMessage(failure, 'en'));
      }
    });
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
