import { randomUUID } from 'node:crypto';
import { staffPrincipal } from '@homeroom/platform/auth';
import { createEnvelope } from '@homeroom/platform/messaging';
import { testKafka, waitUntil } from '@homeroom/platform/testing';
import { SlaWarning } from '@homeroom/slas/contracts';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

const CREATE =
  'mutation($input: ReplyTemplateInput!) { createReplyTemplate(input: $input) { id name shortcut team { id } translations { language body } setStatus addTags usageCount archived } }';
const UPDATE =
  'mutation($id: ID!, $input: ReplyTemplateInput!) { updateReplyTemplate(id: $id, input: $input) { id name team { id } } }';
const ARCHIVE = 'mutation($id: ID!) { archiveReplyTemplate(id: $id) { id archived } }';
const LIST =
  'query($filter: ReplyTemplateFilter) { replyTemplates(filter: $filter, first: 50) { totalCount edges { node { id name usageCount lastUsedAt archived } } } }';
const RENDER =
  'query($t: ID!, $c: ID!) { renderReplyTemplate(templateId: $t, caseId: $c) { templateId language body } }';
const REPLY =
  'mutation($c: ID!, $body: String!, $t: ID) { replyToCase(caseId: $c, body: $body, templateId: $t) { id body } }';
const CASE =
  'query($id: ID!) { case(id: $id) { status priority tags timeline { kind details } messages { direction body } } }';

describe('cases: reply templates', () => {
  const suite = useCasesSuite('cases-reply-templates');
  const { schoolId, otherSchoolId, agent, outsider, viewer, admin, graphql, submit, caseId, eventsOf } =
    suite;
  const teamA = randomUUID();
  const teamB = randomUUID();
  const schoolAdmin = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId });

  beforeAll(async () => {
    const { dataSource } = suite.database;
    await dataSource.query(
      `INSERT INTO known_team (id, name, school_id, active) VALUES ($1, 'Front office A', $3, true), ($2, 'Front office B', $4, true)`,
      [teamA, teamB, schoolId, otherSchoolId],
    );
    await dataSource.query(
      'INSERT INTO known_team_member (team_id, person_id, available) VALUES ($1, $2, true)',
      [teamA, agent.subject],
    );
  });

  const template = (overrides: Record<string, unknown> = {}) => ({
    name: 'Late bus',
    shortcut: `late-bus-${randomUUID().slice(0, 8)}`,
    translations: [
      {
        language: 'en',
        body: 'Hello {{requester.name}}, case {{case.number}} at {{school.name}}: the bus is on its way.',
      },
      {
        language: 'es',
        body: 'Hola {{ requester.name }}, el caso {{case.number}} en {{school.name}}: el autobús ya viene.',
      },
    ],
    ...overrides,
  });

  it('sends a template in the requester’s language, makes its changes with the reply, counts it and says so', async () => {
    const created = await graphql(
      CREATE,
      { input: template({ setStatus: 'PENDING', addTags: ['Bus 14'] }) },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createReplyTemplate.id;
    expect(created.data.createReplyTemplate).toMatchObject({
      team: null,
      setStatus: 'PENDING',
      addTags: ['bus-14'],
    });

    const { caseNumber } = await submit({
      anonymous: false,
      requester: { name: 'Ana Ruiz', email: 'ana@family.test' },
      language: 'es',
    });
    const id2 = await caseId(caseNumber);
    const rendered = await graphql(RENDER, { t: id, c: id2 }, agent);
    expect(rendered.errors).toBeUndefined();
    expect(rendered.data.renderReplyTemplate.language).toBe('es');
    expect(rendered.data.renderReplyTemplate.body).toMatch(
      new RegExp(`^Hola Ana Ruiz, el caso ${caseNumber} en .+: el autobús ya viene\\.$`),
    );

    // Staff may edit the text before sending; what they send is what the requester gets.
    const body = `${rendered.data.renderReplyTemplate.body} Gracias.`;
    const reply = await graphql(REPLY, { c: id2, body, t: id }, agent);
    expect(reply.errors).toBeUndefined();
    const after = (await graphql(CASE, { id: id2 }, agent)).data.case;
    expect(after.status).toBe('PENDING');
    expect(after.tags).toContain('bus-14');
    expect(after.messages.at(-1)).toEqual({ direction: 'OUTBOUND', body });
    expect(after.timeline.map((entry: Json) => entry.kind)).toEqual(
      expect.arrayContaining(['REPLIED', 'TAGS_CHANGED', 'TEMPLATE_USED']),
    );
    const [used] = await eventsOf(id2, 'cases.TemplateUsed');
    expect(used.data).toMatchObject({ caseId: id2, templateId: id, language: 'es', actorId: agent.subject });
    const listed = (await graphql(LIST, { filter: { search: 'late bus' } }, agent)).data.replyTemplates.edges;
    expect(listed.find((edge: Json) => edge.node.id === id).node).toMatchObject({ usageCount: 1 });
  });

  it("fills {{sla.dueAt}} from the SLA service's warning, in the requester's language on the district's clock", async () => {
    const created = await graphql(
      CREATE,
      {
        input: template({
          translations: [
            { language: 'en', body: 'We will answer by {{sla.dueAt}}.' },
            { language: 'es', body: 'Le responderemos {{ sla.dueAt }}.' },
          ],
        }),
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const templateId = created.data.createReplyTemplate.id;
    const spanish = await caseId((await submit({ language: 'es' })).caseNumber);
    const english = await caseId((await submit({ language: 'en' })).caseNumber);
    const body = async (id: string) =>
      (await graphql(RENDER, { t: templateId, c: id }, agent)).data.renderReplyTemplate.body as string;
    // No deadline warned of yet: the words that still read as a promise.
    expect(await body(spanish)).toBe('Le responderemos lo antes posible.');

    const producer = testKafka().producer();
    await producer.connect();
    try {
      for (const id of [spanish, english]) {
        const data = { ...SlaWarning.fixture, caseId: id, dueAt: '2026-12-09T21:30:00.000Z' };
        await producer.send({
          topic: SlaWarning.topic,
          messages: [
            { key: id, value: JSON.stringify(createEnvelope('slas', SlaWarning, { aggregateId: id, data })) },
          ],
        });
      }
    } finally {
      await producer.disconnect();
    }
    await waitUntil(
      'the SLA warnings kept on both cases',
      async () =>
        (
          (await suite.database.dataSource.query(
            'SELECT count(*)::int AS n FROM support_case WHERE id = ANY($1) AND sla_due_at IS NOT NULL',
            [[spanish, english]],
          )) as { n: number }[]
        )[0]!.n === 2,
      { timeoutMs: 60_000 },
    );
    // 21:30 UTC is 3:30 pm in the district (America/Chicago, standard time).
    expect(await body(spanish)).toBe('Le responderemos miércoles, 9 de diciembre, 15:30 GMT-6.');
    expect(await body(english)).toBe('We will answer by Wednesday, December 9 at 3:30 PM CST.');
  });

  it('refuses unknown placeholders and a text without the district’s language, and a shortcut in use', async () => {
    const unknown = await graphql(
      CREATE,
      { input: template({ translations: [{ language: 'en', body: 'Your link: {{tracking.url}}' }] }) },
      admin,
    );
    expect(unknown.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_PLACEHOLDER',
      details: [{ path: 'translations.0.body', message: 'unknown placeholder {{tracking.url}}' }],
    });
    const spanishOnly = await graphql(
      CREATE,
      { input: template({ translations: [{ language: 'es', body: 'Hola' }] }) },
      admin,
    );
    expect(spanishOnly.errors[0].extensions.reason).toBe('MISSING_DEFAULT_LANGUAGE');
    const first = await graphql(CREATE, { input: template({ shortcut: 'absence-note' }) }, admin);
    expect(first.errors).toBeUndefined();
    const again = await graphql(CREATE, { input: template({ shortcut: 'Absence-Note' }) }, admin);
    expect(again.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SHORTCUT_TAKEN' });
    // Archived, it gives its shortcut up, and can no longer be sent.
    await graphql(ARCHIVE, { id: first.data.createReplyTemplate.id }, admin);
    expect(
      (await graphql(CREATE, { input: template({ shortcut: 'absence-note' }) }, admin)).errors,
    ).toBeUndefined();
    const { caseNumber } = await submit();
    const archivedReply = await graphql(
      REPLY,
      { c: await caseId(caseNumber), body: 'Hello', t: first.data.createReplyTemplate.id },
      agent,
    );
    expect(archivedReply.errors[0].extensions.reason).toBe('TEMPLATE_ARCHIVED');
  });

  it("keeps each team's templates to the team, its school's administrators and the district's", async () => {
    // A school administrator keeps their school's teams' templates, not another school's, not the district's.
    const mine = await graphql(CREATE, { input: template({ teamId: teamA }) }, schoolAdmin);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.createReplyTemplate.team).toEqual({ id: teamA });
    const theirs = await graphql(CREATE, { input: template({ teamId: teamB }) }, schoolAdmin);
    expect(theirs.errors[0].extensions.code).toBe('FORBIDDEN');
    const districtWide = await graphql(CREATE, { input: template() }, schoolAdmin);
    expect(districtWide.errors[0].extensions.code).toBe('FORBIDDEN');
    const unknownTeam = await graphql(CREATE, { input: template({ teamId: randomUUID() }) }, admin);
    expect(unknownTeam.errors[0].extensions.code).toBe('NOT_FOUND');
    const b = (await graphql(CREATE, { input: template({ teamId: teamB, name: 'Team B only' }) }, admin)).data
      .createReplyTemplate.id;
    // Agents keep none.
    expect((await graphql(CREATE, { input: template() }, agent)).errors[0].extensions.code).toBe('FORBIDDEN');

    // Team A's member sees team A's and the district's, never team B's; the outsider neither team's.
    const ids = async (who: typeof agent) =>
      (await graphql(LIST, {}, who)).data.replyTemplates.edges.map((edge: Json) => edge.node.id);
    expect(await ids(agent)).toContain(mine.data.createReplyTemplate.id);
    expect(await ids(agent)).not.toContain(b);
    expect(await ids(outsider)).not.toContain(mine.data.createReplyTemplate.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([mine.data.createReplyTemplate.id, b]));
    // Out of reach reads as missing, for rendering, sending and changing alike.
    const { caseNumber } = await submit();
    const onCase = await caseId(caseNumber);
    expect((await graphql(RENDER, { t: b, c: onCase }, agent)).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await graphql(REPLY, { c: onCase, body: 'Hi', t: b }, agent)).errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await graphql(UPDATE, { id: b, input: template() }, schoolAdmin)).errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    // A viewer replies to nothing, so has no templates.
    expect((await graphql(LIST, {}, viewer)).errors[0].extensions.code).toBe('FORBIDDEN');
    // The team stays when a template is changed.
    const renamed = await graphql(
      UPDATE,
      { id: mine.data.createReplyTemplate.id, input: template({ name: 'Renamed', teamId: null }) },
      schoolAdmin,
    );
    expect(renamed.data.updateReplyTemplate).toEqual({
      id: mine.data.createReplyTemplate.id,
      name: 'Renamed',
      team: { id: teamA },
    });
  });

  it('refuses, with the reply, a status change the case cannot make: nothing half-sent', async () => {
    const closing = (
      await graphql(CREATE, { input: template({ setStatus: 'NEW', addTags: ['never-added'] }) }, admin)
    ).data.createReplyTemplate.id;
    const { caseNumber } = await submit();
    const id = await caseId(caseNumber);
    await graphql(
      'mutation($c: ID!) { setCaseStatus(caseId: $c, status: OPEN) { status } }',
      { c: id },
      agent,
    );
    const refused = await graphql(REPLY, { c: id, body: 'Back to new?', t: closing }, agent);
    expect(refused.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_STATUS_TRANSITION',
    });
    const unchanged = (await graphql(CASE, { id }, agent)).data.case;
    expect(unchanged.messages.filter((m: Json) => m.direction === 'OUTBOUND')).toEqual([]);
    expect(unchanged.tags).not.toContain('never-added');
    expect(await eventsOf(id, 'cases.TemplateUsed')).toEqual([]);
  });
});
