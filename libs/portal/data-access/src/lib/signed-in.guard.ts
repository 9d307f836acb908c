import { inject } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { SessionService } from './session.service';

/** Staff pages need a session: without one, off to the district's sign-in, and back here after. */
export const signedIn: CanActivateFn = (_route, state) => {
  const session = inject(SessionService);
  if (session.signedIn()) return true;
  void session.signIn(state.url);
  return false;
};
