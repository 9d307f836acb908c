/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { alertTexts, axeViolations, configureApolloTesting, settle } from '@homeroom/portal/ui/testing';
import {
  type AdminReplyTemplateFragment,
  AdminReplyTemplatesDocument,
  type AdminReplyTemplatesQuery,
  ArchiveReplyTemplateDocument,
} from '../operations.generated';
import { ReplyTemplatesPageComponent } from './reply-templates-page.component';

const template = (
  id: string,
  name: string,
  changes: Partial<AdminReplyTemplateFragment> = {},
): AdminReplyTemplateFragment => ({
  id,
  name,
  shortcut: null,
  team: null,
  translations: [{ language: 'en', body: `${name}, {{requester.name}}` }],
  setStatus: null,
  setPriority: null,
  setTopicId: null,
  addTags: [],
  vitalCategory: null,
  usageCount: 0,
  lastUsedAt: null,
  archived: false,
  ...changes,
});

/** Apollo's cache keeps a record by __typename and id, which the operation types leave out. */
const answer = (templates: AdminReplyTemplateFragment[], totalCount = templates.length) =>
  ({
    replyTemplates: {
      __typename: 'ReplyTemplateConnection',
      edges: templates.map((node) => ({
        __typename: 'ReplyTemplateEdge',
        node: {
          __typename: 'ReplyTemplate',
          ...node,
          team: node.team && { __typename: 'Team', ...node.team },
          translations: node.translations.map((t) => ({ __typename: 'ReplyTemplateTranslation', ...t })),
        },
      })),
      totalCount,
    },
    topics: [{ __typename: 'Topic', id: 't1', name: 'Bus delay', parentId: null }],
    teams: [{ __typename: 'Team', id: 'team1', name: 'Transportation' }],
  }) as unknown as AdminReplyTemplatesQuery;

const lateBus = template('rt1', 'Late bus', {
  shortcut: 'late-bus',
  team: { id: 'team1', name: 'Transportation' },
  translations: [
    { language: 'en', body: 'The bus is late, {{requester.name}}.' },
    { language: 'es', body: 'El autobús llega tarde, {{requester.name}}.' },
  ],
  setStatus: 'PENDING',
  setPriority: 'HIGH',
  setTopicId: 't1',
  addTags: ['bus'],
  usageCount: 12,
  lastUsedAt: '2026-12-01T15:00:00Z',
});
const thanks = template('rt2', 'Thank you', {
  archived: true,
  usageCount: 1,
  lastUsedAt: '2026-11-02T15:00:00Z',
});

describe('the reply templates page', () => {
  let fixture: ComponentFixture<ReplyTemplatesPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () =>
    [...page().querySelectorAll('tr[data-testid="reply-template"]')].map((row) =>
      [...row.querySelectorAll('td')]
        .slice(0, 5)
        .map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );
  const button = (name: string) => page().querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);

  async function templates(data: AdminReplyTemplatesQuery): Promise<void> {
    apollo.expectOne(AdminReplyTemplatesDocument).flushData(data);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(ReplyTemplatesPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('lists each template: whose, its languages, what sending it changes, how often it is used', async () => {
    expect(page().querySelector('[role="status"]')!.textContent).toContain('Loading reply templates');
    await templates(answer([lateBus, thanks]));
    expect(rows()).toEqual([
      [
        'Late bus late-bus',
        'Team Transportation',
        'en, es',
        'status Pending; priority High; topic Bus delay; tags bus',
        expect.stringMatching(/^12 times, last /),
      ],
      [
        'Thank you (archived)',
        'District-wide',
        'en',
        'Nothing but the reply',
        expect.stringMatching(/^1 time, last /),
      ],
    ]);
    expect(button('Archive template Thank you')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says when the list shows only the first templates', async () => {
    await templates(answer([lateBus], 140));
    expect(page().textContent).toContain('The first 1 of 140 templates by name.');
  });

  it('says when there are none yet', async () => {
    await templates(answer([]));
    expect(page().textContent).toContain('No templates yet.');
    expect(page().querySelector('table')).toBeNull();
  });

  it('opens a template in the form to edit it', async () => {
    await templates(answer([lateBus]));
    button('Edit template Late bus')!.click();
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Edit template Late bus');
    expect(page().querySelector<HTMLTextAreaElement>('#template-body-1')!.value).toContain('El autobús');
  });

  it('archives a template and says what that means; the form forgets it', async () => {
    await templates(answer([lateBus]));
    button('Edit template Late bus')!.click();
    await settle(fixture);
    button('Archive template Late bus')!.click();
    await settle(fixture);
    const archive = apollo.expectOne(ArchiveReplyTemplateDocument);
    expect(archive.operation.variables).toEqual({ id: 'rt1' });
    archive.flushData({
      archiveReplyTemplate: { __typename: 'ReplyTemplate', id: 'rt1', archived: true },
    } as never);
    await settle(fixture);
    await templates(answer([{ ...lateBus, archived: true }]));
    expect(page().querySelector('[role="status"]')!.textContent).toBe(
      'Template Late bus was archived: it is out of the pickers, its shortcut free.',
    );
    expect(page().querySelector('h2')!.textContent).toBe('Add a template');
    expect(rows()[0]![0]).toBe('Late bus (archived) late-bus');
    expect(alertTexts(page())).toEqual([]);
  });
});
