export * from './lib/chat-widget.element';
export * from './lib/widget-text';
