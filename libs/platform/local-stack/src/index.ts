export * from './lib/local-stack';
export * from './lib/local-kafka';
export * from './lib/local-postgres';
export * from './lib/kafka-jars';
export * from './lib/stack-paths';
export * from './lib/process-control';
