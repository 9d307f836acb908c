import type { Routes } from '@angular/router';
import { signedIn } from '@homeroom/portal/data-access';

/** The staff workspace: behind sign-in. */
export const STAFF_ROUTES: Routes = [
  {
    path: 'auth/callback',
    loadComponent: () => import('./sign-in-callback.component').then((m) => m.SignInCallbackComponent),
  },
  {
    path: 'cases/:number',
    canActivate: [signedIn],
    loadComponent: () => import('./case-page.component').then((m) => m.CasePageComponent),
  },
  {
    path: 'people/:id',
    canActivate: [signedIn],
    loadComponent: () => import('./person-page.component').then((m) => m.PersonPageComponent),
  },
  {
    path: 'reviews',
    canActivate: [signedIn],
    loadComponent: () => import('./review-queue-page.component').then((m) => m.ReviewQueuePageComponent),
  },
  {
    path: 'my-coaching',
    canActivate: [signedIn],
    loadComponent: () => import('./my-coaching-page.component').then((m) => m.MyCoachingPageComponent),
  },
  {
    path: 'inbox',
    canActivate: [signedIn],
    loadComponent: () => import('./inbox-page.component').then((m) => m.InboxPageComponent),
  },
];
