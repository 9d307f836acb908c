import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ThrottleScope } from '@homeroom/directory/domain';

/** Where an attempt came in: the staff sign-in form, or a vendor's token request. */
export type SignInChannel = 'PASSWORD' | 'CLIENT_CREDENTIALS';

/**
 * `REFUSED`: an attempt turned away unchecked because its address, account or client was waiting out
 * earlier failures. `DELAYED`: a failure that started or lengthened such a wait. `UNLOCKED`: an
 * administrator lifted the waits on an account or client.
 */
export type SignInAuditEvent = 'REFUSED' | 'DELAYED' | 'UNLOCKED';

export interface SignInAuditEntry {
  channel: SignInChannel;
  event: SignInAuditEvent;
  scope: ThrottleScope;
  /** The throttle key (`throttleKey`); the audit keeps the start of its digest, to tell sources apart. */
  key?: string | null;
  /** The staff member whose account it was, when the address typed in is one's. */
  personId?: string | null;
  clientId?: string | null;
  /** Who lifted the waits (`UNLOCKED`). */
  actorId?: string | null;
  delayedUntil?: Date | null;
}

/**
 * The sign-in's security audit: throttled attempts and unlocks, by id and pseudonym only. It is not the
 * FERPA access log (`audit_entry`, reads of student and guardian records, one person each): these entries
 * are about sign-in, often name nobody, and never hold an address, email or secret.
 */
@Injectable()
export class SignInAuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(entries: readonly SignInAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO sign_in_audit (channel, event, scope, subject, person_id, client_id, actor_id, delayed_until)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                            $8::timestamptz[])`,
      [
        entries.map((entry) => entry.channel),
        entries.map((entry) => entry.event),
        entries.map((entry) => entry.scope),
        entries.map((entry) => (entry.key ? pseudonym(entry.key) : null)),
        entries.map((entry) => entry.personId ?? null),
        entries.map((entry) => entry.clientId ?? null),
        entries.map((entry) => entry.actorId ?? null),
        entries.map((entry) => entry.delayedUntil ?? null),
      ],
    );
  }
}

/** 64 bits of the key's digest: enough to tell sources apart in an audit, no more. */
function pseudonym(key: string): string {
  return key.slice(key.indexOf(':') + 1).slice(0, 16);
}
