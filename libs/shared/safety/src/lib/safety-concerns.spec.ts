import { detectSafetyConcerns } from './safety-concerns';

describe('safety concerns', () => {
  it.each([
    ['My son said he wants to die and has been cutting himself.', ['SELF_HARM']],
    ['Mi hija dijo que quiere suicidarse.', ['SELF_HARM']],
    ['A boy threatened to shoot up the school on Friday.', ['VIOLENCE']],
    ['A student brought a knife to school today.', ['WEAPON']],
    ['Un alumno trajo una pistola al autobús.', ['WEAPON']],
    ['Her stepfather beats her and she is afraid to go home.', ['ABUSE']],
    ['I think my daughter was abused by her coach.', ['ABUSE']],
    ['He said he was going to kill him and showed a gun in his backpack.', ['VIOLENCE', 'WEAPON']],
  ])('flags %p', (text, categories) => {
    expect(detectSafetyConcerns(text).map((f) => f.category)).toEqual(categories);
  });

  it.each([
    'The bus schedule is killing me, it is late every day.',
    'Can you tell me when the knife skills class in culinary arts starts?',
    'We are dying to know the results of the science fair!',
    'Which gun safety course does the JROTC program require?',
    'Is the abuse-prevention assembly open to parents?',
  ])('lets %p through', (text) => {
    expect(detectSafetyConcerns(text)).toEqual([]);
  });

  it('names the words that raised the concern', () => {
    expect(detectSafetyConcerns('He has a gun.')).toEqual([{ category: 'WEAPON', evidence: 'has a gun' }]);
  });
});
