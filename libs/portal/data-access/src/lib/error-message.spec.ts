import { ERROR_CODES } from '@homeroom/shared/errors';
import { PUBLIC_LANGUAGES } from '@homeroom/shared/public-text';
import { FALLBACK_WORDS } from './error-words';
import { errorMessage, errorReason } from './error-message';

const refused = (code: string, extensions: object = {}) => ({
  errors: [{ message: 'x', extensions: { code, ...extensions } }],
});

describe('error messages', () => {
  it('speaks plainly for each code, in the page language', () => {
    expect(errorMessage(refused('FORBIDDEN'), 'en')).toBe('You do not have access to this.');
    expect(errorMessage(refused('FORBIDDEN'), 'es')).toBe('No tiene acceso a esto.');
    expect(errorMessage(refused('CONFLICT'), 'en')).toMatch(/changed in the meantime/);
  });

  it('names the refused fields for staff, by the last part of their path', () => {
    const error = refused('BAD_USER_INPUT', {
      details: [
        { path: 'input.requester.email', message: 'not an email address' },
        { path: 'position', message: 'must be 1 or more' },
      ],
    });
    expect(errorMessage(error, 'en')).toBe(
      'Please check what you entered. email: not an email address; position: must be 1 or more.',
    );
    // The API's field messages are English: the Spanish pages keep the general sentence.
    expect(errorMessage(error, 'es')).toBe('Revise lo que escribió, por favor.');
  });

  it('reads Apollo link errors too, and falls back for the unknown', () => {
    expect(errorMessage({ graphQLErrors: [{ extensions: { code: 'RATE_LIMITED' } }] }, 'en')).toMatch(
      /wait a minute/,
    );
    expect(errorMessage(refused('SOMETHING_NEW'), 'en')).toBe('Something went wrong. Please try again.');
    expect(errorMessage(new Error('network down'), 'es')).toBe('Algo salió mal. Vuelva a intentarlo.');
  });
});

describe('error reasons', () => {
  it("reads the first error's finer code, from a response or an Apollo link error", () => {
    expect(errorReason(refused('CONFLICT', { reason: 'ALREADY_SETTLED' }))).toBe('ALREADY_SETTLED');
    expect(errorReason({ graphQLErrors: [{ extensions: { code: 'X', reason: 'NO_SENDER' } }] })).toBe(
      'NO_SENDER',
    );
  });

  it('is none when the refusal gives no reason, or the failure is not the API', () => {
    expect(errorReason(refused('CONFLICT'))).toBeUndefined();
    expect(errorReason(new Error('network down'))).toBeUndefined();
  });
});

describe('error messages in the public pages’ seven languages', () => {
  it('has words for every code in every language, the fallback too', () => {
    for (const code of Object.values(ERROR_CODES)) {
      for (const language of PUBLIC_LANGUAGES) {
        const words = errorMessage(refused(code), language);
        expect([code, language, words.length > 0, words === FALLBACK_WORDS[language]]).toEqual([
          code,
          language,
          true,
          false,
        ]);
      }
    }
    expect(errorMessage(new Error('offline'), 'ar')).toBe('حدث خطأ. يُرجى المحاولة مرة أخرى.');
    expect(errorMessage(refused('RATE_LIMITED'), 'zh')).toBe('短时间内尝试次数过多。请稍等一分钟后再试。');
  });
});
