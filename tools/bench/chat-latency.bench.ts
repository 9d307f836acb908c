/**
 * Web chat's delivery latency (issue's done-when: "p50/p99 with 500 open chats"): the whole platform as the
 * end-to-end suite starts it, 500 chats opened through the gateway as the widget opens them (`startChat`),
 * each followed on the gateway's /chat/events by the widget's own client, then a member of staff replying to
 * a random chat through the gateway's GraphQL (`replyToCase`) at a steady rate, and then to every chat at
 * once. Delivery is the time from sending the mutation to the reply's event on that chat's stream
 * (correlated by the message id the mutation returns); every stream must see every message exactly once.
 * Beside it, the widget script's size as the gateway serves it.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ChatClient, type ChatMessage } from '@homeroom/cases/chat-client';
import { signInThroughPortal, waitUntil } from '@homeroom/platform/testing';
// The end-to-end suite's harness starts the platform exactly as its tests see it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startPlatform, type RunningPlatform } from '../../apps/platform-e2e/src/support/running-platform';
import { percentile } from './stats';
import type { BenchmarkReport, BenchmarkRow } from './report';

const CHATS = Number(process.env['BENCH_CHAT_CHATS'] ?? 500);
const REPLIES = Number(process.env['BENCH_CHAT_REPLIES'] ?? 2_000);
const PER_SECOND = Number(process.env['BENCH_CHAT_PER_SECOND'] ?? 20);
/** Replies sent at once in the burst phase, one each to as many chats (0: no burst). */
const BURST = Math.min(CHATS, Number(process.env['BENCH_CHAT_BURST'] ?? CHATS));
const WARM_UP = Math.min(50, REPLIES);
const SLOW_MS = 250;
const SLOW_WINDOW_S = 10;
const START_IN_FLIGHT = 8;
/** The issue's limit for the widget's script, gzipped. */
const WIDGET_GZIP_LIMIT_BYTES = 30 * 1024;
const ADMIN = { email: 'admin@homeroom.test', password: 'homeroom-demo' };

/** One family's tab: its chat and what its stream has delivered, by message id. */
interface Follower {
  index: number;
  token: string;
  caseNumber: string;
  caseId: string;
  openedAt: number;
  firstMessageAt?: number;
  /** How many times each message id arrived on this stream. */
  received: Map<string, number>;
  /** When each message id first arrived (performance.now()). */
  arrivedAt: Map<string, number>;
  /** What the stream had sent before any reply: the family's own first message. */
  baseline: Set<string>;
  disconnects: number;
  gone: boolean;
  stop?: () => void;
}

interface Reply {
  phase: 'warm-up' | 'steady' | 'burst';
  chat: number;
  sentAt: number;
  answeredAt?: number;
  id?: string;
  error?: string;
}

export async function chatLatencyBenchmark(): Promise<BenchmarkReport> {
  const platform = await startPlatform({
    gatewayOverrides: {
      // 500 families start chats from one address here; staff send more than a person would type.
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000',
      RATE_LIMIT_USER_PER_MINUTE: '10000000',
      LOG_LEVEL: 'error',
    },
  });
  const followers: Follower[] = [];
  try {
    await platform.settle(180_000);
    const widget = await widgetScript(platform);
    const rssBefore = await casesRssMiB(platform);
    const client = new ChatClient(platform.origin);

    // Families open their chats, START_IN_FLIGHT at a time, as the widget does.
    const schools = await schoolIds(platform);
    const startLatencies: number[] = [];
    const opened: { caseNumber: string; trackingToken: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: START_IN_FLIGHT }, async () => {
        while (next < CHATS) {
          const index = next++;
          const sent = performance.now();
          opened[index] = await client.start({
            message: `Hello, this is family ${index}. Is the bus for room ${index % 40} running late today?`,
            language: 'en',
            schoolId: schools[index % schools.length] ?? null,
            requester: { name: `Parent ${index}` },
          });
          startLatencies.push(performance.now() - sent);
        }
      }),
    );

    // A portal token lasts 15 minutes: signed in again before each phase.
    let admin = await staffToken(platform);
    const caseIds = await chatCaseIds(platform, admin);
    for (const [index, chat] of opened.entries()) {
      const caseId = caseIds.get(chat.caseNumber);
      if (!caseId) throw new Error(`chat ${chat.caseNumber} is not among the CHAT cases`);
      followers.push({
        index,
        token: chat.trackingToken,
        caseNumber: chat.caseNumber,
        caseId,
        openedAt: 0,
        received: new Map(),
        arrivedAt: new Map(),
        baseline: new Set(),
        disconnects: 0,
        gone: false,
      });
    }

    // Every family's tab opens its stream at once; each must first show the family's own message.
    const streamsOpenedAt = performance.now();
    for (const follower of followers) {
      follower.openedAt = performance.now();
      follower.stop = client.follow(follower.token, {
        message: (message: ChatMessage) => {
          const at = performance.now();
          follower.received.set(message.id, (follower.received.get(message.id) ?? 0) + 1);
          if (!follower.arrivedAt.has(message.id)) follower.arrivedAt.set(message.id, at);
          follower.firstMessageAt ??= at;
        },
        ended: () => undefined,
        connection: (connected) => {
          if (!connected) follower.disconnects += 1;
        },
        gone: () => {
          follower.gone = true;
        },
      });
    }
    await waitUntil(
      `all ${CHATS} streams showing their first message`,
      async () => followers.every((follower) => follower.firstMessageAt !== undefined || follower.gone),
      { timeoutMs: 120_000, intervalMs: 50 },
    );
    const allStreamsOpenSeconds = (performance.now() - streamsOpenedAt) / 1_000;
    const gone = followers.filter((follower) => follower.gone).length;
    if (gone) throw new Error(`${gone} streams were refused as unknown chats`);
    for (const follower of followers) for (const id of follower.received.keys()) follower.baseline.add(id);
    const rssStreamsOpen = await casesRssMiB(platform);

    // Staff answer: a warm-up, then REPLIES at PER_SECOND to random chats, then BURST at once.
    const replies: Reply[] = [];
    const reply = async (phase: Reply['phase'], chat: number, sequence: number): Promise<void> => {
      const record: Reply = { phase, chat, sentAt: performance.now() };
      replies.push(record);
      try {
        const response = await fetch(`${platform.origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
          body: JSON.stringify({
            query:
              'mutation Reply($id: ID!, $body: String!) { replyToCase(caseId: $id, body: $body) { id } }',
            variables: {
              id: followers[chat]!.caseId,
              body: `Thanks for waiting (${phase} ${sequence}): the bus is ten minutes behind and on its way.`,
            },
          }),
        });
        const answer = (await response.json()) as {
          data?: { replyToCase: { id: string } };
          errors?: unknown;
        };
        record.answeredAt = performance.now();
        if (!response.ok || answer.errors || !answer.data)
          record.error = `${response.status} ${JSON.stringify(answer.errors ?? answer)}`;
        else record.id = answer.data.replyToCase.id;
      } catch (error) {
        record.error = String(error);
      }
    };
    const random = () => Math.floor(Math.random() * CHATS);

    await paced(WARM_UP, PER_SECOND, (sequence) => reply('warm-up', random(), sequence));
    await deliveredOrTimeout(followers, replies, 'warm-up');
    admin = await staffToken(platform);
    // The benchmark's own event loop: how late it could have noticed an event.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const loadBefore = loadavg()[0]!;
    const steadyRun = await paced(REPLIES, PER_SECOND, (sequence) => reply('steady', random(), sequence));
    await deliveredOrTimeout(followers, replies, 'steady');
    loopDelay.disable();
    const loadAfter = loadavg()[0]!;
    const rssAfterSteady = await casesRssMiB(platform);
    let burstSeconds = 0;
    if (BURST > 0) {
      // Quiet first, so that the burst starts from an idle platform.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      admin = await staffToken(platform);
      const started = performance.now();
      const chats = shuffled(CHATS).slice(0, BURST);
      await Promise.all(chats.map((chat, sequence) => reply('burst', chat, sequence)));
      await deliveredOrTimeout(followers, replies, 'burst');
      burstSeconds = (performance.now() - started) / 1_000;
    }
    const rssEnd = await casesRssMiB(platform);
    // Anything still on its way (a duplicate, a late reconnection's replay) has had its chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const check = exactlyOnce(followers, replies);
    const measure = (phase: Reply['phase']) => {
      const sent = replies.filter((record) => record.phase === phase);
      const answered = sent.filter((record) => record.id !== undefined);
      const delivery: number[] = [];
      const afterAnswer: number[] = [];
      let beforeAnswer = 0;
      // Replies slower than SLOW_MS, by SLOW_WINDOW_S-second window of the phase: spread out or clustered.
      const slowByWindow: number[] = [];
      const phaseStart = Math.min(...sent.map((record) => record.sentAt));
      for (const record of answered) {
        const at = followers[record.chat]!.arrivedAt.get(record.id!);
        if (at === undefined) continue;
        delivery.push(at - record.sentAt);
        afterAnswer.push(at - record.answeredAt!);
        if (at < record.answeredAt!) beforeAnswer += 1;
        const window = Math.floor((record.sentAt - phaseStart) / (SLOW_WINDOW_S * 1_000));
        while (slowByWindow.length <= window) slowByWindow.push(0);
        if (at - record.sentAt > SLOW_MS) slowByWindow[window]! += 1;
      }
      return {
        sent: sent.length,
        errors: sent.filter((record) => record.error !== undefined),
        mutation: answered.map((record) => record.answeredAt! - record.sentAt),
        delivery,
        afterAnswer,
        beforeAnswer,
        slowByWindow,
        missed: answered.length - delivery.length,
      };
    };
    const steady = measure('steady');
    const burst = measure('burst');
    const firstMessage = followers.map((follower) => follower.firstMessageAt! - follower.openedAt);
    const errors = [...measure('warm-up').errors, ...steady.errors, ...burst.errors];

    const rows: BenchmarkRow[] = [
      latencyRow(`startChat round trip (${START_IN_FLIGHT} in flight)`, startLatencies),
      latencyRow(`stream opened → its first message (${CHATS} streams opened at once)`, firstMessage),
      {
        ...latencyRow(
          `steady, ${PER_SECOND}/s to random chats: delivery (replyToCase sent → event on the chat's stream)`,
          steady.delivery,
        ),
        missed: steady.missed,
        errors: steady.errors.length,
      },
      latencyRow(`steady, ${PER_SECOND}/s: replyToCase round trip`, steady.mutation),
      latencyRow(
        `steady, ${PER_SECOND}/s: event arrival − mutation answer (negative: the event came first)`,
        steady.afterAnswer,
      ),
    ];
    if (BURST > 0)
      rows.push(
        {
          ...latencyRow(`burst, ${BURST} replies at once (one per chat): delivery`, burst.delivery),
          missed: burst.missed,
          errors: burst.errors.length,
        },
        latencyRow(`burst, ${BURST} at once: replyToCase round trip`, burst.mutation),
        latencyRow(`burst, ${BURST} at once: event arrival − mutation answer`, burst.afterAnswer),
      );

    const overrides = [
      ['BENCH_CHAT_CHATS', CHATS, 500],
      ['BENCH_CHAT_REPLIES', REPLIES, 2_000],
      ['BENCH_CHAT_PER_SECOND', PER_SECOND, 20],
      ['BENCH_CHAT_BURST', BURST, CHATS],
    ]
      .filter(([, value, standard]) => value !== standard)
      .map(([name, value]) => `${name}=${value} `)
      .join('');
    return {
      name: 'chat-latency',
      description: `Web chat delivery with ${CHATS} open chats, on the whole platform started as the end-to-end suite starts it (every service in its own process, real PostgreSQL and Kafka, the gateway in production mode). ${CHATS} chats opened through the gateway's startChat and followed on its /chat/events by the widget's own client (ChatClient.follow), one stream each; then a district administrator replies through the gateway's replyToCase to a random chat, ${REPLIES.toLocaleString('en')} replies at a steady ${PER_SECOND}/s${BURST > 0 ? `, and then ${BURST} replies at once, one to each of ${BURST} chats` : ''}. Delivery is from sending the mutation to the reply's event arriving on that chat's stream, matched by the message id the mutation returns.`,
      command: `${overrides}npm run bench -- chat-latency`,
      rows,
      ratios: {
        'steady: share of replies whose event arrived before their mutation answered':
          steady.beforeAnswer / Math.max(1, steady.delivery.length),
        'steady: delivery p50 / replyToCase p50':
          percentile(steady.delivery, 50) / percentile(steady.mutation, 50),
        'chat widget script, gzip bytes / the 30 KiB limit': widget.gzipBytes / WIDGET_GZIP_LIMIT_BYTES,
      },
      notes: [
        `Exactly once: ${check.streams} streams received ${check.delivered.toLocaleString('en')} of the ${check.expected.toLocaleString('en')} replies sent to them (warm-up included); duplicates ${check.duplicates}, missed ${check.missed}, delivered to another chat's stream ${check.misdirected}, other messages ${check.other}; stream disconnections ${check.disconnects}.${errors.length ? ` Mutation errors: ${errors.length} (first: ${errors[0]!.error}).` : ' No mutation failed.'}`,
        `Achieved rates: steady ${round(steady.sent / steadyRun.seconds)} replies/s over ${round(steadyRun.seconds)} s (after ${WARM_UP} warm-up replies, not in the figures)${BURST > 0 ? `; the burst's ${BURST} replies were all sent, answered and delivered in ${round(burstSeconds)} s` : ''}. All ${CHATS} streams showed their first message ${round(allStreamsOpenSeconds)} s after they were opened.`,
        `Steady replies delivered in more than ${SLOW_MS} ms, by ${SLOW_WINDOW_S}-second window: ${steady.slowByWindow.join(', ')}. The benchmark process's event-loop delay over the steady phase: p99 ${round(loopDelay.percentile(99) / 1e6)} ms, max ${round(loopDelay.max / 1e6)} ms. Machine load average (1 min): ${loadBefore.toFixed(2)} as the steady phase began, ${loadAfter.toFixed(2)} as it ended (other work shared the machine).`,
        `Cases service resident memory (its process_resident_memory_bytes): ${rssBefore} MiB before the chats, ${rssStreamsOpen} MiB with the ${CHATS} streams open, ${rssAfterSteady} MiB after the steady phase, ${rssEnd} MiB at the end.`,
        `Chat widget script (/chat/widget.js through the gateway, ${widget.encoding ?? 'sent uncompressed'}): ${widget.bytes.toLocaleString('en')} bytes, ${widget.gzipBytes.toLocaleString('en')} bytes gzipped (level 9), against the issue's 30 KB gzip limit (${WIDGET_GZIP_LIMIT_BYTES.toLocaleString('en')} bytes).`,
        `The benchmark's own process (the ${CHATS} streams' reads, the mutations), the gateway, the four services, PostgreSQL and Kafka share the machine's two cores: the latencies include the client's own event-loop delay and everything else running on the machine.`,
        `The gateway’s anonymous and per-person rate limits are raised for the run (${CHATS} families from one address; the steady phase alone stays under the default 3,000 operations a minute per person).`,
      ],
    };
  } finally {
    for (const follower of followers) follower.stop?.();
    await platform.stop();
  }
}

/** Sends `count` at `perSecond` on schedule, whether or not earlier ones have answered (an open loop). */
async function paced(
  count: number,
  perSecond: number,
  send: (sequence: number) => Promise<void>,
): Promise<{ seconds: number }> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let sequence = 0; sequence < count; sequence += 1) {
    const wait = started + (sequence * 1_000) / perSecond - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(sequence));
  }
  await Promise.all(inFlight);
  return { seconds: (performance.now() - started) / 1_000 };
}

/** Waits (at most a minute) until every answered reply of the phase has arrived on its chat's stream. */
async function deliveredOrTimeout(followers: Follower[], replies: Reply[], phase: Reply['phase']) {
  const pending = () =>
    replies.filter(
      (record) => record.phase === phase && record.id && !followers[record.chat]!.arrivedAt.has(record.id),
    ).length;
  await waitUntil(`every ${phase} reply delivered`, async () => pending() === 0, {
    timeoutMs: 60_000,
    intervalMs: 20,
  }).catch(() => undefined);
}

/** What each stream received against what was sent to its chat. */
function exactlyOnce(followers: Follower[], replies: Reply[]) {
  const chatOf = new Map<string, number>();
  for (const record of replies) if (record.id) chatOf.set(record.id, record.chat);
  let expected = 0;
  let delivered = 0;
  let duplicates = 0;
  let misdirected = 0;
  let other = 0;
  for (const follower of followers) {
    for (const [id, count] of follower.received) {
      duplicates += count - 1;
      const chat = chatOf.get(id);
      if (chat === undefined) {
        if (!follower.baseline.has(id)) other += 1;
      } else if (chat !== follower.index) misdirected += 1;
    }
  }
  for (const record of replies) {
    if (!record.id) continue;
    expected += 1;
    if (followers[record.chat]!.received.has(record.id)) delivered += 1;
  }
  return {
    streams: followers.length,
    expected,
    delivered,
    missed: expected - delivered,
    duplicates,
    misdirected,
    other,
    disconnects: followers.reduce((sum, follower) => sum + follower.disconnects, 0),
  };
}

async function widgetScript(platform: RunningPlatform) {
  const response = await fetch(`${platform.origin}/chat/widget.js`);
  if (!response.ok) throw new Error(`/chat/widget.js answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  return {
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
    encoding: response.headers.get('content-encoding'),
  };
}

async function casesRssMiB(platform: RunningPlatform): Promise<number> {
  const metrics = await (await fetch(new URL('/metrics', platform.subgraphUrls.cases))).text();
  const bytes = Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\S+)$/m.exec(metrics)?.[1]);
  return Math.round(bytes / 2 ** 20);
}

async function staffToken(platform: RunningPlatform): Promise<string> {
  const answer = await signInThroughPortal(platform.issuer, ADMIN.email, ADMIN.password);
  const token = answer['access_token'];
  if (!token) throw new Error(`no staff token: ${JSON.stringify(answer)}`);
  return token;
}

async function graphql<Data>(
  platform: RunningPlatform,
  query: string,
  variables: object,
  token?: string,
): Promise<Data> {
  const response = await fetch(`${platform.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: Data; errors?: unknown };
  if (!response.ok || answer.errors || !answer.data)
    throw new Error(`${response.status}: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data;
}

async function schoolIds(platform: RunningPlatform): Promise<string[]> {
  const data = await graphql<{ schools: { edges: { node: { id: string } }[] } }>(
    platform,
    '{ schools(first: 12) { edges { node { id } } } }',
    {},
  );
  return data.schools.edges.map((edge) => edge.node.id);
}

/** Every chat case's id by its number, as staff see them (startChat gives the family only the number). */
async function chatCaseIds(platform: RunningPlatform, token: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let after: string | null = null;
  for (;;) {
    const data: {
      cases: {
        edges: { node: { id: string; number: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await graphql(
      platform,
      'query Chats($after: String) { cases(filter: { channel: CHAT }, first: 100, after: $after) { edges { node { id number } } pageInfo { hasNextPage endCursor } } }',
      { after },
      token,
    );
    for (const edge of data.cases.edges) ids.set(edge.node.number, edge.node.id);
    if (!data.cases.pageInfo.hasNextPage) return ids;
    after = data.cases.pageInfo.endCursor;
  }
}

function shuffled(count: number): number[] {
  const items = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

function latencyRow(variant: string, sample: number[]): BenchmarkRow {
  return {
    variant,
    samples: sample.length,
    'p50 ms': round(percentile(sample, 50)),
    'p95 ms': round(percentile(sample, 95)),
    'p99 ms': round(percentile(sample, 99)),
    'max ms': round(Math.max(...sample)),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
