export * from './lib/public-languages';
export * from './lib/public-text';
export * from './lib/public-text-correction';
