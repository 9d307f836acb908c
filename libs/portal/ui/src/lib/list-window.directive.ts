import {
  afterNextRender,
  afterRenderEffect,
  computed,
  DestroyRef,
  Directive,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { type ListWindow, listWindow, scrollToShow } from './list-window';

/**
 * Renders a long list of equal-height rows as if all were there while the DOM holds a few dozen: put it
 * on the element that holds the rows (a table's `tbody`), read `window()` for the rows to render and stand
 * in for the others with spacers of `start * rowHeight` and `(rowCount - end) * rowHeight`. The page itself
 * scrolls (no inner scroll box), so the directive follows the window's scroll and size, at most once a
 * frame, and the list's top after every render (a banner above it moves it).
 */
@Directive({ selector: '[hrListWindow]', exportAs: 'hrListWindow' })
export class ListWindowDirective {
  /** How many rows the list has in all. */
  readonly rowCount = input.required<number>();
  /** Every row's height in pixels; the rows must keep to it (one line each). */
  readonly rowHeight = input.required<number>();
  /** Rows rendered beyond each edge of the screen, so fast scrolling shows no blanks. */
  readonly overscan = input(10);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly viewport = signal({ scrollTop: 0, height: 900, listTop: 0 });

  /** The rows to render: from `start` to one before `end`. */
  readonly window = computed<ListWindow>(() =>
    listWindow({
      scrollTop: this.viewport().scrollTop,
      viewportHeight: this.viewport().height,
      listTop: this.viewport().listTop,
      rowHeight: this.rowHeight(),
      total: this.rowCount(),
      overscan: this.overscan(),
    }),
  );

  constructor() {
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        this.measure();
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      cancelAnimationFrame(frame);
    });
    afterRenderEffect({ read: () => this.measureIfMoved() });
  }

  /**
   * Scrolls row `index` on screen if it is not, then calls `then` once the row is rendered (to focus it,
   * say): a row far down the list only exists after the scroll.
   */
  reveal(index: number, then: (row: number) => void = () => undefined): void {
    const target = scrollToShow(index, {
      scrollTop: window.scrollY,
      viewportHeight: window.innerHeight,
      listTop: this.viewport().listTop,
      rowHeight: this.rowHeight(),
    });
    if (target !== null) {
      window.scrollTo({ top: target });
      this.measure();
    }
    afterNextRender(() => then(index), { injector: this.injector });
  }

  private listTop(): number {
    return this.host.nativeElement.getBoundingClientRect().top + window.scrollY;
  }

  private measureIfMoved(): void {
    const current = this.viewport();
    if (this.listTop() !== current.listTop || window.innerHeight !== current.height) this.measure();
  }

  private measure(): void {
    this.viewport.set({ scrollTop: window.scrollY, height: window.innerHeight, listTop: this.listTop() });
  }
}
