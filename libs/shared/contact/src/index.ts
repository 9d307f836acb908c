export * from './lib/contact-errors';
export * from './lib/contact-details';
export * from './lib/locale';
