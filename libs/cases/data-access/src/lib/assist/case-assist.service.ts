import { Injectable } from '@nestjs/common';
import type { CaseEntity } from '../entities';
import { CaseQueryService } from '../services/case-query.service';
import { replyPrompt, type ReplyTone, summaryPrompt } from './assist-prompts';
import { LlmDisabledException, LlmProvider } from './llm-provider';

/**
 * The optional writing assistant: a summary of a case, a draft reply. It only answers the caller; nothing
 * it says is written to the case (staff copy what they want into a reply or note themselves). Callers
 * check the case's visibility first.
 */
@Injectable()
export class CaseAssistService {
  constructor(
    private readonly llm: LlmProvider,
    private readonly query: CaseQueryService,
  ) {}

  get enabled(): boolean {
    return this.llm.enabled;
  }

  /** Fails with FEATURE_DISABLED when the assist is off, before anything is read. */
  assertEnabled(): void {
    if (!this.llm.enabled) throw new LlmDisabledException();
  }

  async summarize(supportCase: CaseEntity): Promise<string> {
    this.assertEnabled();
    const messages = await this.query.messages(supportCase.id, true);
    return this.llm.complete(summaryPrompt(supportCase, messages), { temperature: 0.2, maxTokens: 400 });
  }

  async suggestReply(supportCase: CaseEntity, tone: ReplyTone = 'NEUTRAL'): Promise<string> {
    this.assertEnabled();
    // The conversation as the family has it: a reply still held for review is not part of it yet.
    const messages = await this.query.messages(supportCase.id, false, { requester: true });
    return this.llm.complete(replyPrompt(supportCase, messages, tone), { temperature: 0.4, maxTokens: 600 });
  }
}
