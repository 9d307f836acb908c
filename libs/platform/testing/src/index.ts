export * from './lib/test-environment';
export * from './lib/unique-name';
export * from './lib/test-kafka';
export * from './lib/free-port';
export * from './lib/disposable-broker';
export * from './lib/subgraph-client';
