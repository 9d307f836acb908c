export * from './lib/topics';
export * from './lib/school-events';
export * from './lib/person-events';
export * from './lib/team-events';
export * from './lib/contact-key';
