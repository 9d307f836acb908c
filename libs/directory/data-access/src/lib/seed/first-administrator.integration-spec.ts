import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { DIRECTORY_ENTITIES } from '../entities';
import { DIRECTORY_MIGRATIONS } from '../migrations';
import { demoSeedServices, type DemoSeedServices } from './demo-district';
import { createFirstAdministrator } from './first-administrator';

const PASSWORD = 'a long passphrase for the first administrator';

describe('the first district administrator', () => {
  let database: TestDatabase;
  let services: DemoSeedServices;

  beforeAll(async () => {
    database = await createTestDatabase('first-admin', {
      migrations: DIRECTORY_MIGRATIONS,
      entities: DIRECTORY_ENTITIES,
    });
    services = demoSeedServices(database.dataSource);
  });

  afterAll(() => database?.drop());

  const count = async (sql: string) => Number((await database.dataSource.query(sql))[0].n);

  it('creates one staff member who signs in as district administrator, announced like any new person', async () => {
    const { personId, outcome } = await createFirstAdministrator(services, {
      email: ' Superintendent.Office@District.example ',
      givenName: 'Rosa',
      familyName: 'Alvarez',
      password: PASSWORD,
    });
    expect(outcome).toBe('created');
    const check = await services.credentials.verifyPassword(
      'superintendent.office@district.example',
      PASSWORD,
    );
    expect({ ok: check.ok, id: check.person?.id }).toEqual({ ok: true, id: personId });
    const roles = await database.dataSource.query(
      'SELECT role, school_id FROM staff_role WHERE person_id = $1',
      [personId],
    );
    expect(roles).toEqual([{ role: 'DISTRICT_ADMIN', school_id: null }]);
    const events = await database.dataSource.query(
      "SELECT envelope->>'type' AS type FROM outbox_event WHERE message_key = $1",
      [personId],
    );
    expect(events.map((event: { type: string }) => event.type)).toEqual([
      'directory.PersonCreated',
      'directory.StaffRolesChanged',
    ]);
    // Nothing of the demo district.
    expect(await count('SELECT count(*) AS n FROM school')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM api_client')).toBe(0);
  });

  it('refuses anyone who already signs in, changing nothing', async () => {
    await expect(
      createFirstAdministrator(services, {
        email: 'superintendent.office@district.example',
        givenName: 'Rosa',
        familyName: 'Alvarez',
        password: 'another long passphrase entirely',
      }),
    ).rejects.toMatchObject({ reason: 'ALREADY_SIGNS_IN' });
    const check = await services.credentials.verifyPassword(
      'superintendent.office@district.example',
      PASSWORD,
    );
    expect(check.ok).toBe(true);
  });

  it('refuses a weak password before writing anything', async () => {
    const people = await count('SELECT count(*) AS n FROM person');
    await expect(
      createFirstAdministrator(services, {
        email: 'it.director@district.example',
        givenName: 'Sam',
        familyName: 'Lee',
        password: 'short',
      }),
    ).rejects.toMatchObject({ reason: 'WEAK_PASSWORD' });
    expect(await count('SELECT count(*) AS n FROM person')).toBe(people);
  });

  it('makes a staff member from the SIS who has no password the administrator', async () => {
    const imported = await services.people.create({
      kind: 'STAFF',
      givenName: 'Sam',
      familyName: 'Lee',
      preferredLanguage: 'en',
      emails: [{ address: 'it.director@district.example', primary: true }],
    });
    const { personId, outcome } = await createFirstAdministrator(services, {
      email: 'it.director@district.example',
      givenName: 'ignored',
      familyName: 'ignored',
      password: PASSWORD,
    });
    expect({ personId, outcome }).toEqual({ personId: imported.id, outcome: 'promoted' });
    expect((await services.credentials.verifyPassword('it.director@district.example', PASSWORD)).ok).toBe(
      true,
    );
  });
});
