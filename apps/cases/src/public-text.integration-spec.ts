import { randomUUID } from 'node:crypto';
import { ANONYMOUS, type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

const CORRECT =
  'mutation($l: String!, $k: String!, $t: String!) { correctPublicText(language: $l, key: $k, text: $t) { language key text updatedAt } }';
const RESET = 'mutation($l: String!, $k: String!) { resetPublicText(language: $l, key: $k) }';
const READ = 'query($l: String) { publicTextCorrections(language: $l) { language key text updatedAt } }';

describe('cases: the district corrects the public pages’ words', () => {
  const suite = useCasesSuite('cases-public-text');
  const { graphql, admin, schoolId } = suite;
  const ok = async (
    query: string,
    variables: Record<string, unknown>,
    who?: Parameters<typeof graphql>[2],
  ) => {
    const result = await graphql(query, variables, who);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Json;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, who: Principal = admin) =>
    ((await graphql(query, variables, who)).errors?.[0]?.extensions ?? null) as Json;

  it('keeps a correction per language and string, shows it to anyone, replaces it, and resets it', async () => {
    const saved = (await ok(CORRECT, { l: 'vi', k: 'contactTitle', t: '  Liên lạc với Học khu  ' }, admin))
      .correctPublicText;
    expect(saved).toMatchObject({ language: 'vi', key: 'contactTitle', text: 'Liên lạc với Học khu' });
    await ok(CORRECT, { l: 'ar', k: 'attachHint', t: 'صورة أو ملف، حتى {max}.' }, admin);

    // The pages read their language's without signing in; the editor reads every language's.
    expect((await ok(READ, { l: 'vi' })).publicTextCorrections).toEqual([
      expect.objectContaining({ key: 'contactTitle', text: 'Liên lạc với Học khu' }),
    ]);
    expect((await ok(READ, { l: 'so' })).publicTextCorrections).toEqual([]);
    expect(
      (await ok(READ, { l: null }, admin)).publicTextCorrections.map((c: Json) => `${c.language}.${c.key}`),
    ).toEqual(['ar.attachHint', 'vi.contactTitle']);
    // The language left out (as the portal's editor asks) is every language too, not a refusal.
    expect(
      (await ok('{ publicTextCorrections { language key } }', {}, admin)).publicTextCorrections.map(
        (c: Json) => `${c.language}.${c.key}`,
      ),
    ).toEqual(['ar.attachHint', 'vi.contactTitle']);

    // A second correction of the same string replaces the first.
    await ok(CORRECT, { l: 'vi', k: 'contactTitle', t: 'Liên hệ học khu' }, admin);
    const [row] = (await suite.database.dataSource.query(
      "SELECT text, updated_by FROM public_text_correction WHERE language = 'vi' AND key = 'contactTitle'",
    )) as { text: string; updated_by: string }[];
    expect(row).toEqual({ text: 'Liên hệ học khu', updated_by: admin.subject });

    expect((await ok(RESET, { l: 'vi', k: 'contactTitle' }, admin)).resetPublicText).toBe(true);
    expect((await ok(RESET, { l: 'vi', k: 'contactTitle' }, admin)).resetPublicText).toBe(false);
    expect((await ok(READ, { l: 'vi' })).publicTextCorrections).toEqual([]);
  });

  it('refuses what would break the pages, with a reason, and keeps nothing of it', async () => {
    const refused = [
      [{ l: 'fr', k: 'send', t: 'Envoyer' }, 'PUBLIC_TEXT_UNKNOWN_LANGUAGE'],
      [{ l: 'es', k: 'sendNow', t: 'Enviar' }, 'PUBLIC_TEXT_UNKNOWN_KEY'],
      [{ l: 'es', k: 'send', t: '  ' }, 'PUBLIC_TEXT_EMPTY'],
      [{ l: 'es', k: 'send', t: 'x'.repeat(301) }, 'PUBLIC_TEXT_TOO_LONG'],
      [{ l: 'ht', k: 'fileTooLarge', t: '{name} twò gwo.' }, 'PUBLIC_TEXT_PLACEHOLDERS'],
      [{ l: 'zh', k: 'send', t: '发送 {name}' }, 'PUBLIC_TEXT_PLACEHOLDERS'],
    ] as const;
    for (const [variables, reason] of refused) {
      expect([variables.k, await refusal(CORRECT, variables)]).toEqual([
        variables.k,
        expect.objectContaining({ code: 'BAD_USER_INPUT', reason }),
      ]);
    }
    expect(await refusal(RESET, { l: 'xx', k: 'send' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PUBLIC_TEXT_UNKNOWN_LANGUAGE',
    });
    expect(await refusal(READ, { l: 'klingon' }, ANONYMOUS)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PUBLIC_TEXT_UNKNOWN_LANGUAGE',
    });
    expect(
      await suite.database.dataSource.query(
        "SELECT key FROM public_text_correction WHERE key IN ('send', 'sendNow', 'fileTooLarge')",
      ),
    ).toEqual([]);
  });

  it('lets only the district’s administrators correct or reset the words', async () => {
    const schoolAdmin = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId });
    const variables = { l: 'es', k: 'send', t: 'Mandar' };
    expect(await refusal(CORRECT, variables, schoolAdmin)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(CORRECT, variables, ANONYMOUS)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(RESET, { l: 'es', k: 'send' }, schoolAdmin)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(READ, { l: 'es' })).publicTextCorrections).toEqual([]);
  });
});
