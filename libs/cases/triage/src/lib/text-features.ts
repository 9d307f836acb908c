/**
 * Text features for triage: what the topic classifier (and, in part, the sentiment scorer) sees of an
 * inquiry. Families write in English and Spanish, on phones, with and without accents, so everything is
 * folded to lower-case ASCII first; then the language is guessed from its function words, because the
 * stopword list and the suffix stemmer differ between the two (Spanish "son" is a verb, English "son" is
 * the topic of half our mail).
 *
 * The specifics of a message (a URL, an address, a bus number, an amount, a time) do not repeat across
 * messages, so as words they would only ever be noise; their *kind* does repeat ("there is an amount"
 * says meal account, "there is a time" says bus delay), so each becomes a marker token such as `<money>`.
 */
import { foldText, type Language } from '@homeroom/shared/text';

export const MARKERS = {
  url: '<url>',
  email: '<email>',
  money: '<money>',
  time: '<time>',
  date: '<date>',
  street: '<street>',
  school: '<school>',
  staff: '<staff>',
} as const;

// Proper names of streets, schools and staff are as particular to a message as a bus number: every
// district has its own, and a classifier that learned "Lakeview Drive" means a route question would be
// learning its training data. They are recognised by their shape (capitalised words before "Street",
// "Elementary", after "Ms."), which is why these run on the text before it is lower-cased.
const STREET_PATTERN =
  /\b(?:\d+\s+)?(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Way|Court|Ct|Parkway|Apartments|Apts)\b\.?/g;
const SCHOOL_PATTERN =
  /\b(?:[A-Z][a-z]+\s+){1,3}(?:Elementary|Middle|High|Academy|Primary|Intermediate)(?:\s+School)?\b/g;
const STAFF_PATTERN = /\b(?:Mr|Mrs|Ms|Miss|Dr|Coach)\.?\s+[A-Z][\w'’-]+/g;
const SPANISH_STAFF_PATTERN = /\b(maestr[oa]|se[nñ]ora?|profesora?|entrenador[a]?)\s+[A-Z][\w'’-]+/g;
// Days and months: that a date is mentioned can matter, which one never does.
const DATE_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december lunes martes miercoles jueves viernes sabado domingo enero febrero
  marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre`.split(/\s+/),
);

// Order matters: an email address contains what looks like a domain, a URL may contain digits and times.
const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|edu|gov|us)\b(?:\/\S*)?/g;
const EMAIL_PATTERN = /\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/g;
const MONEY_PATTERN = /\$\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars|dolares|usd)\b/g;
const TIME_PATTERN = /\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\b\.?)?|\b\d{1,2}\s?[ap]\.?m\b\.?/g;
// A token is a marker or a run of letters and digits; runs containing a digit ("14", "3rd", "b12") are
// dropped below: they are identifiers, not vocabulary.
const TOKEN_PATTERN = /<[a-z]+>|[a-z0-9]+/g;
// Features never pair words across a sentence: "...on Friday. Thanks" is not a phrase.
const CLAUSE_BREAK = /[.!?;:\n()]+/;

// Salutations and closing formulas: the same in every kind of message, and some contain words that do
// carry topics elsewhere ("concern", "morning", "help"). Each becomes a clause break.
const FORMULAS = new RegExp(
  `\\b(?:${[
    'to whom it may concern',
    'good (?:morning|afternoon|evening)',
    'hi there',
    'thanks? (?:you )?in advance',
    'thank you for your (?:help|time)',
    'any help (?:is|would be) (?:greatly )?appreciated',
    'best regards',
    'kind regards',
    'buen(?:os|as) (?:dias|tardes|noches)',
    'gracias de antemano',
    'espero su respuesta',
  ].join('|')})\\b`,
  'g',
);

/** Folded text with URLs, emails, amounts, times and proper names replaced by their markers. */
export function normalizeText(text: string): string {
  const named = text
    .normalize('NFC')
    .replace(SCHOOL_PATTERN, ` ${MARKERS.school} `)
    .replace(STREET_PATTERN, ` ${MARKERS.street} `)
    .replace(STAFF_PATTERN, ` ${MARKERS.staff} `)
    .replace(SPANISH_STAFF_PATTERN, `$1 ${MARKERS.staff} `);
  return foldText(named)
    .replace(FORMULAS, '. ')
    .replace(EMAIL_PATTERN, ` ${MARKERS.email} `)
    .replace(URL_PATTERN, ` ${MARKERS.url} `)
    .replace(MONEY_PATTERN, ` ${MARKERS.money} `)
    .replace(TIME_PATTERN, ` ${MARKERS.time} `);
}

// Words that carry no topic in either language: function words, question words, greetings and
// sign-offs, and the light verbs and fillers any request is built from ("get", "know", "still", "need").
// Left in, they are where a small training set finds accidental patterns. "Thanks", "late", "again" are
// not here: they say something about the message.
const ENGLISH_STOPWORDS = `a about above after all also am an and any are as at be because been before being
  both but by can could dear did do does doing done each for from further had has have having he hello her
  here hers herself hey hi him himself his how i id if im in into is it its itself ive just like me might
  mine more most must my myself no nor not of off on once only or other our ours ourselves out over own
  please same shall she should so some such than that the their theirs them themselves then there these
  they this those through to too under until up very was we were what when where which while who whom why
  will with would you your yours yourself yourselves dont doesnt didnt isnt wasnt arent werent cant couldnt
  wont wouldnt shouldnt havent hasnt hadnt thats theres whats youre theyre weve
  get gets getting got gotten go goes going went gone take takes taking took taken make makes making made
  know knows knew let lets keep keeps kept want wants wanted need needs needed see sees saw seen find
  found say says said tell tells told ask asks asked think thought seem seems
  still now already yet ever even really much many lot lots several every during since though anyway
  maybe sure able way well thing things something anything nothing everything someone anyone everyone
  somebody anybody nobody ok okay sincerely regards mom dad may use uses used using come comes came coming
  give gives gave given put puts try tries tried one instead else`;

const SPANISH_STOPWORDS = `a al algo algun alguna algunas alguno algunos ante antes aqui asi buen buenas
  bueno buenos como con cual cuales cuando de del desde donde dos e el ella ellas ellos en entre era eran
  es esa esas ese eso esos esta estaba estado estamos estan estar estas este esto estos estoy favor fue
  fueron ha hace han has hasta hay he hemos hola la las le les lo los me mi mis mucho muchos muy nada ni no
  nos nosotros nuestra nuestro nuestros o os otra otro para pero poco por porque puede pueden pues que
  quien quisiera se sea ser si sin sobre son soy su sus tambien tan tanto te tener tengo tenia ti tiene
  tienen todo todos tu tus u un una unas uno unos usted ustedes y ya yo
  dice dicen dijo dijeron puedo podria podemos quiero queremos necesito necesitamos saber ver hacer
  va van vamos solo otro otros gustaria saludos atentamente estimados`;

export const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(ENGLISH_STOPWORDS.split(/\s+/)),
  es: new Set(SPANISH_STOPWORDS.split(/\s+/)),
};

// Words frequent in one language and absent (as words) from the other: enough to tell a message's language.
const LANGUAGE_MARKERS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    'the and is my to of you it that for with was are this have not be on at our your he she'.split(' '),
  ),
  es: new Set(
    'el la los las de que y es mi por para con una del esta se lo le su hola mis nos al'.split(' '),
  ),
};

/** Word tokens of normalised text: markers kept, numbers and single letters dropped, nothing stemmed. */
export function words(text: string): string[] {
  return tokensOf(normalizeText(text));
}

function tokensOf(normalized: string): string[] {
  return (normalized.match(TOKEN_PATTERN) ?? [])
    .filter((token) => token.startsWith('<') || (token.length > 1 && !/\d/.test(token)))
    .map((token) => (DATE_WORDS.has(token) ? MARKERS.date : token));
}

/** 'es' when Spanish function words outnumber English ones; English otherwise (the district's default). */
export function detectLanguage(text: string): Language {
  return languageOfWords(words(text));
}

function languageOfWords(tokens: readonly string[]): Language {
  let en = 0;
  let es = 0;
  for (const word of tokens) {
    if (LANGUAGE_MARKERS.en.has(word)) en++;
    if (LANGUAGE_MARKERS.es.has(word)) es++;
  }
  return es > en ? 'es' : 'en';
}

/**
 * A light suffix stemmer: plurals, -ed/-ing/-ly and a final -e in English; plurals, verb endings and the
 * gender vowel in Spanish. It is crude on purpose: "delayed", "delays" and "delaying" (or "llegó", "llegar"
 * and "llegando") become one feature, and a stem being wrong English does not matter to the classifier as
 * long as it is the same stem every time.
 */
export function stem(word: string, language: Language): string {
  if (word.startsWith('<')) return word;
  return language === 'es' ? stemSpanish(word) : stemEnglish(word);
}

function stemEnglish(input: string): string {
  let word = input;
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (/(?:ss|us|is)$/.test(word)) return word;
  else if (/(?:s|x|z|ch|sh)es$/.test(word)) word = word.slice(0, -2);
  else if (word.endsWith('s')) word = word.slice(0, -1);

  if (word.endsWith('ied') && word.length > 4) word = `${word.slice(0, -3)}y`;
  else {
    const suffix = word.endsWith('ing') ? 'ing' : word.endsWith('ed') ? 'ed' : null;
    if (suffix && word.length - suffix.length >= 3) {
      word = word.slice(0, -suffix.length);
      // "stopped" → "stop", but "called" and "missed" keep their double letter.
      if (/([b-df-hj-kmnp-rtv-z])\1$/.test(word)) word = word.slice(0, -1);
    }
  }
  if (word.endsWith('ly') && word.length >= 7) word = word.slice(0, -2);
  // "grade", "graded", "grading" all end as "grad".
  if (word.endsWith('e') && word.length > 4) word = word.slice(0, -1);
  return word;
}

const SPANISH_ENDINGS = [
  'amente',
  'mente',
  'aciones',
  'acion',
  'ieron',
  'aron',
  'iendo',
  'ando',
  'aban',
  'amos',
  'emos',
  'imos',
  'aba',
  'ian',
  'ados',
  'adas',
  'idos',
  'idas',
  'ado',
  'ada',
  'ido',
  'ida',
  'ia',
  'ar',
  'er',
  'ir',
  'a',
  'o',
  'e',
];

function stemSpanish(input: string): string {
  let word = input;
  if (word.length <= 3) return word;
  // Plurals: "autobuses" → "autobus", "tareas" → "tarea"; but "autobus" itself keeps its s.
  if (/[^aeiou]es$/.test(word) && word.length > 5) word = word.slice(0, -2);
  else if (/[aeio]s$/.test(word)) word = word.slice(0, -1);
  for (const ending of SPANISH_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

export interface FeatureOptions {
  /** Adjacent-word pairs as well as single words ("bus late", "free lunch"). */
  bigrams: boolean;
  /**
   * Also the first N letters of every longer word, as a feature of its own ("vacci-"), 0 for none. It
   * catches what the stemmer and the training data miss: a typo after the first letters ("accomodation"),
   * another form of a known word ("vaccination" for "vaccine"), a cognate ("academico", "academic").
   */
  prefixes: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { bigrams: true, prefixes: 5 };

/** Content words of each clause: stopwords of the text's language dropped, the rest stemmed. */
export function contentTokens(text: string, language?: Language): string[][] {
  const clauses = normalizeText(text).split(CLAUSE_BREAK).map(tokensOf);
  const lang = language ?? languageOfWords(clauses.flat());
  const stopwords = STOPWORDS[lang];
  return clauses
    .map((clause) => clause.filter((token) => !stopwords.has(token)).map((token) => stem(token, lang)))
    .filter((clause) => clause.length > 0);
}

/**
 * The classifier's features: stemmed unigrams, word prefixes ending in "-" and, within a clause, bigrams
 * joined by a space (neither of which a unigram contains). Bigrams carry what single words cannot: "free
 * lunch" is not "lunch" plus "free". Repeats are kept; the classifier decides how to weigh them.
 */
export function textFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const features: string[] = [];
  for (const clause of contentTokens(text)) {
    features.push(...clause);
    if (options.prefixes) {
      for (const word of clause) {
        if (word.length > options.prefixes && !word.startsWith('<'))
          features.push(`${word.slice(0, options.prefixes)}-`);
      }
    }
    if (options.bigrams) {
      for (let i = 1; i < clause.length; i++) features.push(`${clause[i - 1]} ${clause[i]}`);
    }
  }
  return features;
}
