export * from './lib/mail-sender';
