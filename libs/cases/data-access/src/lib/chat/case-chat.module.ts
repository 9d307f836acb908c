import { type DynamicModule, Module } from '@nestjs/common';
import { ChatService } from './chat.service';
import {
  CHAT_SETTINGS,
  CHAT_WIDGET_SCRIPT,
  DEFAULT_CHAT_SETTINGS,
  NO_CHAT_WIDGET,
  type ChatSettings,
  type ChatWidgetScript,
} from './chat.settings';
import { ChatStreamHub } from './chat-stream-hub';
import { StaffPresenceService } from './staff-presence.service';

/** Web chat (ADR 34): conversations, their live streams, and staff presence. */
@Module({})
export class CaseChatModule {
  static forRoot(
    settings: Partial<ChatSettings> = {},
    widget: ChatWidgetScript = NO_CHAT_WIDGET,
  ): DynamicModule {
    return {
      module: CaseChatModule,
      global: true,
      providers: [
        { provide: CHAT_SETTINGS, useValue: { ...DEFAULT_CHAT_SETTINGS, ...settings } },
        { provide: CHAT_WIDGET_SCRIPT, useValue: widget },
        ChatService,
        ChatStreamHub,
        StaffPresenceService,
      ],
      exports: [CHAT_SETTINGS, CHAT_WIDGET_SCRIPT, ChatService, ChatStreamHub, StaffPresenceService],
    };
  }
}
