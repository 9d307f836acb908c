export * from './lib/config-error';
export * from './lib/load-config';
export * from './lib/common-schemas';
export * from './lib/kafka-config';
export * from './lib/translation-config';
