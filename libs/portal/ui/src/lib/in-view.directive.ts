import { DestroyRef, Directive, ElementRef, inject, output } from '@angular/core';

/**
 * Tells the page when its element scrolls into view: a "Show more" button at the end of a list that
 * loads the next page as the reader reaches it (the button stays for keyboard users).
 */
@Directive({ selector: '[hrInView]' })
export class InViewDirective {
  readonly hrInView = output<void>();

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.hrInView.emit();
    });
    observer.observe(element);
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
