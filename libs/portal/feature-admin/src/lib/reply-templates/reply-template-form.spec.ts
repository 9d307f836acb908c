import type { AdminReplyTemplateFragment } from '../operations.generated';
import { newTemplateForm, templateFormOf, templateInput } from './reply-template-form';

const saved: AdminReplyTemplateFragment = {
  id: 't1',
  name: 'Late bus apology',
  shortcut: 'late-bus',
  team: { id: 'team1', name: 'Transportation' },
  translations: [
    { language: 'en', body: 'Hello {{requester.name}}, sorry about the bus.' },
    { language: 'es', body: 'Hola {{requester.name}}, lo sentimos.' },
  ],
  setStatus: 'PENDING',
  setPriority: null,
  setTopicId: 'topic1',
  addTags: ['bus', 'apology'],
  vitalCategory: 'DISCIPLINE',
  usageCount: 3,
  lastUsedAt: '2026-12-01T15:00:00Z',
  archived: false,
};

describe('the reply template form', () => {
  it('starts a new template with one empty text in the language given', () => {
    expect(newTemplateForm('en')).toMatchObject({
      name: '',
      teamId: '',
      translations: [{ language: 'en', body: '' }],
    });
  });

  it('shows a saved template and sends it back unchanged', () => {
    const form = templateFormOf(saved);
    expect(form).toMatchObject({
      shortcut: 'late-bus',
      teamId: 'team1',
      setStatus: 'PENDING',
      setPriority: '',
      addTags: 'bus, apology',
      vitalCategory: 'DISCIPLINE',
    });
    expect(templateInput(form).input).toEqual({
      name: 'Late bus apology',
      shortcut: 'late-bus',
      teamId: 'team1',
      translations: saved.translations,
      setStatus: 'PENDING',
      setPriority: null,
      setTopicId: 'topic1',
      addTags: ['bus', 'apology'],
      vitalCategory: 'DISCIPLINE',
    });
  });

  it('sends empty choices as none and language tags in their canonical form', () => {
    const form = {
      ...newTemplateForm('en'),
      name: '  Thanks ',
      translations: [{ language: 'ES-mx', body: 'Gracias' }],
    };
    expect(templateInput(form).input).toEqual({
      name: 'Thanks',
      shortcut: null,
      teamId: null,
      translations: [{ language: 'es-MX', body: 'Gracias' }],
      setStatus: null,
      setPriority: null,
      setTopicId: null,
      addTags: null,
      vitalCategory: null,
    });
  });

  it('says what to fix: a name, a language tag given once, no empty text', () => {
    const form = {
      ...newTemplateForm('en'),
      translations: [
        { language: 'en', body: 'Hi' },
        { language: 'spanish!', body: 'Hola' },
        { language: 'en', body: '  ' },
      ],
    };
    expect(templateInput(form).problems).toEqual([
      'Give the template a name.',
      'Text 2: “spanish!” is not a language tag (en, es, zh-TW).',
      'English (en) has two texts; keep one.',
      'The English (en) text is empty.',
    ]);
    expect(templateInput({ ...newTemplateForm('en'), name: 'x', translations: [] }).problems).toEqual([
      'Add a text.',
    ]);
  });
});
