/**
 * Sentiment of an inquiry, English or Spanish, from a lexicon and a few rules. It answers one question
 * for the queue: is this person upset (NEGATIVE), pleased (POSITIVE) or just asking (NEUTRAL)? A lexicon
 * is enough for that and stays explainable: every score comes with the words that made it.
 *
 * The rules are the ones that change the answer in real messages: negation ("not happy", "no estoy
 * contento"), intensifiers ("very", "extremely", "muy"), a contrast ("...nice, but the bus is late again"
 * is about the bus), emphasis by capitals ("LATE") and exclamation marks.
 */
import { foldText, type Language } from '@homeroom/shared/text';

export const SENTIMENT_LABELS = ['NEGATIVE', 'NEUTRAL', 'POSITIVE'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export interface SentimentTerm {
  /** The word or phrase, folded. */
  term: string;
  /** What it contributed after negation, intensifiers, contrast and emphasis. */
  weight: number;
}

export interface SentimentResult {
  /** In [-1, 1]: -1 very negative, 0 no sentiment, 1 very positive. */
  score: number;
  label: SentimentLabel;
  /** The words that made the score, in text order. */
  terms: SentimentTerm[];
}

/** Scores within ±NEUTRAL_BAND are NEUTRAL: one mild word ("late", "thanks") does not make a mood. */
export const NEUTRAL_BAND = 0.3;
// Normalising raw sums x to x / sqrt(x² + k): one strong word (3) gives 0.61, three give 0.92, never 1.
const NORMALIZATION = 15;
// A negated word flips and weakens: "not bad" is mildly good, not as good as "good"; "not happy" is a
// complaint. (VADER, the best-known lexicon scorer, uses the same factor.)
const NEGATION_FACTOR = -0.74;
const NEGATION_WINDOW = 3;
const CAPS_FACTOR = 1.5;
const SHOUTING_FACTOR = 1.3;
const EXCLAMATION_BOOST = 0.3;
const MAX_EXCLAMATIONS = 3;
// What follows "but" is what the writer means: "the teacher is nice but the bus is late" is a complaint.
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;

type Entry =
  | { kind: 'sentiment'; weight: number }
  | { kind: 'booster'; factor: number }
  | { kind: 'negator' }
  | { kind: 'contrast' }
  | { kind: 'neutral' };

// Weights from -3 to 3. Words, not stems: lists are explicit so that no stem of "caring" matches "car".
// Spanish adjectives ending in -o and nouns are expanded to their gender and plural forms below.
const LEXICON: Record<Language, Record<string, number>> = {
  en: {
    ...spread(0.8, 'thank thanks thankful'),
    ...spread(1, 'better easy prompt resolved fixed improved smooth safe helped'),
    ...spread(1.5, 'good nice kind patient attentive professional fun enjoy enjoyed enjoys recommend solved'),
    ...spread(1.5, 'reassured reassuring responsive organized respectful'),
    ...spread(
      2,
      'appreciate appreciated appreciates appreciative grateful gratitude great helpful happy glad',
    ),
    ...spread(2, 'pleased caring friendly supportive welcoming proud kudos bravo thoughtful dedicated'),
    ...spread(2, 'dedication compassionate beautiful hero heroes blessing blessed'),
    ...spread(2.5, 'love loved loves incredible impressed best perfect lovely'),
    ...spread(3, 'amazing awesome excellent wonderful fantastic outstanding delighted thrilled superb'),
    ...spread(3, 'terrific brilliant exceptional phenomenal'),
    ...spread(-0.8, 'delayed late slow lost missing'),
    ...spread(-1, 'problem problems confused unclear difficult missed stuck nobody hungry excuse excuses'),
    ...spread(-1.5, 'concerned concern concerns poor poorly wrong broken complaint complain complaining'),
    ...spread(-1.5, 'struggling struggle confusing tired stress joke leaking'),
    ...spread(-1.8, 'worried worry worrying'),
    ...spread(-2, 'upset annoyed annoying bad yelled yelling screamed screaming scared afraid frightened'),
    ...spread(-2, 'fail failed failing ignored ignoring unanswered sad crying cried hurt unfair mess'),
    ...spread(
      -2,
      'chaos chaotic shame embarrassing embarrassed stressed stressful anxious anxiety overwhelmed',
    ),
    ...spread(-2, 'inappropriate careless lazy sloppy dirty gross unhappy threatened stole stolen bully'),
    ...spread(-2, 'bullied bullying absurd shocked ashamed neglected'),
    ...spread(-2.5, 'angry frustrated frustrating frustration disappointed disappointing disappointment'),
    ...spread(-2.5, 'ridiculous worse rude disrespectful unsafe dangerous harassed harassment stupid'),
    ...spread(-2.5, 'useless filthy dissatisfied unprofessional lied negligence stranded terrified'),
    ...spread(-3, 'unacceptable terrible horrible awful worst incompetent disgusting disgusted nightmare'),
    ...spread(-3, 'outrageous furious livid appalled appalling negligent'),
    // Thanks closes most messages, questions included, so on its own it is polite, not pleased.
    'thank you so much': 1.5,
    'thanks so much': 1.5,
    'thank you very much': 1.5,
    'thanks a lot': 1.2,
    'thanks in advance': 0.5,
    'big thanks': 2,
    'above and beyond': 3,
    'well done': 2.5,
    'great job': 3,
    'made my day': 3,
    'means a lot': 2.5,
    'cant thank you enough': 3,
    'couldnt be happier': 3,
    'no one': -1,
    'still waiting': -2,
    'still no': -1.5,
    'fed up': -2.5,
    'sick and tired': -3,
    'waste of time': -2.5,
    'not acceptable': -3,
    'no excuse': -2,
    'no response': -2,
    // Greetings, sign-offs and polite requests are not praise.
    'good morning': 0,
    'good afternoon': 0,
    'good evening': 0,
    'have a good day': 0,
    'have a great day': 0,
    'have a nice day': 0,
    'have a great weekend': 0,
    'best regards': 0,
    'kind regards': 0,
    'warm regards': 0,
    'all the best': 0,
    'would love to': 0,
    'id love to': 0,
    'would appreciate': 0.8,
  },
  es: {
    ...spread(0.8, 'gracias'),
    ...spread(1, 'mejor resuelto facil rapido tranquilo'),
    ...spread(1.5, 'bueno buena buen atento paciencia paciente'),
    ...spread(2, 'agradezco agradecemos agradecido contento feliz felices amable orgulloso carinoso'),
    ...spread(2, 'dedicacion'),
    ...spread(2.5, 'genial encanta encantado encantan increible felicito felicidades bendicion'),
    ...spread(3, 'excelente maravilloso fantastico'),
    ...spread(-0.8, 'tarde lento perdido'),
    ...spread(-1, 'problema confundido dificil nadie'),
    ...spread(-1.5, 'queja preocupacion confuso cansado olvidaron olvido'),
    ...spread(-1.8, 'preocupado preocupa preocupante'),
    ...spread(-2, 'molesto malo mala mal miedo asustado triste llorando lloro injusto ignorado ignoran'),
    ...spread(-2, 'ignoraron sucio grito gritando golpeado abandonado robaron'),
    ...spread(-2.5, 'enojado frustrado frustrante decepcionado decepcion ridiculo grosero irrespetuoso'),
    ...spread(-2.5, 'peligroso peligro peor harto acoso acosado desesperado verguenza'),
    ...spread(-3, 'inaceptable terrible horrible pesimo negligencia'),
    'muchas gracias': 1.2,
    'mil gracias': 1.5,
    'muy agradecido': 3,
    'falta de respeto': -2.5,
    'sin respuesta': -2,
    'todavia esperando': -2,
    'seguimos esperando': -2,
    // Greetings are not praise.
    'buenos dias': 0,
    'buenas tardes': 0,
    'buenas noches': 0,
  },
};

const BOOSTERS: Record<string, number> = {
  ...spread(1.3, 'really so too quite always constantly repeatedly'),
  ...spread(1.5, 'very truly deeply highly super totally completely absolutely seriously'),
  ...spread(1.8, 'extremely incredibly unbelievably'),
  ...spread(0.6, 'slightly somewhat'),
  'a bit': 0.6,
  'a little': 0.6,
  'kind of': 0.6,
  'sort of': 0.6,
  'every day': 1.3,
  'every single day': 1.5,
  ...spread(1.3, 'siempre bastante realmente tan demasiado'),
  ...spread(1.5, 'muy sumamente totalmente super'),
  ...spread(1.8, 'extremadamente increiblemente'),
  'un poco': 0.6,
  'todos los dias': 1.3,
};

const NEGATORS = `not no never nothing neither nor without hardly dont doesnt didnt isnt wasnt arent werent cant
  couldnt wont wouldnt shouldnt havent hasnt hadnt aint nunca jamas tampoco ni sin nada`;

const CONTRASTS = ['but', 'however', 'although', 'though', 'pero', 'aunque', 'sin embargo'];

const DICTIONARY = buildDictionary();
const LONGEST_PHRASE = Math.max(...[...DICTIONARY.keys()].map((key) => key.split(' ').length));

interface Unit {
  term: string;
  entry: Entry | undefined;
  /** Every letter of the unit was written in capitals. */
  capitals: boolean;
  /** The index of the clause (between sentence breaks and commas) this unit is in. */
  clause: number;
}

export function scoreSentiment(text: string): SentimentResult {
  const units = unitsOf(text);
  const lastContrast = units.findLastIndex((unit) => unit.entry?.kind === 'contrast');
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 10 && letters === letters.toUpperCase();
  const mixedCase = !shouting && /\p{Ll}/u.test(text);

  const terms: SentimentTerm[] = [];
  units.forEach((unit, index) => {
    if (unit.entry?.kind !== 'sentiment' || unit.entry.weight === 0) return;
    let weight = unit.entry.weight;
    let negated = false;
    let boosting = true;
    for (let back = index - 1; back >= 0 && back >= index - NEGATION_WINDOW; back--) {
      const before = units[back]!;
      if (before.clause !== unit.clause) break;
      if (before.entry?.kind === 'negator') negated = true;
      // Intensifiers count only right before the word (or before "not" right before it: "not very happy").
      else if (before.entry?.kind === 'booster' && boosting) weight *= before.entry.factor;
      else boosting = false;
    }
    if (negated) weight *= NEGATION_FACTOR;
    if (mixedCase && unit.capitals) weight *= CAPS_FACTOR;
    if (shouting) weight *= SHOUTING_FACTOR;
    if (lastContrast >= 0) weight *= index < lastContrast ? BEFORE_CONTRAST : AFTER_CONTRAST;
    terms.push({ term: unit.term, weight: round(weight) });
  });

  let sum = terms.reduce((total, term) => total + term.weight, 0);
  const exclamations = Math.min(MAX_EXCLAMATIONS, (text.match(/!/g) ?? []).length);
  if (sum !== 0) sum += Math.sign(sum) * EXCLAMATION_BOOST * exclamations;
  const score = round(sum / Math.sqrt(sum * sum + NORMALIZATION));
  const label: SentimentLabel =
    score >= NEUTRAL_BAND ? 'POSITIVE' : score <= -NEUTRAL_BAND ? 'NEGATIVE' : 'NEUTRAL';
  return { score, label, terms };
}

/** Words grouped into dictionary phrases (longest first), each with its clause and whether it was capitals. */
function unitsOf(text: string): Unit[] {
  const words: { raw: string; folded: string; clause: number }[] = [];
  let clause = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+|[.,;:!?\n()]/gu)) {
    const raw = match[0];
    if (/^[.,;:!?\n()]$/.test(raw)) {
      clause++;
      continue;
    }
    const folded = foldText(raw);
    if (folded) words.push({ raw, folded, clause });
  }
  const units: Unit[] = [];
  for (let i = 0; i < words.length;) {
    let length = Math.min(LONGEST_PHRASE, words.length - i);
    for (; length > 1; length--) {
      const span = words.slice(i, i + length);
      if (span.some((word) => word.clause !== span[0]!.clause)) continue;
      if (DICTIONARY.has(span.map((word) => word.folded).join(' '))) break;
    }
    const span = words.slice(i, i + length);
    const term = span.map((word) => word.folded).join(' ');
    const entry = DICTIONARY.get(term);
    units.push({
      term,
      entry,
      capitals: span.every(
        (word) => word.raw.length > 1 && word.raw === word.raw.toUpperCase() && /\p{L}/u.test(word.raw),
      ),
      clause: entry?.kind === 'contrast' ? -1 : span[0]!.clause,
    });
    i += length;
  }
  return units;
}

function buildDictionary(): Map<string, Entry> {
  const dictionary = new Map<string, Entry>();
  for (const word of NEGATORS.split(/\s+/)) dictionary.set(word, { kind: 'negator' });
  for (const phrase of CONTRASTS) dictionary.set(phrase, { kind: 'contrast' });
  for (const [phrase, factor] of Object.entries(BOOSTERS))
    dictionary.set(phrase, { kind: 'booster', factor });
  for (const [language, lexicon] of Object.entries(LEXICON) as [Language, Record<string, number>][]) {
    for (const [phrase, weight] of Object.entries(lexicon)) {
      const entry: Entry = weight === 0 ? { kind: 'neutral' } : { kind: 'sentiment', weight };
      for (const form of language === 'es' ? spanishForms(phrase) : [phrase]) {
        if (!dictionary.has(form)) dictionary.set(form, entry);
      }
    }
  }
  return dictionary;
}

/** A Spanish adjective or noun with its gender and plural forms: "molesto" → molesta, molestos, molestas. */
function spanishForms(word: string): string[] {
  if (word.includes(' ')) return [word];
  if (word.endsWith('o')) {
    const root = word.slice(0, -1);
    return [word, `${root}a`, `${root}os`, `${root}as`];
  }
  if (/[aeiu]$/.test(word)) return [word, `${word}s`];
  if (/[nrld]$/.test(word)) return [word, `${word}es`];
  return [word];
}

function spread(weight: number, words: string): Record<string, number> {
  return Object.fromEntries(
    words
      .trim()
      .split(/\s+/)
      .map((word) => [word, weight]),
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
