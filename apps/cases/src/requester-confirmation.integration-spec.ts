import { randomUUID } from 'node:crypto';
import { ANONYMOUS, staffPrincipal } from '@homeroom/platform/auth';
import { inTransaction } from '@homeroom/platform/database';
import { waitUntil } from '@homeroom/platform/testing';
import { RequesterConfirmationService } from '@homeroom/cases/data-access';
import { contactKey } from '@homeroom/directory/contracts';
// The development mail catcher stands in for the district's SMTP relay, as it does on a developer's machine.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type MailCatcher, startMailCatcher } from '../../../tools/mail-catcher/mail-catcher';
import { startCasesApp, type CasesTestApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

/**
 * Whoever types a guardian's address into the public form is not taken for that guardian (issue 16, defect
 * 10; ADR 19): the directory person the address matches is a candidate, staff see it as unconfirmed, and a
 * one-time link mailed to the address makes them the requester when its owner follows it.
 */
describe('requester confirmation', () => {
  let cases: CasesTestApp;
  let catcher: MailCatcher;
  const guardian = randomUUID();
  const address = 'ana.ruiz@family.test';
  const admin = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const CASE =
    'query($n: String) { case(number: $n) { requester { id } requesterCandidate { id } timeline { kind } } }';
  const CONFIRM = 'mutation($t: String!) { confirmRequester(token: $t) { caseNumber } }';

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    cases = await startCasesApp('cases-confirmation', {
      SMTP_OUTBOUND_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
      PORTAL_URL: 'https://portal.riverside.test/',
    });
    // The directory's guardian with that address, as its events leave them in the read model.
    await cases.database.dataSource.query(
      `INSERT INTO known_person (id, kind, school_ids, active, contact_keys) VALUES ($1, 'GUARDIAN', '{}', true, ARRAY[$2])`,
      [guardian, contactKey(address)],
    );
  });

  afterAll(async () => {
    await cases?.close();
    await catcher?.close();
  });

  async function submitAs(email: string): Promise<string> {
    const result = await cases.graphql(
      'mutation($e: String) { submitInquiry(input: { message: "When does the bus come?", requester: { email: $e } }) { caseNumber } }',
      { e: email },
      ANONYMOUS,
    );
    expect(result.errors).toBeUndefined();
    return result.data.submitInquiry.caseNumber;
  }

  /** The link mailed for a case, once the service's consumer has sent it. */
  async function mailedLink(caseNumber: string): Promise<string> {
    let link: string | undefined;
    await waitUntil(
      `the confirmation mail for ${caseNumber}`,
      async () => {
        const mail = catcher.messages().find((m) => m.subject.includes(caseNumber));
        link =
          mail &&
          /https:\/\/portal\.riverside\.test\/contact\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
        return Boolean(link);
      },
      { timeoutMs: 60_000 },
    );
    return link!;
  }

  it('keeps the typed address’s owner a candidate, asks them by mail, and makes them the requester when they confirm', async () => {
    const number = await submitAs('Ana.Ruiz@Family.test');
    const before = (await cases.graphql(CASE, { n: number }, admin)).data.case;
    expect([before.requester, before.requesterCandidate]).toEqual([null, { id: guardian }]);

    const token = await mailedLink(number);
    const mail = catcher.messages().find((m) => m.subject.includes(number))!;
    expect(mail.envelope.to).toEqual([address]);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');

    const confirmed = await cases.graphql(CONFIRM, { t: token }, ANONYMOUS);
    expect(confirmed.data.confirmRequester).toEqual({ caseNumber: number });
    const after = (await cases.graphql(CASE, { n: number }, admin)).data.case;
    expect([after.requester, after.requesterCandidate]).toEqual([{ id: guardian }, null]);
    expect(after.timeline.map((t: Json) => t.kind)).toEqual(
      expect.arrayContaining(['REQUESTER_MATCHED', 'REQUESTER_CONFIRMATION_SENT', 'REQUESTER_CONFIRMED']),
    );

    // One use per link; a made-up one opens nothing.
    for (const t of [token, 'x'.repeat(43)]) {
      const again = await cases.graphql(CONFIRM, { t }, ANONYMOUS);
      expect(again.errors[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CONFIRMATION_LINK_NOT_FOUND',
      });
    }
  });

  it('refuses a link older than its fortnight, leaving the candidate unconfirmed', async () => {
    const number = await submitAs(address);
    const token = await mailedLink(number);
    await cases.database.dataSource.query(
      `UPDATE case_requester_confirmation_link SET created_at = now() - interval '15 days'
        WHERE case_id = (SELECT id FROM support_case WHERE number = $1)`,
      [number],
    );
    const late = await cases.graphql(CONFIRM, { t: token }, ANONYMOUS);
    expect(late.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONFIRMATION_LINK_EXPIRED',
    });
    const still = (await cases.graphql(CASE, { n: number }, admin)).data.case;
    expect([still.requester, still.requesterCandidate]).toEqual([null, { id: guardian }]);
  });

  it('keeps the first link working when the mail is sent again after its batch was undone', async () => {
    const number = await submitAs(address);
    const first = await mailedLink(number);
    // What the consumer does when its batch is undone after the mail server took the mail: it asks again.
    const [[{ id }]] = await cases.database.dataSource.query(
      'UPDATE support_case SET requester_confirmation_sent_at = NULL WHERE number = $1 RETURNING id',
      [number],
    );
    await inTransaction(cases.database.dataSource, (manager) =>
      cases.app.get(RequesterConfirmationService).ask(id, manager),
    );
    const links = catcher
      .messages()
      .filter((m) => m.subject.includes(number))
      .map((m) => /\/contact\/confirm\/([A-Za-z0-9_-]+)/.exec(m.text ?? '')?.[1]);
    const second = links.find((link) => link !== first);
    expect(links).toHaveLength(2);
    expect(links).toContain(first);
    expect(second).toBeDefined();

    const confirmed = await cases.graphql(CONFIRM, { t: first }, ANONYMOUS);
    expect(confirmed.data?.confirmRequester).toEqual({ caseNumber: number });
    // Both were spent with the confirmation.
    const spent = await cases.graphql(CONFIRM, { t: second }, ANONYMOUS);
    expect(spent.errors[0].extensions).toMatchObject({ reason: 'CONFIRMATION_LINK_NOT_FOUND' });
  });

  it('mails nobody for an address the directory does not know', async () => {
    const number = await submitAs('someone.new@family.test');
    const opened = (await cases.graphql(CASE, { n: number }, admin)).data.case;
    expect([opened.requester, opened.requesterCandidate]).toEqual([null, null]);
    // The other cases' mails have arrived by now; this one's never does.
    await mailedLink(await submitAs(address));
    expect(catcher.messages().some((m) => m.subject.includes(number))).toBe(false);
  });
});
