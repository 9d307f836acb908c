export * from './lib/chat-client';
export * from './lib/sse-parser';
