import { caseNumberInSubject, newPartOfReply } from './email-rules';

describe('email rules', () => {
  it('finds the case number in a reply subject', () => {
    expect(caseNumberInSubject('Re: [HR-2026-004211] Bus 14 was late')).toBe('HR-2026-004211');
    expect(caseNumberInSubject('RE: hr-2026-000042')).toBe('HR-2026-000042');
    expect(caseNumberInSubject('Bus 14 was late')).toBeUndefined();
  });

  it('keeps only the new part of a reply', () => {
    const reply = [
      'It happened again this morning.',
      '',
      'Rosa',
      '-- ',
      'Rosa Parks | PTA',
      '',
      'On Tue, Nov 24, 2026 at 9:14 AM Lincoln Elementary <talk@homeroom.test> wrote:',
      '> We are sorry about the delay.',
    ].join('\r\n');
    expect(newPartOfReply(reply)).toBe('It happened again this morning.\n\nRosa');
    expect(
      newPartOfReply(
        'Gracias.\nEl mar, 24 nov 2026 a las 9:14, Escuela <talk@homeroom.test> escribió:\n> Hola',
      ),
    ).toBe('Gracias.');
    expect(newPartOfReply('> only quoted\n> text')).toBe('');
  });
});
