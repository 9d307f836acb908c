/**
 * Incoming texts (issue 22): Twilio's signed webhook against the cases service as production runs it (its
 * own migrated database, the real broker, a loopback Twilio), 8 requests in flight, as a busy morning sends
 * them: first texts from 1,000 numbers (each a new case, triaged and routed), the same numbers' second texts
 * (each joining its conversation), and the provider's retries of texts already taken. Beside them, the web
 * form's `submitInquiry` on the same service, for the ratio.
 */
// The cases suites' harness starts the service exactly as its integration tests see it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTextingCasesApp } from '../../apps/cases/src/testing/cases-test-app';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

const NUMBERS = Number(process.env['BENCH_SMS_NUMBERS'] ?? 1_000);
const IN_FLIGHT = 8;

/** Runs `count` requests, `IN_FLIGHT` at a time; their latencies (ms) and the throughput. */
async function load(count: number, request: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        const index = next++;
        const at = process.hrtime.bigint();
        await request(index);
        latencies.push(Number(process.hrtime.bigint() - at) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { latencies, perSecond: count / seconds };
}

const round = (value: number) => Math.round(value * 10) / 10;
const row = (variant: string, { latencies, perSecond }: Awaited<ReturnType<typeof load>>): BenchmarkRow => ({
  variant,
  requests: latencies.length,
  'per second': round(perSecond),
  'p50 ms': round(percentile(latencies, 50)),
  'p95 ms': round(percentile(latencies, 95)),
  'p99 ms': round(percentile(latencies, 99)),
});

export async function smsWebhookBenchmark(): Promise<BenchmarkReport> {
  const texting = await startTextingCasesApp('bench_sms_webhook', { LOG_LEVEL: 'error' });
  const { cases, twilio, webhook } = texting;
  try {
    const number = (index: number) => `+1512${String(6_000_000 + index).padStart(7, '0')}`;
    const expectOk = (status: number) => {
      if (status !== 200) throw new Error(`the webhook answered ${status}`);
    };
    // Warm-up: the first requests compile the routes' code and fill the pools.
    for (let index = 0; index < 20; index += 1)
      expectOk(
        (await twilio.text(webhook, { from: `+1737555${String(1000 + index)}`, body: 'Warm-up.' })).status,
      );

    const sids: string[] = [];
    const first = await load(NUMBERS, async (index) => {
      const answer = await twilio.text(webhook, {
        from: number(index),
        body: `Good morning, my son in room ${index % 40} missed the bus at Elm and 5th today.`,
      });
      expectOk(answer.status);
      sids[index] = answer.sid;
    });
    const second = await load(NUMBERS, async (index) =>
      expectOk(
        (
          await twilio.text(webhook, {
            from: number(index),
            body: 'He is at the front office now, thank you.',
          })
        ).status,
      ),
    );
    const retries = await load(NUMBERS, async (index) =>
      expectOk(
        (
          await twilio.post(
            webhook,
            twilio.inboundRequest({
              from: number(index),
              body: `Good morning, my son in room ${index % 40} missed the bus at Elm and 5th today.`,
              sid: sids[index],
            }).params,
          )
        ).status,
      ),
    );
    const form = await load(NUMBERS, async (index) => {
      const result = await cases.graphql(
        'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber } }',
        {
          input: {
            message: `Good morning, my son in room ${index % 40} missed the bus at Elm and 5th today.`,
            requester: { name: 'A parent', phone: number(NUMBERS + index) },
          },
        },
        { kind: 'anonymous' },
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    });
    const [{ cases: opened, messages }] = (await cases.database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM support_case WHERE channel = 'SMS') AS cases,
              (SELECT count(*)::int FROM case_message m JOIN support_case c ON c.id = m.case_id WHERE c.channel = 'SMS') AS messages`,
    )) as [{ cases: number; messages: number }];
    if (opened !== NUMBERS + 20 || messages !== 2 * NUMBERS + 20)
      throw new Error(
        `expected ${NUMBERS + 20} text cases and ${2 * NUMBERS + 20} messages, found ${opened} and ${messages}`,
      );
    return {
      name: 'sms-webhook',
      description: `Twilio's signed incoming-message webhook on the cases service as production runs it (NODE_ENV=production, its own migrated PostgreSQL database, the real Kafka broker, a loopback Twilio), ${IN_FLIGHT} requests in flight from the benchmark's own process: ${NUMBERS.toLocaleString('en')} numbers' first texts, their second texts, the provider's retries of the first ones, and the web form's submitInquiry on the same service.`,
      command: 'npm run bench -- sms-webhook',
      rows: [
        row(
          'first text from a number: a new case (signature, parse, language, triage, routing, write)',
          first,
        ),
        row("a number's next text: joins its conversation", second),
        row('a retried webhook of a text already taken (nothing written)', retries),
        row('the web form: submitInquiry on the same service, for comparison', form),
      ],
      ratios: {
        'first texts per second / web-form inquiries per second': round(first.perSecond / form.perSecond),
      },
      notes: [
        `Checked after the run: ${opened.toLocaleString('en')} cases by text and ${messages.toLocaleString('en')} text messages, as sent (the retries added none).`,
        'The service, PostgreSQL, Kafka and the benchmark share the machine’s two cores.',
      ],
    };
  } finally {
    await texting.close();
  }
}
