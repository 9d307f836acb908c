import type { Routes } from '@angular/router';
import { signedIn } from '@homeroom/portal/data-access';

export const DASHBOARD_ROUTES: Routes = [
  {
    path: 'dashboard',
    canActivate: [signedIn],
    loadComponent: () => import('./dashboard-page.component').then((m) => m.DashboardPageComponent),
  },
];
