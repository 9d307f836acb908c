import type { Routes } from '@angular/router';

/** The family-facing pages: no sign-in, their own lazy bundle. */
export const PUBLIC_ROUTES: Routes = [
  {
    path: 'contact',
    loadComponent: () => import('./inquiry-page.component').then((m) => m.InquiryPageComponent),
  },
  {
    path: 'track/:token',
    loadComponent: () => import('./tracking-page.component').then((m) => m.TrackingPageComponent),
  },
  {
    // The link mailed to the owner of an address an inquiry came from (ADR 19).
    path: 'contact/confirm/:token',
    loadComponent: () =>
      import('./confirm-requester-page.component').then((m) => m.ConfirmRequesterPageComponent),
  },
  {
    path: 'help',
    loadComponent: () => import('./help-center-page.component').then((m) => m.HelpCenterPageComponent),
  },
  {
    path: 'help/:slug',
    loadComponent: () => import('./help-article-page.component').then((m) => m.HelpArticlePageComponent),
  },
  {
    path: 's/:token',
    loadComponent: () => import('./survey-page.component').then((m) => m.SurveyPageComponent),
  },
];
