import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/**
 * The time now, in milliseconds, brought up to date every `everyMs` for as long as the calling component
 * lives (call it in an injection context): what countdowns and "due in 12 min" read, so they move without
 * a query.
 */
export function injectClock(everyMs: number): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), everyMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
