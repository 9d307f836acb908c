import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { checkPassword } from '@homeroom/directory/domain';
import { PersonEntity, StaffCredentialEntity } from '../entities';

// OWASP's argon2id floor: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A password checked: right, or not (with the active staff member the address is theirs, if any). */
export type PasswordCheck = { ok: true; person: PersonEntity } | { ok: false; person: PersonEntity | null };

/**
 * Staff passwords: set by an administrator, checked at sign-in. Counting failures, and making repeated ones
 * wait, is the sign-in throttle's job (SignInThrottleService), for every address typed in alike.
 */
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
      .upsert({ personId, passwordHash: await hash(password, ARGON2) }, ['personId']);
  }

  /** Checks a staff member's password; an address no one has takes as long to refuse as a wrong password. */
  async verifyPassword(email: string, password: string): Promise<PasswordCheck> {
    const person = await this.findStaffByEmail(email);
    const credential = person
      ? await this.dataSource.getRepository(StaffCredentialEntity).findOneBy({ personId: person.id })
      : null;
    if (!person || !credential) {
      await verify(await this.decoy, password);
      return { ok: false, person };
    }
    return (await verify(credential.passwordHash, password)) ? { ok: true, person } : { ok: false, person };
  }

  /** Active staff whose addresses include this one (addresses are stored lower-cased). */
  async findStaffByEmail(email: string): Promise<PersonEntity | null> {
    return (await this.staffWithEmail(email, 1))[0] ?? null;
  }

  /** The staff member with this id, while they are active staff. */
  async activeStaff(personId: string): Promise<PersonEntity | null> {
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ id: personId });
    return person?.kind === 'STAFF' && person.active ? person : null;
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
