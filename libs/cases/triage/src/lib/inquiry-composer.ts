/**
 * Turns a phrase template into one inquiry as a family might type it. A template holds alternatives in
 * brackets, `[late|behind]` (an empty alternative makes the part optional), and slots in braces, `{bus}`,
 * filled from the per-language values below. Around the body go an optional greeting and sign-off, and
 * sometimes the habits of phone typing: a typo, no capitals.
 *
 * Slots are of two kinds. Specifics (names, schools, bus numbers, streets) are shared by every topic on
 * purpose: they carry no topic, and a classifier that learned "Lincoln Elementary means bus delay" would
 * be learning the generator. Vocabulary slots ({praise}, {event}, {hazard}...) belong to one topic's
 * templates and spread its words over many sentences instead of a few fixed ones.
 */
import type { Language } from '@homeroom/shared/text';
import { pick, type Random } from '@homeroom/shared/random';

const SHARED = {
  // Many names, each rare: with a dozen, chance alone would tie some name to some topic in the training set.
  child: `Mia Jayden Sofia Liam Ava Mateo Olivia Noah Camila Elijah Aaliyah Lucas Isabella Diego Harper Ethan
    Zoe Santiago Emma Malik Priya Hiro Fatima Owen DeShawn Lily Amir Grace Jackson Valeria Xavier Chloe Omar
    Brianna Kai Lucia Tyler Nadia Marcus Ximena Caleb Aiden Jasmine Luis Hannah Yusuf Abigail Andre Mei
    Gabriel Savannah Ruby Tariq Emilio Layla Connor Daniela Trinity Ivan Maya`.split(/\s+/),
  school: [
    'Lincoln Elementary',
    'Roosevelt Middle School',
    'Cesar Chavez Elementary',
    'Westview High School',
    'Oak Grove Elementary',
    'Jefferson Middle',
    'Riverside High',
    'Maple Park Elementary',
    'Northside Academy',
    'Eastlake Middle School',
    'Hillcrest Elementary',
    'Washington High',
  ],
  bus: ['4', '7', '12', '14', '22', '31', '58', '103', '117', '9A', '21B'],
  time: ['7:05', '7:15', '7:40', '8:10', '3:20', '3:45', '4:05', '6:50 am', '7:30 am', '2:55 pm', '4:30'],
  minutes: ['10', '15', '20', '25', '30', '40', '45'],
  amount: ['$12.50', '$30', '$5.75', '$45', '$20', '$8.25', '$100', '$3.40', '$60'],
  street: [
    'Maple Ave',
    'Oak Street',
    '5th and Main',
    'Pine Ridge Road',
    'Cedar Lane',
    'Elm Street and 3rd',
    'Lakeview Drive',
    'Hawthorne Blvd',
    'Willow Creek Apartments',
  ],
  name: `Maria_Lopez James_Carter Lan_Nguyen Keisha_Brown Robert_Miller Ana_Gutierrez David_Kim Fatima_Hassan
    Tom_O'Brien Yesenia_Ramos Sarah_Goldberg Jamal_Washington Linda_Park Carlos_Mendoza Erin_Walsh
    Thanh_Tran Precious_Okoye Kevin_Murphy Rosa_Delgado Aisha_Rahman Brian_Foster Guadalupe_Ortiz
    Heather_Collins Wei_Zhang Darnell_Hayes Patricia_Flores Samir_Haddad Megan_Reilly Jorge_Castillo
    Tiffany_Nguyen Omar_Farouk Laura_Bennett Victor_Morales Shanice_Green Paul_Schmidt Alejandra_Cruz`
    .split(/\s+/)
    .map((name) => name.replace('_', ' ')),
};

const SLOTS: Record<Language, Record<string, readonly string[]>> = {
  en: {
    ...SHARED,
    kid: [
      'my son',
      'my daughter',
      'my child',
      'my kid',
      'my stepson',
      'my granddaughter',
      'my grandson',
      'our daughter',
      'our son',
      'my foster son',
    ],
    grade: [
      'kindergarten',
      '1st grade',
      '2nd grade',
      '3rd grade',
      '4th grade',
      '5th grade',
      '6th grade',
      '7th grade',
      '8th grade',
      '9th grade',
      '10th grade',
      '11th grade',
    ],
    grader: [
      'kindergartner',
      '2nd grader',
      '3rd grader',
      '5th grader',
      '6th grader',
      'freshman',
      'sophomore',
    ],
    day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'yesterday', 'this morning', 'today'],
    weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    teacher: [
      'Ms. Alvarez',
      'Mr. Chen',
      'Mrs. Johnson',
      'Ms. Patel',
      'Mr. Okafor',
      'Coach Rivera',
      'Mrs. Nguyen',
      'Mr. Thompson',
      'Ms. Garcia',
      'Dr. Williams',
    ],
    subject: [
      'math',
      'science',
      'English',
      'reading',
      'social studies',
      'history',
      'biology',
      'algebra',
      'Spanish',
    ],
    allergen: ['peanuts', 'tree nuts', 'dairy', 'milk', 'gluten', 'eggs', 'shellfish', 'soy', 'sesame'],
    food: [
      'pizza',
      'chicken nuggets',
      'tacos',
      'the breakfast burrito',
      'spaghetti',
      'fish sticks',
      'corn dogs',
    ],
    device: ['Chromebook', 'laptop', 'iPad', 'hotspot', 'tablet'],
    place: [
      'the gym',
      'the cafeteria',
      'room 204',
      'the library',
      "the girls' bathroom",
      "the boys' locker room",
      'the front office',
      'the portable classrooms',
      'the band room',
      'the science lab',
    ],
    month: ['August', 'September', 'October', 'January', 'March', 'April'],
    state: ['Texas', 'Ohio', 'California', 'Florida', 'Mexico', 'another state', 'Georgia'],
    staffer: [
      'teacher',
      'bus driver',
      'nurse',
      'counselor',
      'custodian',
      'principal',
      'coach',
      'librarian',
      'front office staff',
      'cafeteria team',
      'classroom aide',
      'school secretary',
      'tech support team',
      'security officer',
    ],
    praise: `amazing wonderful fantastic outstanding excellent incredible awesome terrific kind caring patient
      dedicated thoughtful helpful supportive`.split(/\s+/),
    hazard: [
      'a stranger hanging around',
      'a loose dog',
      'exposed wires',
      'kids fighting',
      'a student with a weapon',
      'drug dealing',
      'cars speeding',
      'a gate left open',
      'a small fire',
      'a gas smell outside',
    ],
    channel: ['text alerts', 'robocalls', 'emails', 'app notifications', 'automated calls', 'the newsletter'],
    taunt: [
      'name-calling',
      'teasing',
      'shoving',
      'threats',
      'rumors',
      'cyberbullying',
      'hazing',
      'racist comments',
    ],
    consequence: [
      'detention',
      'a suspension',
      'a referral',
      'in-school suspension',
      'lunch detention',
      'Saturday school',
      'a behavior contract',
    ],
    event: [
      'the book fair',
      'picture day',
      'back to school night',
      'the science fair',
      'field day',
      'the spring carnival',
      'the talent show',
      'the fun run',
      'the family math night',
      'kindergarten round-up',
    ],
  },
  es: {
    ...SHARED,
    hijo: ['mi hijo', 'mi hija', 'mi niño', 'mi niña', 'mi nieto', 'mi nieta'],
    grade: [
      'kínder',
      'primer grado',
      'segundo grado',
      'tercer grado',
      'cuarto grado',
      'quinto grado',
      'sexto grado',
    ],
    day: ['el lunes', 'el martes', 'el miércoles', 'el jueves', 'el viernes', 'ayer', 'hoy', 'esta mañana'],
    weekday: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'],
    teacher: [
      'la maestra Alvarez',
      'el maestro Chen',
      'la señora Johnson',
      'la maestra Patel',
      'el profesor Okafor',
    ],
    subject: ['matemáticas', 'ciencias', 'inglés', 'lectura', 'historia', 'álgebra'],
    allergen: ['cacahuates', 'nueces', 'lácteos', 'leche', 'gluten', 'huevo', 'mariscos', 'soya'],
    device: ['Chromebook', 'computadora', 'laptop', 'tableta'],
    place: ['el gimnasio', 'la cafetería', 'el salón 204', 'la biblioteca', 'la oficina'],
    month: ['agosto', 'septiembre', 'octubre', 'enero', 'marzo'],
    state: ['Texas', 'México', 'California', 'Guatemala', 'Florida', 'otro estado'],
    personal: [
      'la maestra',
      'el chofer',
      'la enfermera',
      'el consejero',
      'el conserje',
      'la directora',
      'el entrenador',
      'la bibliotecaria',
      'el personal de la oficina',
      'las señoras de la cafetería',
    ],
    elogio: [
      'excelente',
      'maravilloso',
      'muy amable',
      'increíble',
      'fantástico',
      'muy atento',
      'muy paciente',
    ],
    evento: [
      'la feria del libro',
      'el día de fotos',
      'la noche de regreso a clases',
      'el festival de primavera',
      'la noche de matemáticas',
    ],
  },
};

const GREETINGS: Record<Language, readonly string[]> = {
  en: [
    'Hi,',
    'Hello,',
    'Good morning,',
    'Hi there,',
    'To whom it may concern,',
    'Dear district staff,',
    'Hey,',
  ],
  es: ['Hola,', 'Buenos días,', 'Buenas tardes,', 'Estimados,', 'Hola buenas,'],
};

const SIGN_OFFS: Record<Language, readonly string[]> = {
  en: [
    'Thanks.',
    'Thank you!',
    'Thanks in advance.',
    'Thank you for your help.',
    'Please call me back.',
    'Best, {name}',
    '- {name}',
    'Sincerely, {name}',
    "{child}'s mom",
    "{child}'s dad",
    'Any help is appreciated.',
  ],
  es: [
    'Gracias.',
    'Muchas gracias.',
    'Gracias de antemano.',
    'Saludos, {name}',
    'Atentamente, {name}',
    'Espero su respuesta.',
  ],
};

/** How often the composer adds each kind of noise: a share of messages, not of words. */
export interface Noise {
  greeting: number;
  signOff: number;
  typo: number;
  lowercase: number;
}

export const DEFAULT_NOISE: Noise = { greeting: 0.45, signOff: 0.5, typo: 0.15, lowercase: 0.08 };

export function composeInquiry(
  random: Random,
  template: string,
  language: Language,
  noise: Noise = DEFAULT_NOISE,
): string {
  let body = capitalize(fill(random, template, language));
  if (random() < noise.typo) body = withTypo(random, body);
  const parts = [
    random() < noise.greeting ? pick(random, GREETINGS[language]) : '',
    body,
    random() < noise.signOff ? fill(random, pick(random, SIGN_OFFS[language]), language) : '',
  ];
  const text = parts.filter(Boolean).join(random() < 0.3 ? '\n' : ' ');
  return random() < noise.lowercase ? text.toLowerCase() : text;
}

/** Expands alternatives, then slots; throws on a slot the language lacks, so a template typo fails loudly. */
export function fill(random: Random, template: string, language: Language): string {
  return template
    .replace(/\[([^\]]*)\]/g, (_, choices: string) => pick(random, choices.split('|')))
    .replace(/\{(\w+)\}/g, (_, slot: string) => {
      const values = SLOTS[language][slot];
      if (!values) throw new Error(`No values for the slot {${slot}} in ${language}`);
      return pick(random, values);
    })
    .replace(/\s+([.,?!;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One slip of the thumb in one longer word: two letters swapped, one dropped or one doubled. */
function withTypo(random: Random, text: string): string {
  const words = text.split(' ');
  const candidates = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /^[a-z]{5,}$/i.test(word));
  if (!candidates.length) return text;
  const { word, index } = pick(random, candidates);
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  words[index] =
    kind === 0
      ? word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2)
      : kind === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word[at]! + word.slice(at);
  return words.join(' ');
}
