import { DestroyRef, inject } from '@angular/core';

/** A single key (no Ctrl, Alt or Meta) and what it does; `description` is what the help lists. */
export interface KeyboardShortcut {
  key: string;
  description: string;
  run: () => void;
}

/**
 * Listens for the page's single-key shortcuts while the calling component lives. Keys typed into a field
 * stay text: a shortcut fires only when focus is not in an input, select, textarea or editable element,
 * and never with a modifier (the browser's and the screen reader's own shortcuts keep working).
 */
export function useKeyboardShortcuts(shortcuts: readonly KeyboardShortcut[]): void {
  const listener = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    if (isTyping(event.target)) return;
    const shortcut = shortcuts.find((candidate) => candidate.key === event.key);
    if (!shortcut) return;
    event.preventDefault();
    shortcut.run();
  };
  document.addEventListener('keydown', listener);
  inject(DestroyRef).onDestroy(() => document.removeEventListener('keydown', listener));
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}
