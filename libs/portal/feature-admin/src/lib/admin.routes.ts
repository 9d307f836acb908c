import type { Routes } from '@angular/router';
import { signedIn } from '@homeroom/portal/data-access';

/** Administration, behind sign-in; each section its own lazy chunk. */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    canActivate: [signedIn],
    loadComponent: () => import('./admin-shell.component').then((m) => m.AdminShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'routing' },
      {
        path: 'schools',
        title: 'Schools and departments · Homeroom',
        loadComponent: () => import('./schools/schools-page.component').then((m) => m.SchoolsPageComponent),
      },
      {
        path: 'people',
        title: 'People · Homeroom',
        loadComponent: () => import('./people/people-page.component').then((m) => m.PeoplePageComponent),
      },
      {
        path: 'teams',
        title: 'Staff roles and teams · Homeroom',
        loadComponent: () => import('./teams/teams-page.component').then((m) => m.TeamsPageComponent),
      },
      {
        path: 'api-clients',
        title: 'API clients · Homeroom',
        loadComponent: () =>
          import('./api-clients/api-clients-page.component').then((m) => m.ApiClientsPageComponent),
      },
      {
        path: 'topics',
        title: 'Topics · Homeroom',
        loadComponent: () => import('./topics/topics-page.component').then((m) => m.TopicsPageComponent),
      },
      {
        path: 'routing',
        title: 'Routing rules · Homeroom',
        loadComponent: () =>
          import('./routing/routing-rules-page.component').then((m) => m.RoutingRulesPageComponent),
      },
      {
        path: 'reply-templates',
        title: 'Reply templates · Homeroom',
        loadComponent: () =>
          import('./reply-templates/reply-templates-page.component').then(
            (m) => m.ReplyTemplatesPageComponent,
          ),
      },
      {
        path: 'help-articles',
        title: 'Help center articles · Homeroom',
        loadComponent: () =>
          import('./help-articles/help-articles-page.component').then((m) => m.HelpArticlesPageComponent),
      },
      {
        path: 'public-texts',
        title: 'Public pages’ words · Homeroom',
        loadComponent: () =>
          import('./public-texts/public-texts-page.component').then((m) => m.PublicTextsPageComponent),
      },
      {
        path: 'automations',
        title: 'Automations · Homeroom',
        loadComponent: () =>
          import('./automations/automations-page.component').then((m) => m.AutomationsPageComponent),
      },
      {
        path: 'coaching',
        title: 'Coaching · Homeroom',
        loadComponent: () =>
          import('./coaching/coaching-page.component').then((m) => m.CoachingPageComponent),
      },
      {
        path: 'slas',
        title: 'SLA calendars and policies · Homeroom',
        loadComponent: () => import('./slas/slas-page.component').then((m) => m.SlasPageComponent),
      },
      {
        path: 'surveys',
        title: 'Surveys · Homeroom',
        loadComponent: () => import('./surveys/surveys-page.component').then((m) => m.SurveysPageComponent),
      },
      {
        path: 'oneroster',
        title: 'OneRoster import · Homeroom',
        loadComponent: () =>
          import('./oneroster/oneroster-page.component').then((m) => m.OneRosterPageComponent),
      },
      {
        path: 'email-quarantine',
        title: 'Kept email · Homeroom',
        loadComponent: () =>
          import('./email-quarantine/email-quarantine-page.component').then(
            (m) => m.EmailQuarantinePageComponent,
          ),
      },
    ],
  },
];
