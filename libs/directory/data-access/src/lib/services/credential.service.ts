import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { checkPassword } from '@homeroom/directory/domain';
import { PersonEntity, StaffCredentialEntity } from '../entities';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

// OWASP's argon2id floor: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export type SignInResult = { ok: true; person: PersonEntity } | { ok: false; reason: 'invalid' | 'locked' };

/** Staff passwords: set by an administrator, checked at sign-in, locked after repeated failures. */
@Injectable()
export class CredentialService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly decoy = hash('decoy password for unknown accounts', ARGON2);

  constructor(private readonly dataSource: DataSource) {}

  async setPassword(personId: string, password: string): Promise<void> {
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ id: personId });
    if (!person) throw new NotFoundException('Person');
    if (person.kind !== 'STAFF' || !person.active) {
      throw new InvalidInputException(
        'Only active staff sign in',
        [{ path: 'personId', message: 'not active staff' }],
        'NOT_STAFF',
      );
    }
    checkPassword(password, { email: person.emails.find((e) => e.primary)?.address });
    await this.dataSource
      .getRepository(StaffCredentialEntity)
      .upsert(
        { personId, passwordHash: await hash(password, ARGON2), failedAttempts: 0, lockedUntil: null },
        ['personId'],
      );
  }

  async signIn(email: string, password: string, now: Date = new Date()): Promise<SignInResult> {
    const person = await this.findStaffByEmail(email);
    const credential = person
      ? await this.dataSource.getRepository(StaffCredentialEntity).findOneBy({ personId: person.id })
      : null;
    if (!person || !credential) {
      await verify(await this.decoy, password);
      return { ok: false, reason: 'invalid' };
    }
    if (credential.lockedUntil && credential.lockedUntil > now) return { ok: false, reason: 'locked' };
    if (await verify(credential.passwordHash, password)) {
      await this.dataSource
        .getRepository(StaffCredentialEntity)
        .update({ personId: person.id }, { failedAttempts: 0, lockedUntil: null });
      return { ok: true, person };
    }
    // Counted in the database, so that every replica sees the same tally.
    await this.dataSource.query(
      `UPDATE staff_credential
          SET failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
              locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE person_id = $1`,
      [person.id, MAX_FAILED_SIGN_INS, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)],
    );
    return { ok: false, reason: 'invalid' };
  }

  /** Active staff whose addresses include this one (addresses are stored lower-cased). */
  async findStaffByEmail(email: string): Promise<PersonEntity | null> {
    return (await this.staffWithEmail(email, 1))[0] ?? null;
  }

  /**
   * Up to `limit` active staff with this address among theirs: a sign-in from another identity provider
   * maps to a person only when exactly one has it.
   */
  staffWithEmail(email: string, limit = 2): Promise<PersonEntity[]> {
    return this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .where("person.kind = 'STAFF' AND person.active AND person.emails @> :address::jsonb", {
        address: JSON.stringify([{ address: email.trim().toLowerCase() }]),
      })
      .orderBy('person.id')
      .limit(limit)
      .getMany();
  }
}
