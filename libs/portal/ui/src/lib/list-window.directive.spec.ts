/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ListWindowDirective } from './list-window.directive';

/** A list of 1,000 rows 40 px tall, rendering only its window, as the inbox does. */
@Component({
  imports: [ListWindowDirective],
  template: `
    <table>
      <tbody hrListWindow #list="hrListWindow" [rowCount]="count()" [rowHeight]="40" [overscan]="5">
        @for (index of rendered(list.window()); track index) {
          <tr>
            <td>
              <a href="#" [attr.data-index]="index">Row {{ index }}</a>
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
class LongListComponent {
  readonly count = signal(1000);
  rendered({ start, end }: { start: number; end: number }): number[] {
    return Array.from({ length: end - start }, (_, offset) => start + offset);
  }
}

describe('hrListWindow', () => {
  let fixture: ComponentFixture<LongListComponent>;
  const indexes = () =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('a')].map((a) => Number(a.dataset['index']));
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  /**
   * Scrolls the page as a browser would for this spec: jsdom lays nothing out, so the list (at the top of
   * the page) moves up the screen by as much as the page is scrolled.
   */
  function scrollTo(top: number): void {
    Object.defineProperty(window, 'scrollY', { value: top, configurable: true });
  }
  const layout = jest
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockImplementation(() => ({ top: -window.scrollY }) as DOMRect);
  afterAll(() => layout.mockRestore());

  beforeEach(() => {
    scrollTo(0);
    Object.defineProperty(window, 'innerHeight', { value: 400, configurable: true });
    window.scrollTo = ((options: ScrollToOptions) => scrollTo(options.top ?? 0)) as typeof window.scrollTo;
    fixture = TestBed.createComponent(LongListComponent);
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
  });

  afterEach(() => fixture.nativeElement.remove());

  it('renders the rows on screen and a margin below, not the whole list', async () => {
    window.dispatchEvent(new Event('resize'));
    await frame();
    fixture.detectChanges();
    // 400 px of 40 px rows is 10 rows, and 5 more beyond the edge.
    expect(indexes()).toEqual([...Array(15).keys()]);
  });

  it('follows the page as it scrolls', async () => {
    scrollTo(4000);
    window.dispatchEvent(new Event('scroll'));
    await frame();
    fixture.detectChanges();
    // Row 100 is at the top of the screen: 95 to 114 are rendered.
    expect(indexes()[0]).toBe(95);
    expect(indexes().at(-1)).toBe(114);
  });

  it('scrolls a row far down on screen, then hands it over once rendered', async () => {
    const list = fixture.debugElement.children[0]!.query((node) => node.name === 'tbody')!.injector.get(
      ListWindowDirective,
    );
    let handed: number | undefined;
    list.reveal(500, (row) => (handed = row));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(window.scrollY).toBeGreaterThan(19_000);
    expect(indexes()).toContain(500);
    expect(handed).toBe(500);
  });

  it('renders nothing for an empty list', () => {
    fixture.componentInstance.count.set(0);
    fixture.detectChanges();
    expect(indexes()).toEqual([]);
  });
});
