import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { eventHandler, type EventHandler, OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import {
  NO_TRANSLATION,
  TranslationRefusedError,
  type Translator,
  UnsupportedLanguageError,
} from '@homeroom/platform/translation';
import { CaseMessageAdded, MessageTranslated } from '@homeroom/cases/contracts';
import { CaseEntity, CaseMessageEntity } from '../entities';
import { SYSTEM } from '../services/case-actor';
import { CaseWriter } from '../services/case-writer';

/** The provider, and the language staff read and write (a requester's messages are translated into it). */
export interface MessageTranslationSettings {
  translator: Translator;
  staffLanguage: string;
}
export const MESSAGE_TRANSLATION_SETTINGS = Symbol('MESSAGE_TRANSLATION_SETTINGS');
export const NO_MESSAGE_TRANSLATION: MessageTranslationSettings = {
  translator: NO_TRANSLATION,
  staffLanguage: 'en',
};

/** A message's text in another language, as kept beside it. */
export interface MessageTranslationRow {
  id: string;
  messageId: string;
  language: string;
  text: string;
  sourceLanguage: string | null;
  provider: string;
  reviewedBy: string | null;
  createdAt: Date;
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/** The provider of a vital template's text in the staff's language, kept beside its held reply: people. */
export const TEMPLATE_PROVIDER = 'TEMPLATE';

/**
 * Machine translation of a case's conversation (issue 22). A requester's message in another language than
 * the staff's is translated into it by a consumer of CaseMessageAdded, so the requester's message is kept
 * at once whatever the provider does, and a provider outage is retried like any handler. Staff see the
 * original and the translation side by side. A staff reply can be translated into the requester's
 * language, previewed, and sent translated; its original is kept beside it. Every translation raises
 * MessageTranslated; a refusal no retry can fix is on the timeline as TRANSLATION_NOT_MADE.
 */
@Injectable()
export class MessageTranslationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(MESSAGE_TRANSLATION_SETTINGS) private readonly settings: MessageTranslationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.settings.translator.enabled;
  }

  get staffLanguage(): string {
    return primary(this.settings.staffLanguage);
  }

  handlers(): EventHandler[] {
    if (!this.enabled) return [];
    return [
      eventHandler(CaseMessageAdded, ({ data }, manager) =>
        data.direction === 'INBOUND' ? this.translateInbound(data.messageId, manager) : Promise.resolve(),
      ),
    ] as EventHandler[];
  }

  /** A requester's message into the staff's language, once, when it is written in another. */
  async translateInbound(messageId: string, manager: EntityManager): Promise<void> {
    const message = await manager.findOneBy(CaseMessageEntity, { id: messageId });
    // Not ours (services and test runs share the topic), not a requester's, or already in the staff's language.
    if (!message || message.direction !== 'INBOUND' || !message.language) return;
    const from = primary(message.language);
    if (from === this.staffLanguage) return;
    const [done] = (await manager.query(
      'SELECT 1 FROM message_translation WHERE message_id = $1 AND language = $2',
      [message.id, this.staffLanguage],
    )) as unknown[];
    if (done) return;
    const supportCase = await manager.findOneByOrFail(CaseEntity, { id: message.caseId });
    const { translator } = this.settings;
    let text: string;
    try {
      text = (await translator.translate([message.body], this.staffLanguage, from))[0]!.text;
    } catch (error) {
      if (!(error instanceof UnsupportedLanguageError || error instanceof TranslationRefusedError))
        throw error;
      await new CaseWriter(manager, this.outbox).timeline(supportCase, 'TRANSLATION_NOT_MADE', SYSTEM, {
        messageId: message.id,
        from,
        to: this.staffLanguage,
        reason: error instanceof UnsupportedLanguageError ? 'UNSUPPORTED_LANGUAGE' : 'REFUSED',
        detail: error.message,
      });
      this.logger.warn({ messageId: message.id, reason: error.message }, 'message not translated');
      return;
    }
    await this.keep(manager, supportCase, message.id, {
      language: this.staffLanguage,
      text,
      sourceLanguage: from,
    });
  }

  /** A staff reply in the staff's language, translated into the requester's for staff to read before sending. */
  async previewReply(
    supportCase: CaseEntity,
    body: string,
  ): Promise<{ language: string; text: string; provider: string }> {
    const to = primary(supportCase.language);
    const [translation] = await this.settings.translator.translate([body], to, this.staffLanguage);
    return { language: to, text: translation!.text, provider: this.settings.translator.provider! };
  }

  /**
   * Keeps a translation beside its message and raises MessageTranslated, in the caller's transaction: for a
   * reply sent translated, the original (`language` the staff's); for a requester's message, its translation.
   */
  async keep(
    manager: EntityManager,
    supportCase: CaseEntity,
    messageId: string,
    translation: {
      language: string;
      text: string;
      sourceLanguage: string | null;
      reviewedBy?: string | null;
    },
    /** What was translated into what, when the row is an original rather than a translation. */
    translated: { from: string | null; to: string } = {
      from: translation.sourceLanguage,
      to: translation.language,
    },
    /** Who translated, when not the configured provider (a template's own translations: TEMPLATE). */
    translatedBy?: string,
  ): Promise<void> {
    // A reply translated by staff themselves, with no provider configured, is theirs.
    const provider = translatedBy ?? this.settings.translator.provider ?? 'STAFF';
    await manager.query(
      `INSERT INTO message_translation (id, message_id, case_id, language, text, source_language, provider, reviewed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (message_id, language) DO NOTHING`,
      [
        randomUUID(),
        messageId,
        supportCase.id,
        translation.language,
        translation.text,
        translation.sourceLanguage,
        provider,
        translation.reviewedBy ?? null,
      ],
    );
    await this.outbox.append(manager, MessageTranslated, {
      aggregateId: supportCase.id,
      data: {
        caseId: supportCase.id,
        messageId,
        from: translated.from,
        to: translated.to,
        provider,
        reviewedBy: translation.reviewedBy ?? null,
        at: new Date().toISOString(),
      },
    });
  }

  /** The translations of these messages, in one query. */
  async forMessages(messageIds: readonly string[]): Promise<Map<string, MessageTranslationRow[]>> {
    const byMessage = new Map<string, MessageTranslationRow[]>(messageIds.map((id) => [id, []]));
    if (!messageIds.length) return byMessage;
    const rows = (await this.dataSource.query(
      `SELECT id, message_id AS "messageId", language, text, source_language AS "sourceLanguage", provider,
              reviewed_by AS "reviewedBy", created_at AS "createdAt"
         FROM message_translation WHERE message_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [[...new Set(messageIds)]],
    )) as MessageTranslationRow[];
    for (const row of rows) byMessage.get(row.messageId)?.push(row);
    return byMessage;
  }
}
