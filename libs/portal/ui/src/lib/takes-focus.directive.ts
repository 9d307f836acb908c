import { afterNextRender, Directive, ElementRef, inject } from '@angular/core';

/**
 * Moves the focus to its element once the element has rendered, so keyboard and screen-reader users land
 * in a panel or editor that opens rather than stay on the button that opened it. The element must be
 * focusable: a control, or given tabindex="-1".
 */
@Directive({ selector: '[hrTakesFocus]' })
export class TakesFocusDirective {
  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => element.focus());
  }
}
