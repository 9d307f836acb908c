export * from './lib/portal-config';
export * from './lib/session.service';
export * from './lib/apollo.providers';
export * from './lib/language.service';
export * from './lib/error-message';
export * from './lib/signed-in.guard';
export * from './lib/screen-actions';
export * from './lib/watch-query';
