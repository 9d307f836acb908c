// The widget's API client alone (no DOM): what Node code uses to talk to a chat as the widget does (the
// integration tests, the chat latency benchmark).
export * from './lib/chat-client';
export * from './lib/sse-parser';
