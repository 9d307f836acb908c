/**
 * @jest-environment jsdom
 */
import { Component, signal, ViewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  type AdminReplyTemplateFragment,
  CreateReplyTemplateDocument,
  UpdateReplyTemplateDocument,
} from '../operations.generated';
import { ReplyTemplateFormComponent, type TemplateChoices } from './reply-template-form.component';

const CHOICES: TemplateChoices = {
  topics: [{ id: 't1', name: 'Bus delay' }],
  teams: [{ id: 'team1', name: 'Transportation' }],
};

const lateBus: AdminReplyTemplateFragment = {
  id: 'rt1',
  name: 'Late bus',
  shortcut: 'late-bus',
  team: { id: 'team1', name: 'Transportation' },
  translations: [
    { language: 'en', body: 'Hello {{requester.name}}, the bus is running late.' },
    { language: 'es', body: 'Hola {{requester.name}}, el autobús llega tarde.' },
  ],
  setStatus: 'PENDING',
  setPriority: null,
  setTopicId: 't1',
  addTags: ['bus'],
  vitalCategory: null,
  usageCount: 2,
  lastUsedAt: '2026-12-01T15:00:00Z',
  archived: false,
};

/** The templates page's use of the form: it shares `busy` and shows what was saved. */
@Component({
  imports: [ReplyTemplateFormComponent],
  template: `<hr-reply-template-form [choices]="choices" [(busy)]="busy" (saved)="saved.push($event)" />`,
})
class TemplatesPageComponent {
  readonly choices = CHOICES;
  readonly busy = signal(false);
  readonly saved: string[] = [];
  // A decorator query: the spec's own classes get no signal-query metadata in JIT.
  @ViewChild(ReplyTemplateFormComponent) form!: ReplyTemplateFormComponent;
}

describe('the reply template form', () => {
  let fixture: ComponentFixture<TemplatesPageComponent>;
  let apollo: ApolloTestingController;
  const host = () => fixture.componentInstance;
  const page = () => fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submit = () => page().querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const button = (text: string) =>
    [...page().querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
  const alerts = () => alertTexts(page(), 'p, li');
  const set = async (id: string, value: string) => {
    setField(page(), id, value);
    await settle(fixture);
  };

  beforeEach(async () => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(TemplatesPageComponent);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('starts with one text in the district language, names the placeholders, and is accessible', async () => {
    expect(page().querySelector('h2')!.textContent).toBe('Add a template');
    expect(field<HTMLInputElement>('template-language-0').value).toBe('en');
    expect(field<HTMLTextAreaElement>('template-body-0').labels![0]!.textContent!.trim()).toBe(
      'Text 1 (English (en))',
    );
    expect(field('template-placeholders').textContent).toContain('{{requester.name}}');
    expect(field('template-placeholders').textContent).toContain('{{sla.dueAt}}');
    expect(field('template-placeholders').textContent).toContain('as soon as we can');
    expect(field('template-body-0').getAttribute('aria-describedby')).toBe('template-placeholders');
    expect([...field<HTMLSelectElement>('template-team').options].map((o) => o.textContent!.trim())).toEqual([
      'The whole district',
      'Team Transportation',
    ]);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('adds a Spanish text and a team template with its changes, then starts afresh', async () => {
    await set('template-name', ' Late bus ');
    await set('template-shortcut', 'late-bus');
    await set('template-team', 'team1');
    await set('template-body-0', 'Hello {{requester.name}}, the bus is late.');
    button('Add a language').click();
    await settle(fixture);
    await set('template-language-1', 'es');
    await set('template-body-1', 'Hola {{requester.name}}, el autobús llega tarde.');
    expect(field<HTMLTextAreaElement>('template-body-1').labels![0]!.textContent!.trim()).toBe(
      'Text 2 (Spanish (es))',
    );
    await set('template-status', 'PENDING');
    await set('template-topic', 't1');
    await set('template-tags', 'bus, late');
    await set('template-vital', 'ENROLLMENT');
    submit().click();
    await settle(fixture);
    const create = apollo.expectOne(CreateReplyTemplateDocument);
    expect(create.operation.variables).toEqual({
      input: {
        name: 'Late bus',
        shortcut: 'late-bus',
        teamId: 'team1',
        translations: [
          { language: 'en', body: 'Hello {{requester.name}}, the bus is late.' },
          { language: 'es', body: 'Hola {{requester.name}}, el autobús llega tarde.' },
        ],
        setStatus: 'PENDING',
        setPriority: null,
        setTopicId: 't1',
        addTags: ['bus', 'late'],
        vitalCategory: 'ENROLLMENT',
      },
    });
    expect(host().busy()).toBe(true);
    create.flushData({ createReplyTemplate: { __typename: 'ReplyTemplate', ...lateBus } } as never);
    await settle(fixture);
    expect(host().saved).toEqual(['Template Late bus was added.']);
    expect(field<HTMLInputElement>('template-name').value).toBe('');
    expect(field('template-body-1')).toBeNull();
  });

  it('says what to fix before sending, and shows the API refusal in words keeping what was typed', async () => {
    submit().click();
    await settle(fixture);
    expect(alerts()).toEqual([
      'The template was not saved: Give the template a name. The English (en) text is empty.',
    ]);
    apollo.expectNone(CreateReplyTemplateDocument);

    await set('template-name', 'Welcome');
    await set('template-body-0', 'Hi {{parent.name}}');
    submit().click();
    await settle(fixture);
    apollo.expectOne(CreateReplyTemplateDocument).graphqlErrors([
      new GraphQLError('unknown placeholder {{parent.name}}; a template may use {{requester.name}}', {
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'UNKNOWN_PLACEHOLDER',
          details: [{ path: 'translations.0.body', message: 'unknown placeholder {{parent.name}}' }],
        },
      }),
    ]);
    await settle(fixture);
    expect(alerts()).toEqual(['Please check what you entered. body: unknown placeholder {{parent.name}}.']);
    expect(field<HTMLTextAreaElement>('template-body-0').value).toBe('Hi {{parent.name}}');
    expect(host().saved).toEqual([]);

    await set('template-body-0', 'Hi {{requester.name}}');
    await set('template-shortcut', 'welcome');
    submit().click();
    await settle(fixture);
    apollo
      .expectOne(CreateReplyTemplateDocument)
      .graphqlErrors([
        new GraphQLError('taken', { extensions: { code: 'CONFLICT', reason: 'SHORTCUT_TAKEN' } }),
      ]);
    await settle(fixture);
    expect(alerts()).toEqual(['Another template in use has the shortcut welcome: choose another.']);
  });

  it('edits a saved template: filled in, focused, its team fixed, the whole template sent', async () => {
    host().form.edit(lateBus);
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Edit template Late bus');
    expect(document.activeElement).toBe(field('template-name'));
    expect(field<HTMLSelectElement>('template-team').disabled).toBe(true);
    expect(field<HTMLTextAreaElement>('template-body-1').value).toBe(lateBus.translations[1]!.body);
    page().querySelector<HTMLButtonElement>('[aria-label="Remove text 2 (Spanish (es))"]')!.click();
    await settle(fixture);
    expect(field('template-body-1')).toBeNull();
    submit().click();
    await settle(fixture);
    const update = apollo.expectOne(UpdateReplyTemplateDocument);
    expect(update.operation.variables).toEqual({
      id: 'rt1',
      input: {
        name: 'Late bus',
        shortcut: 'late-bus',
        teamId: 'team1',
        translations: [lateBus.translations[0]],
        setStatus: 'PENDING',
        setPriority: null,
        setTopicId: 't1',
        addTags: ['bus'],
        vitalCategory: null,
      },
    });
    update.flushData({ updateReplyTemplate: { __typename: 'ReplyTemplate', ...lateBus } } as never);
    await settle(fixture);
    expect(host().saved).toEqual(['Template Late bus was saved.']);
    expect(page().querySelector('h2')!.textContent).toBe('Add a template');
  });

  it('stops editing on Cancel editing, and forgets a template archived meanwhile', async () => {
    host().form.edit(lateBus);
    await settle(fixture);
    button('Cancel editing').click();
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Add a template');
    host().form.edit(lateBus);
    host().form.forget('rt1');
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Add a template');
    expect(field<HTMLSelectElement>('template-team').disabled).toBe(false);
  });
});
