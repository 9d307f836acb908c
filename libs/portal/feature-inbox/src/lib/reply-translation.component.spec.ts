/**
 * @jest-environment jsdom
 */
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  settle,
} from '@homeroom/portal/ui/testing';
import { ReplyTranslationComponent, type TranslatedReply } from './reply-translation.component';
import { ReplyTranslationDocument } from './operations.generated';

/** The case page: it puts each translation in its reply box. */
@Component({
  imports: [ReplyTranslationComponent],
  template: `<hr-reply-translation
    caseId="c1"
    language="so"
    [text]="text()"
    (translated)="translations.push($event)"
  />`,
})
class CasePageComponent {
  readonly text = signal('The bus will be late today.');
  readonly translations: TranslatedReply[] = [];
}

describe('translating a reply', () => {
  let fixture: ComponentFixture<CasePageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const button = () => buttonNamed(page(), 'Translate into Somali (so)')!;

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(CasePageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it("hands the page the reply in the requester's language, with what was written", async () => {
    expect(await axeViolations(page())).toEqual([]);
    button().click();
    await settle(fixture);
    apollo.expectOne(ReplyTranslationDocument).flushData({
      replyTranslation: { language: 'so', text: 'Baska maanta wuu soo daahayaa.', provider: 'GOOGLE' },
    });
    await settle(fixture);
    expect(fixture.componentInstance.translations).toEqual([
      {
        original: 'The bus will be late today.',
        translation: 'Baska maanta wuu soo daahayaa.',
        language: 'so',
        provider: 'GOOGLE',
      },
    ]);
    expect(alertTexts(page())).toEqual([]);
  });

  it.each([
    ['FEATURE_DISABLED', 'TRANSLATION', 'Machine translation is not turned on for this district.'],
    [
      'BAD_USER_INPUT',
      'UNSUPPORTED_LANGUAGE',
      "The district's translation service does not translate into this language.",
    ],
    [
      'UPSTREAM_UNAVAILABLE',
      'TRANSLATION_FAILED',
      'The translation service did not answer; try again in a moment.',
    ],
  ])('says plainly why there is no translation (%s %s)', async (code, reason, said) => {
    button().click();
    await settle(fixture);
    apollo
      .expectOne(ReplyTranslationDocument)
      .graphqlErrors([new GraphQLError('refused', { extensions: { code, reason } })]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual([said]);
    expect(fixture.componentInstance.translations).toEqual([]);
  });

  it('has nothing to translate in an empty reply', async () => {
    fixture.componentInstance.text.set('   ');
    await settle(fixture);
    expect(button().disabled).toBe(true);
  });
});
