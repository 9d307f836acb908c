import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { TranslatorLanguagesChanged } from '@homeroom/directory/contracts';
import { DIRECTORY_ENTITIES } from '../entities';
import { DIRECTORY_MIGRATIONS } from '../migrations';
import { demoSeedServices, type DemoSeedServices } from '../seed/demo-district';

/**
 * Qualified translators (ADR 32) in the directory's own database: the languages kept as primary tags,
 * each change announced whole in the same transaction (what the cases service keeps), and only staff.
 */
describe('qualified translators', () => {
  let database: TestDatabase;
  let services: DemoSeedServices;

  beforeAll(async () => {
    database = await createTestDatabase('translator-languages', {
      migrations: DIRECTORY_MIGRATIONS,
      entities: DIRECTORY_ENTITIES,
    });
    services = demoSeedServices(database.dataSource);
  });

  afterAll(() => database?.drop());

  const announced = async (personId: string) =>
    (
      await database.dataSource.query(
        `SELECT envelope->'data' AS data FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2 ORDER BY position`,
        [personId, TranslatorLanguagesChanged.type],
      )
    ).map((row: { data: unknown }) => TranslatorLanguagesChanged.schema.parse(row.data));

  it('keeps a staff member’s languages as primary tags, replaces them whole, and announces each change', async () => {
    const lan = await services.people.create({
      kind: 'STAFF',
      givenName: 'Lan',
      familyName: 'Tran',
      preferredLanguage: 'en',
    });
    expect(await services.translators.set(lan.id, ['vi', 'es-MX', 'ES'])).toEqual(['es', 'vi']);
    expect(await services.translators.set(lan.id, ['so'])).toEqual(['so']);
    expect(await services.translators.set(lan.id, [])).toEqual([]);
    expect((await services.translators.forPeople([lan.id])).get(lan.id)).toEqual([]);
    expect(await announced(lan.id)).toEqual([
      { personId: lan.id, languages: ['es', 'vi'] },
      { personId: lan.id, languages: ['so'] },
      { personId: lan.id, languages: [] },
    ]);
  });

  it('refuses a family member, an unknown person and what is not a language, changing nothing', async () => {
    const guardian = await services.people.create({
      kind: 'GUARDIAN',
      givenName: 'Ana',
      familyName: 'Ruiz',
      preferredLanguage: 'es',
    });
    await expect(services.translators.set(guardian.id, ['es'])).rejects.toMatchObject({
      reason: 'NOT_STAFF',
    });
    await expect(
      services.translators.set('5d1f0f7e-3f77-4d7a-8f0e-0c2b8f7b4c21', ['es']),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const staff = await services.people.create({
      kind: 'STAFF',
      givenName: 'Sam',
      familyName: 'Lee',
      preferredLanguage: 'en',
    });
    await expect(services.translators.set(staff.id, ['es', 'spanish!'])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await announced(guardian.id)).toEqual([]);
    expect(await announced(staff.id)).toEqual([]);
  });
});
