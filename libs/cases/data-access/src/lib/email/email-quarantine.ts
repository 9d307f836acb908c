import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { IgnoreReason } from '@homeroom/cases/domain';
import { ConflictException, InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { QuarantinedEmailEntity } from '../entities';
import type { InboundEnvelope } from './inbound-mail';

export type QuarantineState = 'OPEN' | 'RELEASED' | 'DISCARDED';

export interface QuarantinePage {
  /** Up to `first + 1` rows, newest first: the extra one only says there is a next page. */
  rows: QuarantinedEmailEntity[];
  totalCount: number;
}

/**
 * Mail the intake took and did not turn into a case, kept whole with the reason: staff read the list,
 * release a message (it becomes a case as if a person had sent it) or discard it. A second delivery of a
 * kept message (same Message-ID and sender) is not kept twice.
 */
@Injectable()
export class EmailQuarantine {
  constructor(private readonly dataSource: DataSource) {}

  async keep(
    raw: Buffer,
    envelope: InboundEnvelope,
    found: {
      reason: IgnoreReason;
      detail: string;
      dedupeKey: string | undefined;
      from: string | undefined;
      subject: string;
    },
  ): Promise<{ kind: 'quarantined'; id: string; reason: IgnoreReason; detail: string }> {
    const [inserted] = (await this.dataSource.query(
      `INSERT INTO quarantined_email
         (id, reason, detail, dedupe_key, envelope_sender, recipients, from_address, subject, raw, size_bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        found.reason,
        found.detail.slice(0, 500),
        found.dedupeKey ?? null,
        envelope.sender ?? null,
        envelope.recipients ?? [],
        found.from ?? null,
        found.subject.replace(/\s+/g, ' ').trim().slice(0, 500),
        raw,
        raw.length,
      ],
    )) as { id: string }[];
    const id =
      inserted?.id ??
      (
        await this.dataSource
          .getRepository(QuarantinedEmailEntity)
          .findOneByOrFail({ dedupeKey: found.dedupeKey! })
      ).id;
    return { kind: 'quarantined', id, reason: found.reason, detail: found.detail };
  }

  /**
   * Deletes kept mail that arrived more than `days` ago, whatever became of it (a released message lives on
   * in its case); in batches, so that a first sweep over years of mail holds no long lock. Returns how many.
   */
  async forgetOlderThan(days: number, batch = 500): Promise<number> {
    let forgotten = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM quarantined_email WHERE id IN (
           SELECT id FROM quarantined_email WHERE received_at < now() - make_interval(days => $1) LIMIT $2)`,
        [days, batch],
      )) as [unknown, number];
      forgotten += deleted;
      if (deleted < batch) return forgotten;
    }
  }

  async page({
    state = 'OPEN',
    first = 50,
    after,
  }: {
    state?: QuarantineState;
    first?: number;
    after?: { receivedAt: Date; id: string };
  }): Promise<QuarantinePage> {
    const where =
      state === 'OPEN'
        ? 'q.released_at IS NULL AND q.discarded_at IS NULL'
        : state === 'RELEASED'
          ? 'q.released_at IS NOT NULL'
          : 'q.discarded_at IS NOT NULL';
    const query = this.dataSource.getRepository(QuarantinedEmailEntity).createQueryBuilder('q').where(where);
    const totalCount = await query.clone().getCount();
    if (after) {
      query.andWhere('(q.received_at, q.id) < (:receivedAt, :id)', {
        receivedAt: after.receivedAt,
        id: after.id,
      });
    }
    const rows = await query
      .orderBy('q.received_at', 'DESC')
      .addOrderBy('q.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { rows, totalCount };
  }

  async find(id: string): Promise<QuarantinedEmailEntity> {
    const found = await this.dataSource.getRepository(QuarantinedEmailEntity).findOneBy({ id });
    if (!found) throw new NotFoundException('Quarantined email');
    return found;
  }

  /** The message as received (for staff to download and read in a mail program). */
  async raw(id: string): Promise<Buffer> {
    const [row] = (await this.dataSource.query('SELECT raw FROM quarantined_email WHERE id = $1', [id])) as {
      raw: Buffer;
    }[];
    if (!row) throw new NotFoundException('Quarantined email');
    return row.raw;
  }

  /**
   * Claims the message for release (two staff releasing it at once make one case), runs `take` on it, and
   * records the case; if `take` fails, the message is open again. `take` answers undefined when the message
   * has no one to answer to.
   */
  async release<T extends { caseNumber: string }>(
    id: string,
    staffId: string,
    take: (message: { raw: Buffer; envelope: InboundEnvelope }) => Promise<T | undefined>,
  ): Promise<T> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE quarantined_email SET released_at = now(), released_by = $2
        WHERE id = $1 AND released_at IS NULL AND discarded_at IS NULL
        RETURNING raw, envelope_sender, recipients`,
      [id, staffId],
    )) as [{ raw: Buffer; envelope_sender: string | null; recipients: string[] }[], number];
    const row = Array.isArray(claimed) ? claimed[0] : undefined;
    if (!row) throw await this.notOpen(id);
    try {
      const outcome = await take({
        raw: row.raw,
        envelope: {
          ...(row.envelope_sender !== null ? { sender: row.envelope_sender } : {}),
          recipients: row.recipients,
        },
      });
      if (!outcome) {
        throw new InvalidInputException(
          'This message has no sender address to answer',
          [{ path: 'id', message: 'no From address and a null envelope sender' }],
          'NO_SENDER',
        );
      }
      await this.dataSource.query('UPDATE quarantined_email SET released_case_number = $2 WHERE id = $1', [
        id,
        outcome.caseNumber,
      ]);
      return outcome;
    } catch (error) {
      await this.dataSource.query(
        'UPDATE quarantined_email SET released_at = NULL, released_by = NULL WHERE id = $1',
        [id],
      );
      throw error;
    }
  }

  async discard(id: string, staffId: string): Promise<QuarantinedEmailEntity> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE quarantined_email SET discarded_at = now(), discarded_by = $2
        WHERE id = $1 AND released_at IS NULL AND discarded_at IS NULL`,
      [id, staffId],
    )) as [unknown, number];
    if (!affected) throw await this.notOpen(id);
    return this.find(id);
  }

  private async notOpen(id: string): Promise<Error> {
    const found = await this.dataSource.getRepository(QuarantinedEmailEntity).findOneBy({ id });
    if (!found) return new NotFoundException('Quarantined email');
    return new ConflictException(
      found.releasedAt ? 'This message was released already' : 'This message was discarded',
      'ALREADY_SETTLED',
    );
  }
}
