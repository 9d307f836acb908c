import { checkPassword } from '@homeroom/directory/domain';
import { InvalidInputException } from '@homeroom/shared/errors';
import { StaffCredentialEntity } from '../entities';
import type { DemoSeedServices } from './demo-district';

export interface FirstAdministratorInput {
  email: string;
  givenName: string;
  familyName: string;
  password: string;
  /** BCP 47; English unless given. */
  preferredLanguage?: string;
}

export type FirstAdministratorOutcome = 'created' | 'promoted';

/**
 * A new installation's first district administrator, who then sets up the district in the portal (its name,
 * schools, teams, the SIS import). Not the demo district: nothing else is created. The address may already
 * belong to a staff member without a password (say, from a SIS import): they become district administrator.
 * Anyone who already signs in is refused: their password is changed in the portal, never by this command.
 */
export async function createFirstAdministrator(
  services: Pick<DemoSeedServices, 'dataSource' | 'credentials' | 'people' | 'staffRoles'>,
  input: FirstAdministratorInput,
): Promise<{ personId: string; outcome: FirstAdministratorOutcome }> {
  const email = input.email.trim().toLowerCase();
  // Checked before anything is written, so a refused password leaves no person without a way in.
  checkPassword(input.password, { email });
  const existing = await services.credentials.findStaffByEmail(email);
  if (existing) {
    const signsIn = await services.dataSource
      .getRepository(StaffCredentialEntity)
      .existsBy({ personId: existing.id });
    if (signsIn) {
      throw new InvalidInputException(
        'This staff member already signs in',
        [{ path: 'email', message: 'already has a password; an administrator changes it in the portal' }],
        'ALREADY_SIGNS_IN',
      );
    }
    await services.staffRoles.set(existing.id, [{ role: 'DISTRICT_ADMIN', schoolId: null }]);
    await services.credentials.setPassword(existing.id, input.password);
    return { personId: existing.id, outcome: 'promoted' };
  }
  const person = await services.people.create({
    kind: 'STAFF',
    givenName: input.givenName,
    familyName: input.familyName,
    preferredLanguage: input.preferredLanguage ?? 'en',
    emails: [{ address: email, primary: true }],
  });
  await services.staffRoles.set(person.id, [{ role: 'DISTRICT_ADMIN', schoolId: null }]);
  await services.credentials.setPassword(person.id, input.password);
  return { personId: person.id, outcome: 'created' };
}
