import { createServer, type Socket } from 'node:net';
import { signPrincipal, staffPrincipal } from '@homeroom/platform/auth';
import {
  clientCredentialsToken,
  CookieJar,
  freePort,
  PORTAL_REDIRECT_URI,
  signInThroughPortal,
  startFakeIdentityProvider,
  waitUntil,
} from '@homeroom/platform/testing';
import { ChatClient } from '@homeroom/cases/chat-client';
import { apiClient, subgraphCallsIn, type Json } from './support/api-client';
import { startPlatform, type RunningPlatform } from './support/running-platform';

/** The demo district's sign-ins, as `npm start` prints them. */
const ADMIN = { email: 'admin@homeroom.test', password: 'homeroom-demo' };
const VENDOR = { id: 'demo-vendor', secret: 'demo-vendor-secret' };
const AGENT_PASSWORD = 'a long agent passphrase';
const FAMILY_EMAIL = 'maria.gonzalez@family.test';
/** A district administrator's principal, signed with a secret that is not the platform's. */
const FORGED_ADMIN = signPrincipal(
  staffPrincipal('intruder', { role: 'DISTRICT_ADMIN', schoolId: null }),
  'a secret the platform does not hold, 32+ chars',
);

/**
 * Homeroom as districts and vendors meet it: every service and the gateway in their own processes, built
 * as they are deployed (`npm run build`, run by plain `node`), on the real PostgreSQL and Kafka, driven only through the public origin (GraphQL and sign-in), except where a
 * test goes around the gateway on purpose. The steps build on each other, in order, like one family's case.
 */
describe('Homeroom through its gateway', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof apiClient>;
  let adminToken: string;
  const story: Json = {};

  beforeAll(async () => {
    // The production build (`npm run build`), as the images run it: no transpiler, dist/apps/<app>/*.js.
    platform = await startPlatform({ compiled: true });
    api = apiClient(platform.origin);
    // The cases and surveys services know the demo district's schools, teams and people from its events.
    await platform.settle(180_000);
    adminToken = (await signInThroughPortal(platform.issuer, ADMIN.email, ADMIN.password))['access_token']!;
  }, 420_000);

  afterAll(() => platform?.stop(), 60_000);

  const vendorToken = async (scope: string) => {
    const token = await clientCredentialsToken(platform.issuer, VENDOR.id, VENDOR.secret, scope);
    expect(token.status).toBe(200);
    return token.body['access_token']!;
  };
  const data = (response: { status: number; body: Json }) => {
    if (response.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
    return response.body.data;
  };
  const errorCode = (response: { body: Json }) => response.body.errors?.[0]?.extensions?.code;

  it('gives a vendor a token by client credentials on the public origin, to page through schools and people', async () => {
    const token = await vendorToken('directory:read cases:read');
    const schools: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const page = await api(
        'query VendorSchools($after: String) { schools(first: 5, after: $after) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }',
        { after },
        { token },
      );
      expect(page.headers.get('ratelimit-limit')).toBe('1200');
      const { schools: connection } = data(page);
      totalCount = connection.totalCount;
      schools.push(...connection.edges.map((edge: Json) => edge.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(12);
    expect(new Set(schools).size).toBe(12);

    const people = async (cursor: string | null) =>
      data(
        await api(
          'query VendorPeople($after: String) { people(first: 100, after: $after) { totalCount edges { node { id kind } } pageInfo { hasNextPage endCursor } } }',
          { after: cursor },
          { token },
        ),
      ).people;
    const first = await people(null);
    const second = await people(first.pageInfo.endCursor);
    expect(first.totalCount).toBeGreaterThan(4_000);
    expect(first.edges).toHaveLength(100);
    const firstIds = new Set(first.edges.map((edge: Json) => edge.node.id));
    expect(second.edges.some((edge: Json) => firstIds.has(edge.node.id))).toBe(false);
  });

  it("routes a family's inquiry, sent without signing in, to its school's team, with SLA timers on the case", async () => {
    const schools = data(await api('{ schools(first: 12) { edges { node { id name } } } }')).schools.edges;
    story.school = schools[0].node;
    story.otherSchool = schools[1].node;
    const teamOf = async (schoolId: string) =>
      data(
        await api(
          'query($school: ID!) { teams(schoolId: $school) { id name members { person { id emails { address } } } } }',
          { school: schoolId },
          { token: adminToken },
        ),
      ).teams[0];
    story.team = await teamOf(story.school.id);
    const otherTeam = await teamOf(story.otherSchool.id);
    expect(story.team.members.length).toBeGreaterThan(0);

    data(
      await api(
        'mutation($school: ID!, $team: ID!) { createRoutingRule(name: "School front office", conditions: { schoolIds: [$school] }, actions: { teamId: $team }) { id } }',
        { school: story.school.id, team: story.team.id },
        { token: adminToken },
      ),
    );
    // Every member of the school's team may sign in; one of another school's team too.
    for (const member of [...story.team.members, otherTeam.members[0]])
      data(
        await api(
          'mutation($id: ID!, $password: String!) { setStaffPassword(personId: $id, password: $password) }',
          { id: member.person.id, password: AGENT_PASSWORD },
          { token: adminToken },
        ),
      );
    const signIn = async (member: Json) =>
      (await signInThroughPortal(platform.issuer, member.person.emails[0].address, AGENT_PASSWORD))[
        'access_token'
      ]!;
    story.otherAgentToken = await signIn(otherTeam.members[0]);

    const submitted = await api(
      'mutation Inquiry($input: SubmitInquiryInput!) { submitInquiry(input: $input) { caseNumber trackingToken } }',
      {
        input: {
          schoolId: story.school.id,
          subject: 'Bus 14 left without my son',
          message: 'The bus left five minutes early this morning and my son missed it. What happened?',
          requester: { name: 'Maria Gonzalez', email: FAMILY_EMAIL },
        },
      },
    );
    expect(submitted.status).toBe(200);
    story.caseNumber = data(submitted).submitInquiry.caseNumber;
    story.trackingToken = data(submitted).submitInquiry.trackingToken;

    // Routing chose one of the team; that agent signs in and sees the case with its SLA timers.
    let routed: Json;
    await waitUntil(
      'the case routed, with its SLA timers',
      async () => {
        routed = data(
          await api(
            'query($number: String!) { case(number: $number) { id school { name } team { id } assignee { id displayName } sla { firstResponse { status dueAt } resolution { status } } } }',
            { number: story.caseNumber },
            { token: adminToken },
          ),
        ).case;
        return Boolean(routed?.assignee && routed.sla?.firstResponse);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    // One answer joins three services: the case (cases), its school and assignee (directory), its timers (slas).
    expect(routed.school.name).toBe(story.school.name);
    expect(routed.assignee.displayName).toEqual(expect.any(String));
    expect(routed.team.id).toBe(story.team.id);
    const assignee = story.team.members.find((member: Json) => member.person.id === routed.assignee.id);
    expect(assignee).toBeDefined();
    expect(routed.sla.firstResponse.status).toBe('RUNNING');
    expect(routed.sla.resolution.status).toBe('RUNNING');
    story.caseId = routed.id;
    story.agentToken = await signIn(assignee);
    const seen = data(
      await api(
        'query($number: String!) { case(number: $number) { id } }',
        { number: story.caseNumber },
        {
          token: story.agentToken,
        },
      ),
    );
    expect(seen.case.id).toBe(story.caseId);
  });

  it('keeps the case from an agent of another school', async () => {
    const response = await api(
      'query($number: String!) { case(number: $number) { id subject } }',
      { number: story.caseNumber },
      { token: story.otherAgentToken },
    );
    expect(response.body.data?.case ?? null).toBeNull();
    if (response.body.errors) expect(errorCode(response)).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('meets first response when the agent replies, and emails the reply to the family', async () => {
    data(
      await api(
        'mutation($id: ID!, $body: String!) { replyToCase(caseId: $id, body: $body) { id } }',
        {
          id: story.caseId,
          body: 'I am sorry. The driver left early; we have spoken with him. Your son is marked present.',
        },
        { token: story.agentToken },
      ),
    );
    await waitUntil(
      'first response met',
      async () =>
        data(
          await api(
            'query($id: ID!) { case(id: $id) { sla { firstResponse { status metAt } } } }',
            { id: story.caseId },
            { token: story.agentToken },
          ),
        ).case.sla.firstResponse.status === 'MET',
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await waitUntil(
      'the reply in the family’s mailbox',
      () => platform.mail.messages().some((message) => message.to.includes(FAMILY_EMAIL)),
      { timeoutMs: 30_000 },
    );
  });

  it('lets the family track the case and reply by its token, without signing in', async () => {
    const tracked = data(
      await api('query($token: String!) { trackCase(token: $token) { number status messages { body } } }', {
        token: story.trackingToken,
      }),
    ).trackCase;
    expect(tracked.number).toBe(story.caseNumber);
    expect(tracked.messages.map((message: Json) => message.body).join('\n')).toContain(
      'The driver left early',
    );

    const replied = data(
      await api(
        'mutation($token: String!, $body: String!) { replyAsRequester(token: $token, body: $body) { messages { body } } }',
        { token: story.trackingToken, body: 'Thank you for checking.' },
      ),
    ).replyAsRequester;
    expect(replied.messages.map((message: Json) => message.body)).toContain('Thank you for checking.');
  });

  it('serves the chat widget from the built cases service, gzipped, and streams a chat live on the public origin', async () => {
    // The script districts paste into their sites: the production bundle, compressed, cacheable.
    const script = await fetch(`${platform.origin}/chat/widget.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    expect(await script.text()).toContain('homeroom-chat');

    const chats = new ChatClient(platform.origin);
    const chat = await chats.start({ message: 'Is the library open over the break?', language: 'en' });
    const received: string[] = [];
    const stop = chats.follow(chat.trackingToken, {
      message: (message) => received.push(message.body),
      ended: () => undefined,
      connection: () => undefined,
      gone: () => received.push('(gone)'),
    });
    try {
      await waitUntil('the first message on the stream', () => received.length === 1, { timeoutMs: 15_000 });
      const { case: supportCase } = data(
        await api(
          'query($n: String) { case(number: $n) { id channel chat { endedAt } } }',
          { n: chat.caseNumber },
          {
            token: adminToken,
          },
        ),
      );
      expect(supportCase).toMatchObject({ channel: 'CHAT', chat: { endedAt: null } });
      data(
        await api(
          'mutation($id: ID!) { replyToCase(caseId: $id, body: "Yes, 9 to 3 every weekday.") { id } }',
          { id: supportCase.id },
          { token: adminToken },
        ),
      );
      await waitUntil('the reply on the stream', () => received.length === 2, { timeoutMs: 15_000 });
      expect(received).toEqual(['Is the library open over the break?', 'Yes, 9 to 3 every weekday.']);
    } finally {
      stop();
    }
  });

  it('sends a satisfaction invitation when the case is resolved, and a low score opens a follow-up case', async () => {
    data(
      await api(
        'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
        { id: story.caseId },
        { token: story.agentToken },
      ),
    );
    let link: string | undefined;
    await waitUntil(
      'the satisfaction invitation in the family’s mailbox',
      () => {
        const invitation = platform.mail
          .messages()
          .find(
            (message) => message.to.includes(FAMILY_EMAIL) && /\/s\/[A-Za-z0-9_-]+/.test(message.text ?? ''),
          );
        link = /\/s\/([A-Za-z0-9_-]+)/.exec(invitation?.text ?? '')?.[1];
        return Boolean(link);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const survey = data(
      await api(
        'query($token: String!) { surveyByToken(token: $token) { state caseNumber questions { id kind } } }',
        {
          token: link,
        },
      ),
    ).surveyByToken;
    expect(survey.caseNumber).toBe(story.caseNumber);
    const scale = survey.questions.find((question: Json) => question.kind === 'SCALE');
    data(
      await api(
        'mutation($token: String!, $answers: [SurveyAnswerInput!]!) { submitSurveyResponse(token: $token, answers: $answers) { score } }',
        { token: link, answers: [{ questionId: scale.id, number: 2 }] },
      ),
    );

    let followUp: Json;
    await waitUntil(
      'the follow-up case',
      async () => {
        const cases = data(
          await api(
            'query($school: ID!) { cases(filter: { schoolId: $school }, first: 10) { edges { node { id number followUpOfId priority } } } }',
            { school: story.school.id },
            { token: story.agentToken },
          ),
        ).cases.edges;
        followUp = cases.find((edge: Json) => edge.node.followUpOfId === story.caseId)?.node;
        return Boolean(followUp);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(followUp.priority).toBe('HIGH');
  });

  it('refuses a change to a vendor token without cases:write', async () => {
    const readOnly = await vendorToken('cases:read');
    const response = await api(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: OPEN) { status } }',
      { id: story.caseId },
      { token: readOnly },
    );
    expect(errorCode(response)).toBe('FORBIDDEN');
    const unchanged = data(
      await api('query($id: ID!) { case(id: $id) { status } }', { id: story.caseId }, { token: readOnly }),
    );
    expect(unchanged.case.status).toBe('RESOLVED');
  });

  it('refuses depth, cost, alias and batching attacks with their codes, before calling any subgraph', async () => {
    const token = await vendorToken('directory:read cases:read');
    const before = subgraphCallsIn(await platform.gatewayMetrics());

    // A case's requester's cases' requester's cases…: 16 levels, where 12 are allowed.
    const nested = Array.from({ length: 3 }).reduce<string>(
      (inner) => `requester { cases { edges { node { ${inner} } } } }`,
      'id',
    );
    const deep = await api(`{ cases { edges { node { ${nested} } } } }`, {}, { token });
    expect(errorCode(deep)).toBe('QUERY_TOO_DEEP');
    const costly = await api(
      '{ people(first: 100) { edges { node { cases(first: 100) { edges { node { id subject } } } } } } }',
      {},
      { token },
    );
    expect(errorCode(costly)).toBe('QUERY_TOO_COSTLY');
    const aliases = Array.from({ length: 100 }, (_, index) => `s${index}: schools { totalCount }`).join(' ');
    expect(errorCode(await api(`{ ${aliases} }`, {}, { token }))).toBe('TOO_MANY_ALIASES');
    const batch = await fetch(`${platform.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ schools { totalCount } }' }))),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as Json).errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
    const anonymous = await api('{ cases { totalCount } }');
    expect(anonymous.status).toBe(401);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');

    expect(subgraphCallsIn(await platform.gatewayMetrics())).toBe(before);
  });

  it("refuses a request that reaches a subgraph without the gateway's trust, and drops a forged principal at the gateway", async () => {
    const direct = await fetch(platform.subgraphUrls.cases, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...FORGED_ADMIN },
      body: JSON.stringify({ query: '{ cases { totalCount } }' }),
    });
    expect(direct.status).toBe(401);
    expect(((await direct.json()) as Json).errors[0].extensions.code).toBe('GATEWAY_TRUST_REQUIRED');
    const bare = await fetch(platform.subgraphUrls.directory, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ schools { totalCount } }' }),
    });
    expect(bare.status).toBe(401);

    const forged = await api('{ cases { totalCount } }', {}, { headers: FORGED_ADMIN });
    expect(forged.status).toBe(401);
    expect(errorCode(forged)).toBe('UNAUTHENTICATED');
  });

  it('refuses expired, foreign and malformed tokens with 401 and WWW-Authenticate', async () => {
    const token = await vendorToken('directory:read');
    const [header, payload] = token.split('.');
    const tampered = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    for (const bad of [tampered, 'not-a-jwt']) {
      const response = await api('{ schools { totalCount } }', {}, { token: bad });
      expect(response.status).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
  });

  it('serves sign-in on the same origin, and lets only the allowed browser origins call the API', async () => {
    const discovery = (await (
      await fetch(`${platform.issuer}/.well-known/openid-configuration`)
    ).json()) as Json;
    expect(discovery.issuer).toBe(platform.issuer);
    expect(discovery.token_endpoint).toBe(`${platform.issuer}/token`);
    // The sign-in page comes through the gateway with its own policy (its stylesheet by hash), not the API's.
    const jar = new CookieJar();
    const page = await jar.follow(
      `${platform.issuer}/auth?${new URLSearchParams({
        client_id: 'homeroom-portal',
        response_type: 'code',
        redirect_uri: PORTAL_REDIRECT_URI,
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      })}`,
    );
    const login = await fetch(new URL(page, platform.origin), { headers: { cookie: jar.header() } });
    expect(await login.text()).toContain('Sign in to Homeroom');
    expect(login.headers.get('content-security-policy')).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);

    const preflight = (origin: string) =>
      fetch(`${platform.origin}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const portal = await preflight('http://localhost:4200');
    expect(portal.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    expect(portal.headers.get('access-control-allow-headers')).toContain('authorization');
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();

    const response = await fetch(`${platform.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ topics { id } }' }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('hides the schema in production: no introspection, no field suggestions', async () => {
    const token = await vendorToken('directory:read');
    const introspection = await api('{ __schema { types { name } } }', {}, { token });
    expect(errorCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await api('{ schol(id: "1") { id } }', {}, { token });
    expect(errorCode(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('is ready when every subgraph answers, and counts operations by name for Prometheus', async () => {
    const ready = (await (await fetch(`${platform.origin}/health/ready`)).json()) as Json;
    expect(ready.ready).toBe(true);
    expect(Object.keys(ready.checks).sort()).toEqual(['cases', 'directory', 'slas', 'surveys']);
    const metrics = await platform.gatewayMetrics();
    expect(metrics).toMatch(
      /graphql_operation_duration_seconds_count\{[^}]*operation="VendorSchools"[^}]*outcome="ok"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(/graphql_operation_duration_seconds_count\{[^}]*outcome="QUERY_TOO_DEEP"/);
    expect(metrics).toMatch(/gateway_query_plan_cache_lookups_total\{[^}]*result="hit"/);
  });

  it('answers with its codes when a limit is reached or a subgraph hangs or is down, and keeps serving the rest', async () => {
    // A subgraph address that accepts connections and never answers, and one where nothing listens.
    const held: Socket[] = [];
    const hanging = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const hangingPort = (hanging.address() as { port: number }).port;
    const gateway = await platform.startGateway({
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
      MAX_DOCUMENT_LENGTH: '600',
      MAX_BODY_BYTES: '4096',
      SUBGRAPH_TIMEOUT_MS: '750',
      SLAS_SUBGRAPH_URL: `http://127.0.0.1:${hangingPort}/graphql`,
      SURVEYS_SUBGRAPH_URL: `http://127.0.0.1:${await freePort()}/graphql`,
    });
    try {
      const extra = apiClient(gateway.origin);
      const readiness = await fetch(`${gateway.origin}/health/ready`);
      expect(readiness.status).toBe(503);
      const report = (await readiness.json()) as Json;
      expect(report.checks.directory.ok).toBe(true);
      expect(report.checks.slas.ok).toBe(false);
      expect(report.checks.surveys.ok).toBe(false);

      const token = await vendorToken('directory:read cases:read slas:read surveys:read');
      const withSla = await extra(
        'query($id: ID!) { case(id: $id) { number sla { firstResponse { status } } } }',
        { id: story.caseId },
        { token },
      );
      expect(withSla.body.data.case.number).toBe(story.caseNumber);
      expect(withSla.body.data.case.sla).toBeNull();
      expect(errorCode(withSla)).toBe('GATEWAY_TIMEOUT');
      expect(errorCode(await extra('{ surveys(first: 1) { totalCount } }', {}, { token }))).toBe(
        'UPSTREAM_UNAVAILABLE',
      );

      const longDocument = await extra(`{ schools { totalCount } } ${'#'.repeat(700)}`, {}, { token });
      expect(longDocument.status).toBe(400);
      expect(errorCode(longDocument)).toBe('DOCUMENT_TOO_LARGE');
      const largeBody = await extra('{ schools { totalCount } }', { padding: 'x'.repeat(5_000) }, { token });
      expect(largeBody.status).toBe(413);
      expect(errorCode(largeBody)).toBe('DOCUMENT_TOO_LARGE');

      const answers = [];
      for (let call = 0; call < 4; call += 1) answers.push(await extra('{ topics { id } }'));
      expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([200, 200, 200]);
      expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual([
        '2',
        '1',
        '0',
        '0',
      ]);
      const refused = answers[3]!;
      expect(refused.status).toBe(429);
      expect(errorCode(refused)).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('ratelimit-policy')).toBe('3;w=60');
      // A signed-in caller has its own limit.
      expect((await extra('{ topics { id } }', {}, { token })).status).toBe(200);
    } finally {
      await gateway.stop();
      for (const socket of held) socket.destroy();
      hanging.close();
    }
  });

  it("signs staff in with the district's own identity provider, with roles from the directory", async () => {
    const provider = await startFakeIdentityProvider();
    const gateway = await platform.startGateway({
      STAFF_OIDC_ISSUER: provider.issuer,
      STAFF_OIDC_AUDIENCE: provider.audience,
      STAFF_OIDC_JWKS_URL: provider.jwksUrl,
    });
    try {
      const extra = apiClient(gateway.origin);
      const caseOf = (token: string) =>
        extra('query($id: ID!) { case(id: $id) { number } }', { id: story.caseId }, { token });
      // An agent of the case's school, as the district's provider knows them: a verified address.
      const agentEmail = story.team.members[0].person.emails[0].address;
      const agent = await provider.issue({ email: agentEmail, email_verified: true, groups: ['admins'] });
      expect(data(await caseOf(agent)).case.number).toBe(story.caseNumber);
      // The provider's groups grant nothing: administrators' operations stay closed to an agent.
      expect(errorCode(await extra('{ apiClients { clientId } }', {}, { token: agent }))).toBe('FORBIDDEN');

      const unverified = await caseOf(await provider.issue({ email: agentEmail, email_verified: false }));
      expect(unverified.status).toBe(401);
      expect(unverified.body.errors[0].extensions.reason).toBe('EMAIL_NOT_VERIFIED');
      const stranger = await caseOf(
        await provider.issue({ email: 'someone@gmail.test', email_verified: true }),
      );
      expect(stranger.status).toBe(401);
      expect(stranger.body.errors[0].extensions.reason).toBe('NOT_STAFF');
      // Vendors keep the directory's client credentials on the same gateway.
      expect(data(await caseOf(await vendorToken('cases:read'))).case.number).toBe(story.caseNumber);
    } finally {
      await gateway.stop();
      await provider.close();
    }
  });
});
