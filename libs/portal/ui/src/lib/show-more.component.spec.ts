/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '../testing/axe';
import { ShowMoreComponent } from './show-more.component';

describe('hr-show-more', () => {
  let fixture: ComponentFixture<ShowMoreComponent>;
  let asked: number;
  const button = () => (fixture.nativeElement as HTMLElement).querySelector('button')!;

  beforeEach(() => {
    fixture = TestBed.createComponent(ShowMoreComponent);
    asked = 0;
    fixture.componentInstance.more.subscribe(() => (asked += 1));
  });

  afterEach(() => fixture.destroy());

  it('says "Show more" unless told otherwise, and asks for the next page when clicked', async () => {
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('button')).toHaveLength(1);
    expect(button().textContent!.trim()).toBe('Show more');
    expect(button().type).toBe('button');
    expect(button().disabled).toBe(false);
    button().click();
    expect(asked).toBe(1);
    expect(await axeViolations(fixture.nativeElement as HTMLElement)).toEqual([]);
  });

  it('says what it shows more of', () => {
    fixture.componentRef.setInput('label', 'Show more schools');
    fixture.detectChanges();
    expect(button().textContent!.trim()).toBe('Show more schools');
  });

  it('says it is loading and waits, so a second click does not ask for the same page again', async () => {
    fixture.componentRef.setInput('label', 'Show more schools');
    fixture.componentRef.setInput('loading', true);
    fixture.detectChanges();
    expect(button().textContent!.trim()).toBe('Loading…');
    expect(button().disabled).toBe(true);
    button().click();
    expect(asked).toBe(0);
    expect(await axeViolations(fixture.nativeElement as HTMLElement)).toEqual([]);

    fixture.componentRef.setInput('loading', false);
    fixture.detectChanges();
    expect(button().textContent!.trim()).toBe('Show more schools');
    button().click();
    expect(asked).toBe(1);
  });
});
