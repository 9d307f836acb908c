/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import { PUBLIC_TEXT, PUBLIC_TEXT_KEYS } from '@homeroom/shared/public-text';
import {
  AdminPublicTextCorrectionsDocument,
  type AdminPublicTextCorrectionsQuery,
  CorrectPublicTextDocument,
  ResetPublicTextDocument,
} from '../operations.generated';
import { PublicTextsPageComponent } from './public-texts-page.component';

const correction = (language: string, key: string, text: string) => ({
  __typename: 'PublicTextCorrection',
  language,
  key,
  text,
  updatedAt: '2026-12-01T14:00:00.000Z',
});
const answer = (corrections: ReturnType<typeof correction>[]) =>
  ({ publicTextCorrections: corrections }) as unknown as AdminPublicTextCorrectionsQuery;

describe('the public pages’ words, for the district to correct', () => {
  let fixture: ComponentFixture<PublicTextsPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const row = (key: string) => page().querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`)!;
  const field = (key: string) => row(key).querySelector('textarea')!;
  const rowButton = (key: string, name: string) =>
    [...row(key).querySelectorAll('button')].find((button) => button.textContent!.trim().startsWith(name));

  async function corrections(data: AdminPublicTextCorrectionsQuery): Promise<void> {
    apollo.expectOne(AdminPublicTextCorrectionsDocument).flushData(data);
    await settle(fixture);
  }

  async function chooseLanguage(language: string): Promise<void> {
    setField(page(), 'public-text-language', language);
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(PublicTextsPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
  });

  it('says it is loading, and offers no field to edit until the district’s corrections are in', async () => {
    expect(page().querySelector('[role="status"]')!.textContent).toContain(
      'Loading the district’s corrections',
    );
    expect(page().querySelectorAll('textarea')).toHaveLength(0);
    await corrections(answer([]));
    expect(page().querySelector('[role="status"]')).toBeNull();
    expect(page().querySelectorAll('textarea')).toHaveLength(PUBLIC_TEXT_KEYS.length);
  });

  it('shows every string beside the English, with the language’s review status, corrections in place', async () => {
    await corrections(answer([correction('ar', 'send', 'أرسِل')]));
    expect(page().querySelectorAll('tbody tr')).toHaveLength(PUBLIC_TEXT_KEYS.length);
    expect(field('contactTitle').value).toBe(PUBLIC_TEXT.es.contactTitle);
    await chooseLanguage('ar');
    expect(page().querySelector('[data-testid="review-status"]')!.textContent!.trim()).toBe(
      'Machine-assisted draft, awaiting native-speaker review.',
    );
    expect(row('send').querySelector('td')!.textContent!.trim()).toBe('Send');
    expect([field('send').value, field('send').lang, field('send').dir]).toEqual(['أرسِل', 'ar', 'rtl']);
    expect(row('send').textContent).toContain(`Shipped: ${PUBLIC_TEXT.ar.send}`);
    expect(rowButton('send', 'Reset')).toBeDefined();
    expect(rowButton('contactTitle', 'Reset')).toBeUndefined();
    expect(rowButton('contactTitle', 'Save')!.disabled).toBe(true);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('saves a correction, and refuses one that loses a placeholder before sending it', async () => {
    await corrections(answer([]));
    await chooseLanguage('vi');
    field('attachHint').value = 'Một tấm ảnh, tối đa 10 MB.';
    field('attachHint').dispatchEvent(new Event('input'));
    await settle(fixture);
    rowButton('attachHint', 'Save')!.click();
    await settle(fixture);
    apollo.expectNone(CorrectPublicTextDocument);
    expect(alertTexts(page())).toEqual(['Keep the placeholders in braces exactly as in the English.']);

    field('attachHint').value = 'Ảnh hoặc tập tin, tối đa {max}.';
    field('attachHint').dispatchEvent(new Event('input'));
    await settle(fixture);
    rowButton('attachHint', 'Save')!.click();
    const save = apollo.expectOne(CorrectPublicTextDocument);
    expect(save.operation.variables).toEqual({
      language: 'vi',
      key: 'attachHint',
      text: 'Ảnh hoặc tập tin, tối đa {max}.',
    });
    save.flushData({
      correctPublicText: correction('vi', 'attachHint', 'Ảnh hoặc tập tin, tối đa {max}.'),
    } as never);
    await settle(fixture);
    await corrections(answer([correction('vi', 'attachHint', 'Ảnh hoặc tập tin, tối đa {max}.')]));
    expect(alertTexts(page())).toEqual([]);
    expect(page().querySelector('[role="status"]')!.textContent).toContain('Saved');
    expect(rowButton('attachHint', 'Reset')).toBeDefined();
  });

  it('says the API’s refusal in plain words, and resets a correction to the shipped words', async () => {
    await corrections(answer([correction('es', 'send', 'Mandar')]));
    field('send').value = 'x'.repeat(10);
    field('send').dispatchEvent(new Event('input'));
    await settle(fixture);
    rowButton('send', 'Save')!.click();
    apollo.expectOne(CorrectPublicTextDocument).graphqlErrors([
      new GraphQLError('refused', {
        extensions: { code: 'BAD_USER_INPUT', reason: 'PUBLIC_TEXT_TOO_LONG' },
      }),
    ]);
    await settle(fixture);
    expect(alertTexts(page())).toEqual(['Keep it to 300 characters.']);

    rowButton('send', 'Reset')!.click();
    const reset = apollo.expectOne(ResetPublicTextDocument);
    expect(reset.operation.variables).toEqual({ language: 'es', key: 'send' });
    reset.flushData({ resetPublicText: true });
    await settle(fixture);
    await corrections(answer([]));
    expect(field('send').value).toBe(PUBLIC_TEXT.es.send);
    expect(rowButton('send', 'Reset')).toBeUndefined();
    expect(buttonNamed(page(), 'Reset')).toBeUndefined();
  });
});
