export * from './lib/test-environment';
export * from './lib/unique-name';
export * from './lib/test-kafka';
export * from './lib/free-port';
export * from './lib/disposable-broker';
export * from './lib/subgraph-client';
// One way to wait on a condition, for tests as for the local stack.
export { waitUntil } from '@homeroom/platform/local-stack';
export * from './lib/fake-twilio';
export * from './lib/fake-translation';
export * from './lib/fake-chat-completions';
export * from './lib/portal-sign-in';
export * from './lib/fake-identity-provider';
