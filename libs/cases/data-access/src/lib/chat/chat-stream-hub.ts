import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostgresListener } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import type { CaseMessageEntity } from '../entities';
import { CaseQueryService } from '../services/case-query.service';
import { CHAT_SETTINGS, type ChatSettings } from './chat.settings';
import { CHAT_ACTIVITY_CHANNEL } from './chat.service';
import { chatSessionsOf, type ChatSession } from './chat-session';

/** What a chat looks like to its family now: the conversation they see, and whether the chat goes on. */
export interface ChatState {
  messages: readonly CaseMessageEntity[];
  session: ChatSession;
}

/** One open stream of a chat (a family's tab): given the chat's state whenever it may have changed. */
export interface ChatSubscriber {
  update(state: ChatState): void;
}

export type SubscribeOutcome = 'SUBSCRIBED' | 'TOO_MANY_STREAMS' | 'TOO_MANY_STREAMS_FOR_CHAT';

/**
 * The open chat streams of this replica, by case, woken by PostgreSQL: a message on a chat, or its end,
 * NOTIFYs `chat_activity` with the case id on commit (a trigger, and ChatService.end), whichever replica
 * wrote it. The hub then reads that chat once, however many of its streams are open here, and gives each
 * its state; the streams send what they have not sent. Wake-ups for one chat that come while it is being
 * read are folded into one more read. After a lost LISTEN connection, every open chat is read again.
 */
@Injectable()
export class ChatStreamHub implements OnModuleInit, OnModuleDestroy {
  private readonly byCase = new Map<string, Set<ChatSubscriber>>();
  /** Chats being read now, and whether another wake-up came meanwhile. */
  private readonly reading = new Map<string, { again: boolean }>();
  private readonly listener: PostgresListener;
  private streams = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly query: CaseQueryService,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.listener = PostgresListener.forDataSource(dataSource, {
      channel: CHAT_ACTIVITY_CHANNEL,
      onNotification: (caseId) => this.wake(caseId),
      onReconnected: () => {
        for (const caseId of this.byCase.keys()) this.wake(caseId);
      },
      logger,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }

  /** Open streams on this replica. */
  get openStreams(): number {
    return this.streams;
  }

  /** The chat's state now, or undefined when the case is not a chat. */
  async state(caseId: string): Promise<ChatState | undefined> {
    const session = (await chatSessionsOf(this.dataSource.manager, [caseId])).get(caseId);
    if (!session) return undefined;
    return { session, messages: await this.query.messages(caseId, false, { requester: true }) };
  }

  /** Adds a stream to a chat, within the limits; it is then given the chat's state at each change. */
  subscribe(caseId: string, subscriber: ChatSubscriber): SubscribeOutcome {
    if (this.streams >= this.settings.maxStreams) return 'TOO_MANY_STREAMS';
    const subscribers = this.byCase.get(caseId) ?? new Set<ChatSubscriber>();
    if (subscribers.size >= this.settings.maxStreamsPerChat) return 'TOO_MANY_STREAMS_FOR_CHAT';
    subscribers.add(subscriber);
    this.byCase.set(caseId, subscribers);
    this.streams += 1;
    return 'SUBSCRIBED';
  }

  unsubscribe(caseId: string, subscriber: ChatSubscriber): void {
    const subscribers = this.byCase.get(caseId);
    if (!subscribers?.delete(subscriber)) return;
    this.streams -= 1;
    if (!subscribers.size) this.byCase.delete(caseId);
  }

  /** Reads a chat for its open streams here, once however many wake-ups come meanwhile. */
  private wake(caseId: string): void {
    if (!this.byCase.has(caseId)) return;
    const inProgress = this.reading.get(caseId);
    if (inProgress) {
      inProgress.again = true;
      return;
    }
    const read = { again: false };
    this.reading.set(caseId, read);
    void this.read(caseId, read);
  }

  private async read(caseId: string, read: { again: boolean }): Promise<void> {
    try {
      do {
        read.again = false;
        const state = await this.state(caseId);
        if (!state) return;
        for (const subscriber of this.byCase.get(caseId) ?? []) subscriber.update(state);
      } while (read.again);
    } catch (error) {
      this.logger.error({ err: error, caseId }, 'could not read a chat for its streams');
    } finally {
      this.reading.delete(caseId);
    }
  }
}
