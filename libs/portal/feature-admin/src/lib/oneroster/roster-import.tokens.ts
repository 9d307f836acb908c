import { InjectionToken } from '@angular/core';
import { interval, type Observable } from 'rxjs';
import { UPLOAD_PART_BYTES } from './file-parts';

/** How often the page asks a queued or running job how it is going. */
export const ROSTER_JOB_POLL_MS = 1_000;

/** The ticks on which the page asks; tests give their own, to poll when they say. */
export const ROSTER_JOB_POLL = new InjectionToken<Observable<unknown>>('ROSTER_JOB_POLL', {
  providedIn: 'root',
  factory: () => interval(ROSTER_JOB_POLL_MS),
});

/** The bytes of each part a file is sent in (UPLOAD_PART_BYTES); tests make it small. */
export const ROSTER_UPLOAD_PART_BYTES = new InjectionToken<number>('ROSTER_UPLOAD_PART_BYTES', {
  providedIn: 'root',
  factory: () => UPLOAD_PART_BYTES,
});
