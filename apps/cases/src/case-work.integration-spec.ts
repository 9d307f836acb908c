import { randomUUID } from 'node:crypto';
import { type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import { testKafka, uniqueName, waitUntil } from '@homeroom/platform/testing';
import { contactKey, PeopleMerged, PersonCreated } from '@homeroom/directory/contracts';
import { CaseMerged, CaseOpened, CaseResolved } from '@homeroom/cases/contracts';
import { useCasesSuite, TRACK } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('cases: working a case', () => {
  const suite = useCasesSuite('cases-case-work');
  const { schoolId, otherSchoolId, agent, outsider, viewer, admin, graphql, submit, eventsOf, caseId } =
    suite;
  let database: TestDatabase;
  // What the suite has once it has started.
  beforeAll(() => ({ database } = suite));

  it('runs a case from reply to resolution, keeps notes internal, reopens on a reply and follows up after closing', async () => {
    const { caseNumber, trackingToken } = await submit({
      anonymous: false,
      requester: { name: 'Rosa', email: 'Rosa@Example.org' },
    });
    const id = await caseId(caseNumber);
    await graphql(
      'mutation($id: ID!) { replyToCase(caseId: $id, body: "We are sorry. The route is being fixed.") { direction } }',
      { id },
      agent,
    );
    await graphql(
      'mutation($id: ID!) { addInternalNote(caseId: $id, body: "Driver shortage on route 14.") { direction } }',
      { id },
      agent,
    );
    let tracked = (await graphql(TRACK, { t: trackingToken })).data.trackCase;
    expect(tracked.status).toBe('OPEN');
    expect(tracked.messages.map((m: Json) => m.direction)).toEqual(['INBOUND', 'OUTBOUND']);

    const staffView = (
      await graphql(
        'query($n: String) { case(number: $n) { status firstRespondedAt contact { email } messages { direction } timeline { kind } } }',
        { n: caseNumber },
        agent,
      )
    ).data.case;
    expect(staffView.contact.email).toBe('rosa@example.org');
    expect(staffView.firstRespondedAt).not.toBeNull();
    expect(staffView.messages.map((m: Json) => m.direction)).toEqual([
      'INBOUND',
      'OUTBOUND',
      'INTERNAL_NOTE',
    ]);
    expect(staffView.timeline.map((t: Json) => t.kind)).toEqual([
      'OPENED',
      'MESSAGE_RECEIVED',
      'UNROUTED',
      'REPLIED',
      'STATUS_CHANGED',
      'NOTE_ADDED',
    ]);

    await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
      { id },
      agent,
    );
    const resolved = await database.dataSource.query(
      `SELECT envelope FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2`,
      [id, CaseResolved.type],
    );
    expect(CaseResolved.schema.parse(resolved[0].envelope.data)).toMatchObject({
      caseId: id,
      number: caseNumber,
      anonymous: false,
      schoolId,
      // What the satisfaction survey decides on; the address itself stays here.
      survey: { reachableBy: ['EMAIL'], duplicate: false, optedOut: false },
    });
    expect(JSON.stringify(resolved[0].envelope)).not.toContain('rosa@example.org');

    tracked = (
      await graphql(
        'mutation($t: String!) { replyAsRequester(token: $t, body: "It happened again today.") { status } }',
        { t: trackingToken },
      )
    ).data.replyAsRequester;
    expect(tracked.status).toBe('OPEN');
    // Resolved again, this time without a survey (the agent's call).
    await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED, sendSurvey: false) { status } }',
      { id },
      agent,
    );
    const [again] = await database.dataSource.query(
      `SELECT envelope FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = $2
        ORDER BY position DESC LIMIT 1`,
      [id, CaseResolved.type],
    );
    expect(again.envelope.data.survey).toMatchObject({ optedOut: true });
    await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: CLOSED) { status } }',
      { id },
      agent,
    );
    const invalid = await graphql(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: OPEN) { status } }',
      { id },
      agent,
    );
    expect(invalid.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_STATUS_TRANSITION',
    });

    const followUp = (
      await graphql(
        'mutation($t: String!) { replyAsRequester(token: $t, body: "And again.") { status followUpNumber } }',
        { t: trackingToken },
      )
    ).data.replyAsRequester;
    expect(followUp.status).toBe('CLOSED');
    expect(followUp.followUpNumber).toMatch(/^HR-/);
    const [linked] = await database.dataSource.query(
      'SELECT follow_up_of_id, status FROM support_case WHERE number = $1',
      [followUp.followUpNumber],
    );
    expect(linked).toEqual({ follow_up_of_id: id, status: 'NEW' });
  });

  it("keeps cases to their schools' staff, and confidential cases from viewers", async () => {
    const { caseNumber } = await submit();
    const id = await caseId(caseNumber);
    const refused = await graphql(
      'mutation($id: ID!) { replyToCase(caseId: $id, body: "Hi") { id } }',
      { id },
      outsider,
    );
    expect(refused.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: caseNumber }, outsider)).data.case,
    ).toBeNull();
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: caseNumber }, viewer)).data.case
        .id,
    ).toBe(id);
    expect(
      (await graphql('mutation($id: ID!) { replyToCase(caseId: $id, body: "Hi") { id } }', { id }, viewer))
        .errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await graphql('{ cases(first: 5) { totalCount } }')).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );

    const confidential = (
      await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "A personnel matter.", schoolId: $s, confidential: true, contact: { phone: "512-555-0101" } }) { id number } }',
        { s: schoolId },
        admin,
      )
    ).data.createCase;
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: confidential.number }, viewer))
        .data.case,
    ).toBeNull();
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: confidential.number }, agent)).data
        .case,
    ).toBeNull();
    expect(
      (await graphql('query($n: String) { case(number: $n) { id } }', { n: confidential.number }, admin)).data
        .case.id,
    ).toBe(confidential.id);
    // The gateway fetches cases by reference too: the same visibility applies there.
    const ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id } } }';
    const representation = { r: [{ __typename: 'Case', id: confidential.id }] };
    expect((await graphql(ENTITY, representation, viewer)).data._entities).toEqual([null]);
    expect((await graphql(ENTITY, representation, agent)).data._entities).toEqual([null]);
    expect((await graphql(ENTITY, representation, admin)).data._entities).toEqual([{ id: confidential.id }]);
    expect((await graphql(ENTITY, { r: [{ __typename: 'Case', id }] }, outsider)).data._entities).toEqual([
      null,
    ]);
    expect((await graphql(ENTITY, { r: [{ __typename: 'Case', id }] }, agent)).data._entities).toEqual([
      { id },
    ]);
    const mine = await graphql(
      '{ cases(first: 100) { totalCount edges { node { school { id } } } } }',
      {},
      agent,
    );
    expect(mine.data.cases.edges.every((e: Json) => e.node.school?.id === schoolId)).toBe(true);
  });

  it('tags, watches and links cases, and a watcher named on a confidential case may open it', async () => {
    const a = await caseId((await submit()).caseNumber);
    const b = await caseId((await submit()).caseNumber);
    const tagged = await graphql(
      'mutation($id: ID!) { updateCaseTags(caseId: $id, add: ["Bus 14", "late"], remove: []) { tags } }',
      { id: a },
      agent,
    );
    expect(tagged.data.updateCaseTags.tags).toEqual(['bus-14', 'late']);
    const badTag = await graphql(
      'mutation($id: ID!) { updateCaseTags(caseId: $id, add: ["#x"]) { tags } }',
      { id: a },
      agent,
    );
    expect(badTag.errors[0].extensions.reason).toBe('INVALID_TAG');
    const byTag = await graphql(
      '{ cases(filter: { tags: ["BUS 14"] }, first: 50) { edges { node { id } } } }',
      {},
      agent,
    );
    expect(byTag.data.cases.edges.map((e: Json) => e.node.id)).toEqual([a]);

    await graphql('mutation($id: ID!) { watchCase(caseId: $id) { id } }', { id: a }, agent);
    const someoneElse = await graphql(
      'mutation($id: ID!, $u: ID) { watchCase(caseId: $id, userId: $u) { id } }',
      { id: a, u: randomUUID() },
      agent,
    );
    expect(someoneElse.errors[0].extensions.reason).toBe('WATCHER_NOT_SELF');
    const watched = await graphql(
      '{ cases(filter: { watchedByMe: true }, first: 10) { edges { node { id watchers { id } } } } }',
      {},
      agent,
    );
    expect(watched.data.cases.edges.map((e: Json) => e.node)).toEqual([
      { id: a, watchers: [{ id: agent.subject }] },
    ]);

    await graphql(
      'mutation($a: ID!, $b: ID!) { linkCases(caseId: $a, otherCaseId: $b, kind: RELATED) { id } }',
      { a, b },
      agent,
    );
    const linked = await graphql(
      'query($id: ID) { case(id: $id) { links { kind direction caseId } } }',
      { id: b },
      agent,
    );
    expect(linked.data.case.links).toEqual([{ kind: 'RELATED', direction: 'INCOMING', caseId: a }]);
    const self = await graphql(
      'mutation($a: ID!) { linkCases(caseId: $a, otherCaseId: $a, kind: RELATED) { id } }',
      { a },
      agent,
    );
    expect(self.errors[0].extensions.reason).toBe('LINK_TO_SELF');

    // A confidential case at another school: the agent cannot open it until an administrator names them.
    const secret = (
      await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "A personnel matter.", schoolId: $s, confidential: true, contact: { phone: "512-555-0102" } }) { id } }',
        { s: otherSchoolId },
        admin,
      )
    ).data.createCase.id;
    const open = () => graphql('query($id: ID) { case(id: $id) { id } }', { id: secret }, agent);
    expect((await open()).data.case).toBeNull();
    await graphql(
      'mutation($id: ID!, $u: ID) { watchCase(caseId: $id, userId: $u) { id } }',
      { id: secret, u: agent.subject },
      admin,
    );
    expect((await open()).data.case).toEqual({ id: secret });
  });

  it('merges a duplicate into the case that leads: messages, tags and watchers move, the requester follows', async () => {
    const lead = await submit({ message: 'Bus 7 never came today.' });
    const duplicate = await submit({ message: 'Where was bus 7 this morning?' });
    const [leadId, duplicateId] = [await caseId(lead.caseNumber), await caseId(duplicate.caseNumber)];
    await graphql(
      'mutation($id: ID!) { updateCaseTags(caseId: $id, add: ["bus-7"]) { id } }',
      { id: duplicateId },
      agent,
    );
    await graphql('mutation($id: ID!) { watchCase(caseId: $id) { id } }', { id: duplicateId }, agent);
    const MERGE =
      'mutation($a: ID!, $b: ID!) { mergeCases(caseId: $a, intoCaseId: $b, reason: "same bus, same morning") { id tags watchers { id } messages { body } } }';
    const merged = (await graphql(MERGE, { a: duplicateId, b: leadId }, agent)).data.mergeCases;
    expect(merged.id).toBe(leadId);
    expect(merged.tags).toEqual(['bus-7']);
    expect(merged.watchers).toEqual([{ id: agent.subject }]);
    expect(merged.messages.map((m: Json) => m.body)).toEqual([
      'Bus 7 never came today.',
      'Where was bus 7 this morning?',
    ]);
    const gone = (
      await graphql(
        'query($id: ID) { case(id: $id) { status mergedIntoId links { kind direction caseId } } }',
        { id: duplicateId },
        agent,
      )
    ).data.case;
    expect(gone).toEqual({
      status: 'CLOSED',
      mergedIntoId: leadId,
      links: [{ kind: 'DUPLICATE_OF', direction: 'OUTGOING', caseId: leadId }],
    });
    expect((await graphql(MERGE, { a: duplicateId, b: leadId }, agent)).errors[0].extensions.reason).toBe(
      'ALREADY_MERGED',
    );
    // The duplicate's requester answers through their old link: the reply reaches the surviving case.
    await graphql('mutation($t: String!) { replyAsRequester(token: $t, body: "Any news?") { number } }', {
      t: duplicate.trackingToken,
    });
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM case_message WHERE case_id = $1 AND body = 'Any news?'`,
      [leadId],
    );
    expect(n).toBe(1);
    const [event] = await eventsOf(leadId, CaseMerged.type);
    expect(event!.data.mergedCaseId).toBe(duplicateId);
    expect(event!.data.survivorCaseId).toBe(leadId);
  });

  it('recognises a requester by email or phone from the directory, and follows its merges', async () => {
    const [guardian, duplicate, sharedA, sharedB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const email = `${uniqueName('parent', '.')}@example.org`;
    const person = (personId: string, keys: string[]) =>
      createEnvelope('directory', PersonCreated, {
        aggregateId: personId,
        data: { ...PersonCreated.fixture, personId, schoolIds: [schoolId], contactKeys: keys },
      });
    const producer = testKafka().producer();
    await producer.connect();
    // At once, as a roster import sends them: the read model takes them a batch at a time.
    await producer.send({
      topic: PersonCreated.topic,
      messages: (
        [
          [guardian, [contactKey(email)]],
          [duplicate, []],
          [sharedA, [contactKey('+15125550199')]],
          [sharedB, [contactKey('+15125550199')]],
        ] as const
      ).map(([id, keys]) => ({ key: schoolId, value: JSON.stringify(person(id, [...keys])) })),
    });
    await waitUntil(
      'the people in the read model',
      async () =>
        (
          await database.dataSource.query('SELECT count(*)::int AS n FROM known_person WHERE id = ANY($1)', [
            [guardian, duplicate, sharedA, sharedB],
          ])
        )[0].n === 4,
      { timeoutMs: 60_000 },
    );
    const REQUESTER =
      'query($n: String) { case(number: $n) { requester { id } requesterCandidate { id } timeline { kind } } }';
    // Anyone can type a guardian's address into the public form: the match is a candidate until confirmed.
    const byEmail = (await submit({ anonymous: false, requester: { email: email.toUpperCase() } }))
      .caseNumber;
    const typed = (await graphql(REQUESTER, { n: byEmail }, admin)).data.case;
    expect([typed.requester, typed.requesterCandidate]).toEqual([null, { id: guardian }]);
    expect((await eventsOf(await caseId(byEmail), CaseOpened.type))[0]!.data).toMatchObject({
      requesterId: null,
    });
    // Staff who took the call match at once; SLA policies may depend on who wrote: the event says it.
    const byCall = (
      await graphql(
        'mutation($e: String) { createCase(input: { channel: PHONE, description: "Called about the bus.", contact: { email: $e } }) { number } }',
        { e: email },
        admin,
      )
    ).data.createCase.number;
    expect((await graphql(REQUESTER, { n: byCall }, admin)).data.case.requester).toEqual({ id: guardian });
    const [opened] = await eventsOf(await caseId(byCall), CaseOpened.type);
    expect(opened!.data).toMatchObject({ requesterId: guardian, requesterKind: 'GUARDIAN' });
    // A family phone shared by two guardians names nobody rather than the wrong one.
    const byPhone = (await submit({ anonymous: false, requester: { phone: '(512) 555-0199' } })).caseNumber;
    const ambiguous = (await graphql(REQUESTER, { n: byPhone }, admin)).data.case;
    expect(ambiguous.requester).toBeNull();
    expect(ambiguous.timeline.map((t: Json) => t.kind)).toContain('REQUESTER_AMBIGUOUS');
    // Staff may only name people the directory told us about.
    const unknown = await graphql(
      'mutation($p: ID) { createCase(input: { channel: PHONE, description: "Call back", requesterId: $p }) { id } }',
      { p: randomUUID() },
      agent,
    );
    expect(unknown.errors[0].extensions.reason).toBe('UNKNOWN_REQUESTER');

    // The directory merges the guardian into another record: their cases follow, without a call to it.
    const producer2 = testKafka().producer();
    await producer2.connect();
    await producer2.send({
      topic: PeopleMerged.topic,
      messages: [
        {
          key: duplicate,
          value: JSON.stringify(
            createEnvelope('directory', PeopleMerged, {
              aggregateId: duplicate,
              data: { survivorId: duplicate, mergedId: guardian },
            }),
          ),
        },
      ],
    });
    await producer2.disconnect();
    await producer.disconnect();
    await waitUntil(
      'the case relinked to the surviving person',
      async () => (await graphql(REQUESTER, { n: byCall }, admin)).data.case.requester?.id === duplicate,
      { timeoutMs: 60_000 },
    );
    const timeline = (await graphql(REQUESTER, { n: byCall }, admin)).data.case.timeline.map(
      (t: Json) => t.kind,
    );
    expect(timeline).toContain('REQUESTER_RELINKED');
    // A candidate not yet confirmed follows the merge too.
    expect((await graphql(REQUESTER, { n: byEmail }, admin)).data.case.requesterCandidate).toEqual({
      id: duplicate,
    });
  });
});
