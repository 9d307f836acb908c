import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { afterRequesterReply, assertTransition, type CaseStatus, messageBody } from '@homeroom/cases/domain';
import { CaseUpdated } from '@homeroom/cases/contracts';
import { CaseEntity, type CaseMessageEntity } from '../entities';
import { type CaseActor, REQUESTER } from './case-actor';
import { CaseIntakeService, type OpenedCase } from './case-intake.service';
import { CaseWriter } from './case-writer';
import { type MessageAttachments, NO_ATTACHMENTS } from '../attachments/attachment-types';
import { hashTrackingToken } from './tracking-token';

/** How long after resolution a requester's reply reopens the case rather than opening a new one. */
export const REOPEN_WINDOW_DAYS = 14;

/** What staff and requesters do to an open case; each action is one transaction with its events. */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly intake: CaseIntakeService,
  ) {}

  reply(
    caseId: string,
    body: string,
    actor: CaseActor,
    attachments: MessageAttachments = NO_ATTACHMENTS,
  ): Promise<CaseMessageEntity> {
    const text = messageBody(body, 'body');
    return this.act(caseId, async (supportCase, writer) => {
      const message = await writer.message(supportCase, 'OUTBOUND', text, actor, attachments);
      // Answering a new case is taking it on.
      if (supportCase.status === 'NEW') await writer.status(supportCase, 'OPEN', actor);
      return message;
    });
  }

  addInternalNote(
    caseId: string,
    body: string,
    actor: CaseActor,
    attachments: MessageAttachments = NO_ATTACHMENTS,
  ): Promise<CaseMessageEntity> {
    const text = messageBody(body, 'body');
    return this.act(caseId, (supportCase, writer) =>
      writer.message(supportCase, 'INTERNAL_NOTE', text, actor, attachments),
    );
  }

  setStatus(caseId: string, status: CaseStatus, actor: CaseActor): Promise<CaseEntity> {
    return this.act(caseId, async (supportCase, writer) => {
      assertTransition(supportCase.status, status);
      await writer.status(supportCase, status, actor);
      return supportCase;
    });
  }

  assign(
    caseId: string,
    assigneeId: string | null,
    teamId: string | null,
    actor: CaseActor,
  ): Promise<CaseEntity> {
    return this.act(caseId, async (supportCase, writer, manager) => {
      const before = { assigneeId: supportCase.assigneeId, teamId: supportCase.teamId };
      supportCase.assigneeId = assigneeId;
      supportCase.teamId = teamId;
      await manager.save(supportCase);
      await this.outbox.append(manager, CaseUpdated, {
        aggregateId: supportCase.id,
        data: {
          caseId: supportCase.id,
          priority: supportCase.priority,
          topicId: supportCase.topicId,
          schoolId: supportCase.schoolId,
          assigneeId,
          teamId,
          at: new Date().toISOString(),
        },
      });
      await writer.timeline(supportCase, 'ASSIGNED', actor, { from: before, to: { assigneeId, teamId } });
      return supportCase;
    });
  }

  /**
   * The requester answers through their link: the reply joins the case (reopening it if resolved within
   * the window), or, once the case is closed or long resolved, opens a new case that follows it up.
   */
  async replyAsRequester(
    token: string,
    body: string,
    attachments: MessageAttachments = NO_ATTACHMENTS,
  ): Promise<{ supportCase: CaseEntity; followUp?: OpenedCase }> {
    const found = await this.findByToken(token);
    return this.requesterReply(found.id, body, attachments);
  }

  /** The requester's reply, however it came (their tracking link, an email). */
  async requesterReply(
    caseId: string,
    body: string,
    attachments: MessageAttachments = NO_ATTACHMENTS,
  ): Promise<{ supportCase: CaseEntity; followUp?: OpenedCase }> {
    const text = messageBody(body, 'body');
    return inTransaction(this.dataSource, async (manager) => {
      let supportCase = await this.locked(manager, caseId);
      // A merged case lives on in the one it was merged into: the requester's reply goes there.
      if (supportCase.mergedIntoId) supportCase = await this.locked(manager, supportCase.mergedIntoId);
      const next = afterRequesterReply(
        supportCase.status,
        supportCase.resolvedAt,
        new Date(),
        REOPEN_WINDOW_DAYS,
      );
      if (next === 'NEW_CASE') {
        const {
          id: _id,
          number: _number,
          status: _status,
          trackingTokenHash: _hash,
          createdAt: _c,
          updatedAt: _u,
          firstRespondedAt: _f,
          resolvedAt: _r,
          version: _v,
          assigneeId: _a,
          teamId: _t,
          departmentId: _d,
          followUpOfId: _o,
          mergedIntoId: _m,
          ...fields
        } = supportCase;
        const followUp = await this.intake.open(
          {
            ...fields,
            subject: `Re: ${supportCase.subject}`.slice(0, 200),
            followUpOfId: supportCase.id,
          },
          text,
          REQUESTER,
          manager,
          attachments,
        );
        return { supportCase, followUp };
      }
      const writer = new CaseWriter(manager, this.outbox);
      await writer.message(supportCase, 'INBOUND', text, REQUESTER, attachments);
      if (next !== supportCase.status)
        await writer.status(supportCase, next, REQUESTER, 'the requester replied');
      await manager.save(supportCase);
      return { supportCase };
    });
  }

  async findByToken(token: string): Promise<CaseEntity> {
    const supportCase = await this.dataSource
      .getRepository(CaseEntity)
      .findOneBy({ trackingTokenHash: hashTrackingToken(token) });
    if (!supportCase) throw new NotFoundException('Case');
    return supportCase;
  }

  private act<T>(
    caseId: string,
    work: (supportCase: CaseEntity, writer: CaseWriter, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const supportCase = await this.locked(manager, caseId);
      const result = await work(supportCase, new CaseWriter(manager, this.outbox), manager);
      await manager.save(supportCase);
      return result;
    });
  }

  private async locked(manager: EntityManager, caseId: string): Promise<CaseEntity> {
    const supportCase = await manager.findOne(CaseEntity, {
      where: { id: caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!supportCase) throw new NotFoundException('Case');
    return supportCase;
  }
}
