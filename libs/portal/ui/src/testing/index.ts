export * from './axe';
export * from './component-spec';
