import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { revealBidiControls, UntrustedTextComponent } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import { formatBytes, formatWhen } from '../formats';
import type { EmailQuarantineQuery, QuarantineState } from '../operations.generated';
import {
  type MessageAction,
  messageActionName,
  messageLabel,
  QUARANTINE_STATES,
  reasonText,
  senderText,
  subjectText,
} from './email-quarantine-text';

type Email = EmailQuarantineQuery['quarantinedEmails']['edges'][number]['node'];

/** A kept message as its row shows it: its words from outside as they came, the rest in plain words. */
export type KeptEmail = ReturnType<typeof keptEmail>;

function keptEmail(email: Email) {
  const subject = subjectText(email.subject);
  const sender = senderText(email.fromAddress);
  const label = messageLabel(revealBidiControls(subject), revealBidiControls(sender));
  const waiting = !email.releasedCaseNumber && !email.discardedAt && !email.releasedAt;
  return {
    email,
    subject,
    sender,
    why: reasonText(email.reason),
    received: formatWhen(email.receivedAt),
    size: formatBytes(email.sizeBytes),
    discarded: email.discardedAt ? formatWhen(email.discardedAt) : null,
    /** Names the message for its buttons and notices. */
    label,
    /** While it waits: making a case of it, or discarding it. */
    actions: waiting ? messageRowActions(label) : [],
  };
}

function messageRowActions(label: string): RowAction<MessageAction>[] {
  return [
    { id: 'release', label: 'Make a case', name: messageActionName('release', label) },
    { id: 'discard', label: 'Discard', name: messageActionName('discard', label) },
  ];
}

/**
 * One state's kept email as a table: when each came, from whom, its subject, why it was kept, its size,
 * and what became of it (its case, when it was discarded) or, while it waits, the buttons that settle it.
 */
@Component({
  selector: 'hr-kept-email-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RowActionsComponent, UntrustedTextComponent],
  template: `
    <table>
      <caption class="visually-hidden">
        Kept email,
        {{
          stateName()
        }}, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">From</th>
          <th scope="col">Subject</th>
          <th scope="col">Why</th>
          <th scope="col">Size</th>
          @switch (state()) {
            @case ('RELEASED') {
              <th scope="col">Case</th>
            }
            @case ('DISCARDED') {
              <th scope="col">Discarded</th>
            }
            @default {
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            }
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.email.id) {
          <tr data-testid="kept-email">
            <td>{{ row.received }}</td>
            <td><hr-untrusted-text [text]="row.sender" /></td>
            <td><hr-untrusted-text [text]="row.subject" /></td>
            <td>
              <div>{{ row.why }}</div>
              <div class="hint"><hr-untrusted-text [text]="row.email.detail" /></div>
            </td>
            <td>{{ row.size }}</td>
            <td>
              @if (row.email.releasedCaseNumber; as number) {
                <a [routerLink]="['/cases', number]">{{ number }}</a>
              } @else if (row.discarded) {
                {{ row.discarded }}
              } @else if (row.actions.length) {
                <hr-row-actions
                  [label]="'Actions for ' + row.label"
                  [actions]="row.actions"
                  [busy]="busy()"
                  (chosen)="choose(row, $event)"
                />
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class KeptEmailTableComponent {
  readonly emails = input.required<readonly Email[]>();
  /** The state listed, which names the table and its last column. */
  readonly state = input.required<QuarantineState>();
  /** True while a change runs; the buttons wait for it. */
  readonly busy = input(false);
  readonly release = output<KeptEmail>();
  readonly discard = output<KeptEmail>();

  protected readonly rows = computed(() => this.emails().map(keptEmail));
  protected readonly stateName = computed(
    () => QUARANTINE_STATES.find((option) => option.state === this.state())?.name.toLowerCase() ?? '',
  );

  protected choose(row: KeptEmail, action: MessageAction): void {
    if (action === 'release') this.release.emit(row);
    else this.discard.emit(row);
  }
}
