/** The administration screens, in the order the side navigation lists them. */
export const ADMIN_SECTIONS = [
  { path: 'schools', name: 'Schools and departments' },
  { path: 'people', name: 'People' },
  { path: 'teams', name: 'Staff roles and teams' },
  { path: 'api-clients', name: 'API clients' },
  { path: 'topics', name: 'Topics' },
  { path: 'routing', name: 'Routing rules' },
  { path: 'reply-templates', name: 'Reply templates' },
  { path: 'help-articles', name: 'Help center articles' },
  { path: 'public-texts', name: 'Public pages’ words' },
  { path: 'automations', name: 'Automations' },
  { path: 'coaching', name: 'Coaching' },
  { path: 'slas', name: 'SLA calendars and policies' },
  { path: 'surveys', name: 'Surveys' },
  { path: 'oneroster', name: 'OneRoster import' },
  { path: 'email-quarantine', name: 'Kept email' },
] as const;

export type AdminSectionPath = (typeof ADMIN_SECTIONS)[number]['path'];
