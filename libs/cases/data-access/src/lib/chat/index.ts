export * from './case-chat.module';
export * from './chat.service';
export * from './chat.settings';
export * from './chat-session';
export * from './chat-stream-hub';
export * from './chat-transcript';
export * from './staff-presence.service';
