import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { UntrustedTextComponent } from '@homeroom/portal/ui';
import type { CasePageQuery, RequesterCardFragment } from './operations.generated';

type PageCase = NonNullable<CasePageQuery['case']>;

/**
 * Who asked: the directory's record when the case is matched to one (contact, household, their other
 * cases), otherwise the contact the case arrived with, and whose address it is when that is not yet
 * confirmed (ADR 19): a name, never the record.
 */
@Component({
  selector: 'hr-requester-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, UntrustedTextComponent],
  template: `
    <section class="panel" aria-labelledby="requester-heading">
      <h2 id="requester-heading">Requester</h2>
      @if (requester(); as person) {
        <p>
          <a [routerLink]="['/people', person.id]" data-testid="requester-name">{{ person.displayName }}</a>
          <span class="tag">{{ person.kind }}</span>
        </p>
        <p>{{ email() }} {{ phone() }}</p>
        <p class="hint">Prefers {{ person.preferredLanguage }}</p>
        @if (person.household; as household) {
          <h3>{{ household.name }}</h3>
          <ul class="plain">
            @for (member of household.members; track member.id) {
              @if (member.id !== person.id) {
                <li>
                  <a [routerLink]="['/people', member.id]">{{ member.displayName }}</a> · {{ member.kind }}
                </li>
              }
            }
          </ul>
        }
        <h3>Other cases ({{ otherCases().total }})</h3>
        @if (otherCases().items.length === 0) {
          <p class="hint">None.</p>
        } @else {
          <ul class="plain">
            @for (other of otherCases().items; track other.id) {
              <li>
                <a [routerLink]="['/cases', other.number]">{{ other.number }}</a>
                <hr-untrusted-text [text]="other.subject" /> · {{ other.status }} ·
                {{ other.createdAt | date: 'mediumDate' }}
              </li>
            }
          </ul>
        }
      } @else if (supportCase().anonymous) {
        <p>Anonymous: the requester chose not to be named.</p>
      } @else {
        <p>
          <hr-untrusted-text [text]="supportCase().contact.name ?? 'Not named'" />
          {{ supportCase().contact.email ?? '' }}
          {{ supportCase().contact.phone ?? '' }}
        </p>
        @if (supportCase().requesterCandidate; as candidate) {
          <p class="tone-amber" data-testid="requester-candidate">
            The address matches <strong>{{ candidate.displayName }}</strong> in the directory, but it was
            typed, not confirmed: a link to confirm was mailed to that address. Until then, share nothing of
            their records in your replies.
          </p>
        } @else {
          <p class="hint">Not matched to anyone in the directory.</p>
        }
      }
    </section>
  `,
})
export class RequesterCardComponent {
  readonly supportCase = input.required<PageCase>();
  protected readonly requester = computed<RequesterCardFragment | null>(() => this.supportCase().requester);
  protected readonly email = computed(() => primary(this.requester()?.emails ?? [])?.address ?? '');
  protected readonly phone = computed(() => primary(this.requester()?.phones ?? [])?.number ?? '');
  protected readonly otherCases = computed(() => {
    const cases = this.requester()?.cases;
    const items = (cases?.edges ?? []).map((edge) => edge.node).filter((c) => c.id !== this.supportCase().id);
    return { items: items.slice(0, 5), total: Math.max(0, (cases?.totalCount ?? 0) - 1) };
  });
}

function primary<T extends { primary: boolean }>(items: readonly T[]): T | undefined {
  return items.find((item) => item.primary) ?? items[0];
}
