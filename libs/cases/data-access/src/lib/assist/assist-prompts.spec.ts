import { redactContactData, replyPrompt, summaryPrompt, type PromptCase } from './assist-prompts';

const supportCase: PromptCase = {
  number: 'HR-2026-004211',
  subject: 'Bus 14 keeps missing our stop',
  status: 'OPEN',
  priority: 'NORMAL',
  channel: 'EMAIL',
  language: 'es',
  createdAt: new Date('2026-11-24T15:00:00Z'),
  contact: { name: 'Rosa Parks', email: 'rosa.parks@example.org', phone: '+15125550101' },
};

describe('assist prompts', () => {
  it.each([
    ['Write to rosa.parks@example.org please', 'Write to [email removed] please'],
    ['or ROSA.PARKS@EXAMPLE.ORG', 'or [email removed]'],
    ["my husband's is jo+school@mail.example.net.", "my husband's is [email removed]."],
    ['Call me at (512) 555-0101 after 5', 'Call me at [phone removed] after 5'],
    ['Call me at 512.555.0101', 'Call me at [phone removed]'],
    ['Call me at +1 512 555 0101', 'Call me at [phone removed]'],
    ['my cell 555-0101', 'my cell [phone removed]'],
    ['grandma: +44 20 7946 0958', 'grandma: [phone removed]'],
  ])('removes contact data: %j', (text, redacted) => {
    expect(redactContactData(text, supportCase.contact)).toBe(redacted);
  });

  it.each([
    'Case HR-2026-004211 about bus 14',
    'On 2026-11-24 at 9:14',
    'Route 1403, stop 22, 7 students',
    'Room 555-0199 is closed',
  ])('keeps what is not contact data: %j', (text) => {
    expect(redactContactData(text, supportCase.contact)).toBe(text);
  });

  const messages = [
    {
      direction: 'INBOUND' as const,
      body: 'The bus skipped us. Call me at 512-555-0101 or rosa.parks@example.org.',
      createdAt: new Date('2026-11-24T15:00:00Z'),
    },
    {
      direction: 'INTERNAL_NOTE' as const,
      body: 'Driver shortage on route 14.',
      createdAt: new Date('2026-11-24T16:00:00Z'),
    },
    {
      direction: 'OUTBOUND' as const,
      body: 'We are looking into it.',
      createdAt: new Date('2026-11-24T17:00:00Z'),
    },
  ];

  it('summarises with internal notes, never with the contact', () => {
    const prompt = JSON.stringify(summaryPrompt(supportCase, messages));
    expect(prompt).toContain('Driver shortage on route 14.');
    expect(prompt).toContain('The bus skipped us.');
    for (const secret of ['rosa.parks@example.org', '555-0101', '5125550101', 'Rosa Parks'])
      expect(prompt).not.toContain(secret);
  });

  it('drafts a reply from the public conversation only, in the case language and tone', () => {
    const [system, user] = replyPrompt(supportCase, messages, 'WARM');
    expect(system!.content).toContain('"es"');
    expect(system!.content).toContain('warm');
    expect(user!.content).not.toContain('Driver shortage');
    expect(user!.content).toContain('We are looking into it.');
    expect(user!.content).not.toContain('rosa.parks@example.org');
  });

  it('keeps the first message and the latest when a case is long', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      direction: 'INBOUND' as const,
      body: `message number ${i}`,
      createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
    }));
    const content = summaryPrompt(supportCase, many)[1]!.content;
    expect(content).toContain('message number 0\n');
    expect(content).toContain('message number 49');
    expect(content).not.toContain('message number 5\n');
    expect(content).toContain('(20 earlier messages left out.)');
  });
});
