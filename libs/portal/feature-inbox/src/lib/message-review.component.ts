import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { languageName } from '@homeroom/shared/contact';
import type { MessageReviewMarkerFragment, VitalCategory } from './operations.generated';

/** A vital category in the words of the case page. */
export const VITAL_CATEGORY_NAMES: Readonly<Record<VitalCategory, string>> = {
  DISCIPLINE: 'discipline',
  SPECIAL_EDUCATION: 'special education',
  ENROLLMENT: 'enrollment',
  OTHER: 'vital',
};

/**
 * On a staff reply of the case page: where its review by a qualified translator stands (ADR 32). Held, it
 * says the family has not received it; returned, why it went back; approved, that it was reviewed.
 */
@Component({
  selector: 'hr-message-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  styles: `
    .marker {
      display: inline-block;
      margin: 0.25rem 0;
      padding: 0.1rem 0.5rem;
      border: 1px solid currentColor;
      border-radius: 0.25rem;
      font-weight: 600;
    }
  `,
  template: `
    @if (review(); as review) {
      <p data-testid="message-review">
        @switch (review.status) {
          @case ('PENDING') {
            <span class="marker">Awaiting review</span>
            Not sent: a {{ category() }} message in {{ language() }} goes once a qualified translator approves
            it.
          }
          @case ('RETURNED') {
            <span class="marker">Returned by the translator</span>
            Not sent. Why: {{ review.reason }}
          }
          @default {
            <span class="marker">Reviewed</span>
            Approved by a qualified translator {{ review.reviewedAt | date: 'short' }} and sent.
          }
        }
      </p>
    }
  `,
})
export class MessageReviewComponent {
  readonly review = input<MessageReviewMarkerFragment | null | undefined>(null);
  protected readonly category = computed(() => VITAL_CATEGORY_NAMES[this.review()?.category ?? 'OTHER']);
  protected readonly language = computed(() => languageName(this.review()?.language ?? ''));
}
