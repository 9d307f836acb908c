export * from './lib/translator';
export * from './lib/deepl-translator';
export * from './lib/google-translator';
export * from './lib/azure-translator';
export * from './lib/libretranslate-translator';
export * from './lib/translator-from-config';
