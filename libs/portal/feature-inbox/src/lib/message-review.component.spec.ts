/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '@homeroom/portal/ui/testing';
import { MessageReviewComponent } from './message-review.component';
import type { MessageReviewMarkerFragment } from './operations.generated';

const held: MessageReviewMarkerFragment = {
  status: 'PENDING',
  category: 'SPECIAL_EDUCATION',
  language: 'vi',
  authorId: 'agent-1',
  reviewedBy: null,
  reviewedAt: null,
  reason: null,
};

describe('the review marker on a staff reply', () => {
  let fixture: ComponentFixture<MessageReviewComponent>;
  const text = () => (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, ' ').trim();

  function show(review: MessageReviewMarkerFragment | null): void {
    fixture.componentRef.setInput('review', review);
    fixture.detectChanges();
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(MessageReviewComponent);
    fixture.detectChanges();
  });

  it('says a held reply has not been sent, and what it waits for', async () => {
    show(held);
    expect(text()).toBe(
      'Awaiting review Not sent: a special education message in Vietnamese (vi) goes once a qualified translator approves it.',
    );
    expect(await axeViolations(fixture.nativeElement)).toEqual([]);
  });

  it('gives the reason a returned reply went back', () => {
    show({
      ...held,
      status: 'RETURNED',
      reviewedBy: 'translator-1',
      reason: 'Say suspendida, not expulsada.',
    });
    expect(text()).toBe('Returned by the translator Not sent. Why: Say suspendida, not expulsada.');
  });

  it('marks an approved reply as reviewed, and says nothing on a reply never held', () => {
    show({ ...held, status: 'APPROVED', reviewedBy: 'translator-1', reviewedAt: '2026-12-07T15:04:05.000Z' });
    expect(text()).toMatch(/^Reviewed Approved by a qualified translator .+ and sent\.$/);
    show(null);
    expect(text()).toBe('');
  });
});
