import { Inject, Injectable } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { automatedReason, caseNumberInSubject, newPartOfReply, subjectOf } from '@homeroom/cases/domain';
import { CaseEntity } from '../entities';
import { REQUESTER } from '../services/case-actor';
import { CaseIntakeService, INTAKE_SETTINGS, type IntakeSettings } from '../services/case-intake.service';
import { CaseService } from '../services/case.service';

export type EmailOutcome =
  | { kind: 'created'; caseNumber: string }
  | { kind: 'threaded'; caseNumber: string; followUpNumber?: string }
  | { kind: 'ignored'; reason: string };

/**
 * A message to the district's intake address becomes a case, or joins the case it answers: a reply whose
 * subject names a case number, from the address that case answers to. Machine mail (auto-replies,
 * bounces, lists) is dropped; only the new part of a reply is kept (quoted history and signature go).
 * HTML-only mail is read as its text; HTML itself is never stored, so it can never be shown unsanitized.
 */
@Injectable()
export class EmailIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly cases: CaseService,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  async receive(raw: Buffer): Promise<EmailOutcome> {
    const mail = await simpleParser(raw, {
      skipHtmlToText: false,
      skipImageLinks: true,
      skipTextToHtml: true,
    });
    const from = mail.from?.value[0]?.address?.toLowerCase();
    if (!from) return { kind: 'ignored', reason: 'no sender address' };
    const headers = new Map(
      [...mail.headers].map(([name, value]) => [
        name.toLowerCase(),
        String(typeof value === 'object' && value && 'value' in value ? value.value : value),
      ]),
    );
    const automated = automatedReason(headers, from);
    if (automated) return { kind: 'ignored', reason: automated };
    const text = (mail.text ?? '').trim();
    const subject = (mail.subject ?? '').trim();
    const number = caseNumberInSubject(subject);
    if (number) {
      const existing = await this.dataSource.getRepository(CaseEntity).findOneBy({ number });
      // Only the address the case answers to may add to it; anyone else quoting a number starts a new case.
      if (existing && existing.contact.email === from) {
        const body = newPartOfReply(text) || text;
        if (!body) return { kind: 'ignored', reason: 'empty reply' };
        const { supportCase, followUp } = await this.cases.requesterReply(existing.id, body);
        return {
          kind: 'threaded',
          caseNumber: supportCase.number,
          ...(followUp ? { followUpNumber: followUp.supportCase.number } : {}),
        };
      }
    }
    if (!text && !subject) return { kind: 'ignored', reason: 'empty message' };
    const body = text || subject;
    const { supportCase } = await this.intake.open(
      {
        subject: subjectOf(subject || null, body),
        channel: 'EMAIL',
        priority: 'NORMAL',
        type: null,
        schoolId: null,
        topicId: null,
        requesterId: null,
        contact: { name: mail.from?.value[0]?.name?.trim() || null, email: from, phone: null },
        anonymous: false,
        confidential: false,
        language: this.settings.defaultLanguage,
      },
      body.slice(0, 20_000),
      REQUESTER,
    );
    return { kind: 'created', caseNumber: supportCase.number };
  }
}
