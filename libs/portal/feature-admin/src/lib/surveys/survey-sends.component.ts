import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions } from '@homeroom/portal/data-access';
import { CheckboxGroupComponent, FormFeedbackComponent } from '@homeroom/portal/ui';
import { MultiSelectComponent } from '../controls/multi-select.component';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import {
  AdminSurveysCancelSendDocument,
  type AdminSurveysDetailQuery,
  AdminSurveysSendDocument,
  type SurveyAudience,
  type SurveyRecipientKind,
  type SurveyRecipientRole,
  type SurveyStatus,
} from '../operations.generated';
import { formatWhen } from '../formats';
import {
  describeAudience,
  describeSendResult,
  RECIPIENT_ROLES,
  recipientKinds,
  sendRequest,
  sendState,
} from './survey-send';

export type ScheduledSends = NonNullable<AdminSurveysDetailQuery['survey']>['scheduledSends'];

/**
 * Sending a district survey to people from the directory, now or at a set time: who (of the families,
 * students, staff by role and community members it is written for), at which schools, in which preferred
 * languages. Each person gets a
 * personal one-time link, once. The planned sends are listed with where they stand, and those not yet
 * made can be cancelled.
 */
@Component({
  selector: 'hr-survey-sends',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    CheckboxGroupComponent,
    FormFeedbackComponent,
    MultiSelectComponent,
    RowActionsComponent,
  ],
  template: `
    @if (status() !== 'OPEN') {
      <p class="hint">
        {{
          status() === 'DRAFT'
            ? 'Open the survey before sending it now; a send planned for later needs it open by then.'
            : 'The survey is closed: reopen it to send it.'
        }}
      </p>
    }
    @if (sends().length) {
      <table>
        <caption class="visually-hidden">
          Planned and past sends of
          {{
            surveyName()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">To</th>
            <th scope="col">State</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (send of sendRows(); track send.id) {
            <tr>
              <td>{{ send.when }}</td>
              <td>{{ send.to }}</td>
              <td>{{ send.state }}</td>
              <td>
                @if (send.actions.length) {
                  <hr-row-actions
                    [label]="'Actions for the send planned for ' + send.when"
                    [actions]="send.actions"
                    [busy]="actions.busy()"
                    (chosen)="cancel(send.id)"
                  />
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p>No sends planned or made from this page yet.</p>
    }

    <form class="admin-form" (ngSubmit)="send()">
      <fieldset>
        <legend>People (none ticked: everyone the survey was written for)</legend>
        <hr-checkbox-group idPrefix="send-kind-" [options]="kindOptions()" [(selected)]="kinds" />
        <p class="hint">Only the kinds of people the survey was written for are offered.</p>
      </fieldset>
      @if (forStaff()) {
        <fieldset>
          <legend>Staff roles (none ticked: every role)</legend>
          <hr-checkbox-group idPrefix="send-role-" [options]="roleOptions" [(selected)]="roles" />
        </fieldset>
      }
      <hr-multi-select
        idPrefix="send-schools-"
        label="At these schools (none chosen: every school)"
        [options]="schoolOptions()"
        [(selected)]="schoolIds"
      />
      <label for="send-languages">Preferring these languages (comma-separated tags; empty: any)</label>
      <input id="send-languages" name="languages" placeholder="es, vi" [(ngModel)]="languages" />
      <fieldset>
        <legend>When</legend>
        <label class="check" for="send-now">
          <input id="send-now" type="radio" name="when" [value]="false" [(ngModel)]="later" />
          Now
        </label>
        <label class="check" for="send-later">
          <input id="send-later" type="radio" name="when" [value]="true" [(ngModel)]="later" />
          Later
        </label>
        @if (later()) {
          <label for="send-at">Send at (your own time)</label>
          <input id="send-at" name="at" type="datetime-local" [(ngModel)]="at" />
        }
      </fieldset>
      <button type="submit" [disabled]="actions.busy()">{{ later() ? 'Plan the send' : 'Send now' }}</button>
      <hr-form-feedback [error]="actions.error()" [done]="actions.done()" />
    </form>
  `,
})
export class SurveySendsComponent {
  readonly surveyId = input.required<string>();
  readonly surveyName = input.required<string>();
  readonly status = input.required<SurveyStatus>();
  /** Who the survey is written for: the send form offers only these. */
  readonly audiences = input.required<readonly SurveyAudience[]>();
  readonly sends = input.required<ScheduledSends>();
  readonly schools = input<readonly { id: string; name: string }[]>([]);

  protected readonly kindOptions = computed(() =>
    recipientKinds(this.audiences()).map(({ kind, name }) => ({ value: kind, name })),
  );
  protected readonly forStaff = computed(() => this.kindOptions().some(({ value }) => value === 'STAFF'));
  protected readonly roleOptions = RECIPIENT_ROLES.map(({ role, name }) => ({ value: role, name }));
  protected readonly schoolOptions = computed(() =>
    this.schools().map((school) => ({ value: school.id, name: school.name })),
  );
  /** Sending and cancelling: a problem with the form, the API's refusal, or what was done, in words. */
  protected readonly actions = injectActions({ refetch: ['AdminSurveysDetail'] });
  /** The boxes ticked, less any kind the survey stops being written for (its draft edited meanwhile). */
  protected readonly kinds = linkedSignal<readonly { value: SurveyRecipientKind }[], SurveyRecipientKind[]>({
    source: this.kindOptions,
    computation: (options, previous) =>
      (previous?.value ?? []).filter((kind) => options.some(({ value }) => value === kind)),
  });
  protected readonly roles = linkedSignal<boolean, SurveyRecipientRole[]>({
    source: this.forStaff,
    computation: (forStaff, previous) => (forStaff ? (previous?.value ?? []) : []),
  });
  protected readonly schoolIds = signal<string[]>([]);
  protected readonly languages = signal('');
  protected readonly later = signal(false);
  protected readonly at = signal('');

  protected readonly sendRows = computed(() => {
    const names = new Map(this.schools().map((school) => [school.id, school.name]));
    return this.sends().map((send) => {
      const when = formatWhen(send.sendAt);
      return {
        ...send,
        when,
        to: describeAudience(send, names),
        state: sendState(send),
        actions: sendActions(when, !send.sentAt && !send.failure),
      };
    });
  });

  protected async send(): Promise<void> {
    const request = sendRequest(
      {
        kinds: this.kinds(),
        roles: this.roles(),
        schoolIds: this.schoolIds(),
        languages: this.languages(),
        later: this.later(),
        at: this.at(),
      },
      new Date(),
      this.status(),
      this.audiences(),
    );
    if ('problem' in request) {
      this.actions.refuse(request.problem);
      return;
    }
    await this.actions.run(
      AdminSurveysSendDocument,
      { id: this.surveyId(), audience: request.audience, at: request.at },
      { done: ({ sendSurvey }) => describeSendResult(sendSurvey) },
    );
  }

  protected async cancel(id: string): Promise<void> {
    await this.actions.run(
      AdminSurveysCancelSendDocument,
      { id },
      {
        done: ({ cancelScheduledSurveySend }) =>
          cancelScheduledSurveySend
            ? 'The send is cancelled.'
            : 'Too late to cancel: the send has gone or is going.',
      },
    );
  }
}

/** A planned send's one button, while it can still be cancelled. */
function sendActions(when: string, cancellable: boolean): RowAction<'cancel'>[] {
  return cancellable ? [{ id: 'cancel', label: 'Cancel', name: `Cancel the send planned for ${when}` }] : [];
}
