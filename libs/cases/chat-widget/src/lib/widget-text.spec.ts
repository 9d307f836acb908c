import { fill, WIDGET_TEXT, widgetLanguage } from './widget-text';

describe('the widget’s words', () => {
  it('has every word in every language, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const words of Object.values(WIDGET_TEXT)) {
      expect(Object.keys(words).sort()).toEqual(Object.keys(WIDGET_TEXT.en).sort());
      for (const [key, text] of Object.entries(words)) {
        expect(text.trim()).not.toBe('');
        expect(placeholders(text)).toEqual(placeholders(WIDGET_TEXT.en[key as keyof typeof WIDGET_TEXT.en]));
      }
    }
  });

  it('speaks the page’s language when it is one of the seven, English otherwise', () => {
    expect(widgetLanguage('es-MX')).toBe('es');
    expect(widgetLanguage('ES')).toBe('es');
    expect(widgetLanguage('vi')).toBe('vi');
    expect(widgetLanguage('zh-Hans')).toBe('zh');
    expect(widgetLanguage('ar_EG')).toBe('ar');
    expect(widgetLanguage('fr')).toBe('en');
    expect(widgetLanguage('')).toBe('en');
    expect(widgetLanguage(undefined)).toBe('en');
  });

  it('fills placeholders, leaving unknown ones as written', () => {
    expect(fill('Case {number} at {time}', { number: 'HR-1' })).toBe('Case HR-1 at {time}');
  });
});
