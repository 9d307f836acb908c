export * from './lib/chat-client';
export * from './lib/chat-widget.element';
export * from './lib/sse-parser';
export * from './lib/widget-text';
