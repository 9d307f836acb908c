import type { Routes } from '@angular/router';

/** Families' pages and the staff workspace are separate lazy bundles; neither loads the other. */
export const APP_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'inbox' },
  { path: '', loadChildren: () => import('@homeroom/portal/feature-public').then((m) => m.PUBLIC_ROUTES) },
  { path: '', loadChildren: () => import('@homeroom/portal/feature-inbox').then((m) => m.STAFF_ROUTES) },
  {
    path: '',
    loadChildren: () => import('@homeroom/portal/feature-dashboard').then((m) => m.DASHBOARD_ROUTES),
  },
  {
    path: 'admin',
    loadChildren: () => import('@homeroom/portal/feature-admin').then((m) => m.ADMIN_ROUTES),
  },
  { path: '**', redirectTo: 'contact' },
];
