/**
 * @jest-environment jsdom
 */
import { Component } from '@angular/core';
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
import { type ChosenTemplate, ReplyTemplatesComponent } from './reply-templates.component';
import {
  RenderReplyTemplateDocument,
  type RenderReplyTemplateQuery,
  ReplyTemplatesDocument,
  type ReplyTemplatesQuery,
} from './operations.generated';

/** The case page: it puts each chosen template in its reply box. */
@Component({
  imports: [ReplyTemplatesComponent],
  template: `<hr-reply-templates caseId="c1" (chosen)="chosen.push($event)" />`,
})
class CasePageComponent {
  readonly chosen: ChosenTemplate[] = [];
}

const template = (id: string, name: string, shortcut: string | null, languages: string[]) => ({
  id,
  name,
  shortcut,
  translations: languages.map((language) => ({ language })),
});

const FOUND: ReplyTemplatesQuery = {
  replyTemplates: {
    edges: [
      { node: template('t1', 'Late bus', 'late-bus', ['en', 'es']) },
      { node: template('t2', 'Bus pass renewal', null, ['en']) },
    ],
  },
};
const RENDERED: RenderReplyTemplateQuery = {
  renderReplyTemplate: {
    templateId: 't2',
    language: 'es',
    body: 'Hola Ana Ruiz, el caso HR-2026-000042: el pase de autobús se renueva en la oficina.',
  },
};

describe("the case's reply template picker", () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const box = () => page().querySelector<HTMLInputElement>('#template-search')!;
  const options = () => [...page().querySelectorAll('[role="option"]')];
  const key = async (name: string) => {
    box().dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    await settle(fixture);
  };

  async function type(text: string): Promise<void> {
    setField(page(), 'template-search', text);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CasePageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('asks for nothing until the agent types, and is a labelled combobox', async () => {
    await settle(fixture);
    expect(page().querySelector('h2')!.textContent).toBe('Reply templates');
    expect(box().getAttribute('role')).toBe('combobox');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    apollo.expectNone(ReplyTemplatesDocument);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('lists the templates matching what is typed, with their shortcut and languages', async () => {
    await type('bus');
    const search = apollo.expectOne(ReplyTemplatesDocument);
    expect(search.operation.variables).toEqual({ search: 'bus' });
    search.flushData(FOUND);
    await settle(fixture);
    expect(options().map((option) => option.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'Late bus late-bus — en · es',
      'Bus pass renewal — en',
    ]);
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(box().getAttribute('aria-activedescendant')).toBe('template-t1');
    expect(await axeViolations(page())).toEqual([]);
  });

  it('picks with the arrow keys and Enter, and hands the text for this case to the page', async () => {
    await type('bus');
    apollo.expectOne(ReplyTemplatesDocument).flushData(FOUND);
    await settle(fixture);
    await key('ArrowDown');
    expect(box().getAttribute('aria-activedescendant')).toBe('template-t2');
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    await key('Enter');
    const render = apollo.expectOne(RenderReplyTemplateDocument);
    expect(render.operation.variables).toEqual({ templateId: 't2', caseId: 'c1' });
    render.flushData(RENDERED);
    await settle(fixture);
    expect(fixture.componentInstance.chosen).toEqual([
      {
        templateId: 't2',
        language: 'es',
        body: 'Hola Ana Ruiz, el caso HR-2026-000042: el pase de autobús se renueva en la oficina.',
      },
    ]);
    // Put away once chosen, ready for the next.
    expect(options()).toEqual([]);
    expect(box().value).toBe('');
  });

  it('says when nothing matches, and keeps only the newest search’s answer', async () => {
    await type('bu');
    const older = apollo.expectOne(ReplyTemplatesDocument);
    await type('zzz');
    const newer = apollo.expectOne(ReplyTemplatesDocument);
    newer.flushData({ replyTemplates: { edges: [] } });
    older.flushData(FOUND);
    await settle(fixture);
    expect(options()).toEqual([]);
    expect(page().querySelector('[role="status"]')!.textContent).toContain('No template matches “zzz”.');
  });

  it('says why a template could not be put in, and sends nothing', async () => {
    await type('late');
    apollo.expectOne(ReplyTemplatesDocument).flushData(FOUND);
    await settle(fixture);
    (options()[0] as HTMLElement).click();
    apollo
      .expectOne(RenderReplyTemplateDocument)
      .graphqlErrors([new GraphQLError('Reply template not found', { extensions: { code: 'NOT_FOUND' } })]);
    await settle(fixture);
    expect(alertTexts(page()).length).toBe(1);
    expect(fixture.componentInstance.chosen).toEqual([]);
    expect(await axeViolations(page())).toEqual([]);
  });
});
