import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmailIntakeService, type EmailOutcome } from '@homeroom/cases/data-access';
import { startCasesApp, type CasesTestApp } from './testing/cases-test-app';

/**
 * Published mail is not committed here (data fetched from other repositories stays outside the project):
 * the corpus is a folder of .eml files with a manifest.json naming each file's source, commit, licence and
 * expected class. `MAIL_CORPUS_DIR=<folder> npm run test:mail-corpus` replays it.
 */
const CORPUS = process.env['MAIL_CORPUS_DIR'] ?? '';
if (!CORPUS || !existsSync(join(CORPUS, 'manifest.json'))) {
  throw new Error(
    'Set MAIL_CORPUS_DIR to a mail corpus folder with a manifest.json (see the header of this file)',
  );
}

interface CorpusEntry {
  file: string;
  repo: string;
  expected: 'case' | 'ignored';
  reason: string | null;
  notes?: string;
}

/** The manifest's classes, as the intake names its quarantine reasons. */
const REASONS: Record<string, string> = {
  'auto-reply': 'AUTO_REPLY',
  'delivery-report': 'DELIVERY_REPORT',
  'read-receipt': 'READ_RECEIPT',
  'abuse-report': 'ABUSE_REPORT',
  'mailing-list': 'MAILING_LIST',
  bulk: 'BULK',
  'no-sender': 'NO_SENDER',
};

/** What the final mail server recorded as MAIL FROM (Return-Path), as our SMTP listener would see it. */
function envelopeSenderOf(raw: Buffer): string | undefined {
  const header = raw
    .subarray(0, Math.max(0, raw.indexOf('\n\n') >= 0 ? raw.indexOf('\n\n') : raw.length))
    .toString('latin1');
  // `Return-Path: <a@b>`, `<>`, or (some servers) a bare address.
  const returnPath = /^return-path:\s*<?([^>\s]*)>?/im.exec(header);
  return returnPath ? returnPath[1]!.trim() : undefined;
}

function classOf(outcome: EmailOutcome): string {
  if (outcome.kind === 'quarantined') return `ignored ${outcome.reason}`;
  return 'case';
}

/**
 * Published mail from mail libraries' own test corpora (corpus/README.md names each source, commit and
 * licence), replayed against the intake: each message is taken as the class its manifest gives (a case, or
 * kept in the quarantine for that reason), none is refused with an error (the 451 a sender would retry
 * for days), and none is lost.
 */
describe('the published mail corpus', () => {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as CorpusEntry[];
  let cases: CasesTestApp;
  let intake: EmailIntakeService;

  beforeAll(async () => {
    cases = await startCasesApp('email-corpus');
    intake = cases.app.get(EmailIntakeService);
  });
  afterAll(() => cases?.close());

  it('holds at least 150 messages from several libraries, each with its source', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(150);
    expect(new Set(manifest.map((entry) => entry.repo)).size).toBeGreaterThanOrEqual(3);
  });

  it('takes every message (none refused, none lost) and as its class nearly always', async () => {
    const results: { file: string; expected: string; got: string }[] = [];
    const outcomes: EmailOutcome[] = [];
    for (const entry of manifest) {
      const raw = readFileSync(join(CORPUS, entry.file));
      const sender = envelopeSenderOf(raw);
      let got: string;
      try {
        const outcome = await intake.receive(raw, {
          ...(sender !== undefined ? { sender } : {}),
          recipients: ['talk@homeroom.test'],
        });
        outcomes.push(outcome);
        got = classOf(outcome);
      } catch (error) {
        got = `error ${(error as Error).message}`;
      }
      const expected =
        entry.expected === 'case' ? 'case' : `ignored ${REASONS[entry.reason ?? ''] ?? entry.reason}`;
      results.push({ file: entry.file, expected, got });
    }
    const tally = (classes: string[]) =>
      classes.reduce<Record<string, number>>((all, name) => ({ ...all, [name]: (all[name] ?? 0) + 1 }), {});
    const differing = results.filter((result) => result.got !== result.expected);
    process.stdout.write(
      [
        `corpus: ${results.length} messages`,
        `taken as: ${JSON.stringify(tally(results.map((result) => result.got)))}`,
        `labelled: ${JSON.stringify(tally(results.map((result) => result.expected)))}`,
        `differing from the label (${differing.length}):`,
        ...differing.map((result) => `  ${result.file}: labelled ${result.expected}, taken as ${result.got}`),
        '',
      ].join('\n'),
    );
    // No 451 a sender would retry for days, and nothing dropped: each message is a case or a kept row.
    expect(results.filter((result) => result.got.startsWith('error'))).toEqual([]);
    const keptIds = new Set(
      outcomes.flatMap((outcome) => (outcome.kind === 'quarantined' ? [outcome.id] : [])),
    );
    const taken = outcomes.filter(
      (outcome) => outcome.kind === 'created' || outcome.kind === 'threaded',
    ).length;
    const again = outcomes.filter((outcome) => outcome.kind === 'duplicate').length;
    const [{ kept, messages }] = await cases.database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM quarantined_email) AS kept,
              (SELECT count(*)::int FROM case_message WHERE direction = 'INBOUND') AS messages`,
    );
    expect({ kept, messages }).toEqual({ kept: keptIds.size, messages: taken });
    process.stdout.write(
      `kept ${kept}, case messages ${messages}, second deliveries ${again + (outcomes.length - taken - again - keptIds.size)}\n`,
    );
    // The labels are a person's judgement of each message; the intake agrees on nearly all of them.
    expect(differing.length / results.length).toBeLessThanOrEqual(0.02);
  }, 300_000);
});
