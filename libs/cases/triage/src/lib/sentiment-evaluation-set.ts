/**
 * Sentiment-labelled inquiries for evaluating the scorer, written for this project as families write:
 * complaints, plain questions and thanks, English and Spanish, 24 of each label. Held out: the lexicon is
 * never extended from these sentences, so the figure says how the rules do on text they were not fitted to.
 */
import type { SentimentExample } from './evaluation';

const NEGATIVE = [
  'The bus was late AGAIN today. This is the third time this week and nobody has called me back.',
  "I am extremely frustrated with how the front office handled my son's enrollment.",
  'My daughter came home crying because kids keep making fun of her at lunch.',
  'This is unacceptable. I was charged twice for lunch and still no refund after a month.',
  "I'm not happy with the way the teacher spoke to my child in front of the class.",
  'The bathrooms at Lincoln are disgusting, there is never any soap.',
  'Why does nobody answer the phone at the transportation office?! I have called five times.',
  'We are very disappointed that the field trip was cancelled with one day notice.',
  'The driver yelled at my son and kicked him off the bus. I want this investigated.',
  "Honestly the new website is a mess, I can't find anything and the links are broken.",
  "I'm worried sick, my son never made it home on the bus and no one can tell me where he is.",
  'Your lunch menu said peanut free and my child had a reaction. I am furious.',
  'It is ridiculous that my kid has three hours of homework every night in second grade.',
  'The classroom has been freezing for two weeks and nothing has been done about it.',
  'My son was suspended without anyone even calling me. That is not fair at all.',
  "I've been waiting a month for the transcript. Terrible service.",
  'The teacher is nice but the grading in this class is completely unfair.',
  'We feel ignored. I reported the bullying in October and the school did nothing.',
  'The car line is dangerous and chaotic every single afternoon.',
  "I am so tired of getting robocalls at 6 am for things that don't apply to us.",
  'Estoy muy molesta, el autobús nunca llega a tiempo y mi hija pierde el desayuno.',
  'Es inaceptable que nadie me haya llamado después de la pelea en la escuela.',
  'Mi hijo tiene miedo de ir a la escuela porque lo molestan todos los días.',
  'Nobody told us school was closing early and my 6 year old was left waiting outside. Awful.',
];

const NEUTRAL = [
  'What time does school start on early release days?',
  "How do I add money to my son's lunch account?",
  'Can you send me the bus route and pickup time for Maple Ave?',
  'When is the deadline to apply for a transfer for next year?',
  "I need a copy of my daughter's immunization records for camp.",
  'Is there school on Monday for Veterans Day?',
  'Please update my phone number for school text alerts. The new number is 555-0134.',
  'My son was absent yesterday. How can he get the missed assignments?',
  'Where can I find the supply list for 3rd grade at Oak Grove?',
  'What documents do I need to enroll a new kindergarten student?',
  'Does the cafeteria offer vegetarian options?',
  'Who is the special education coordinator at Westview High?',
  'Could you tell me when report cards will be sent home this quarter?',
  'Hello, I would like to schedule a meeting with Mr. Chen about the science project. Thanks.',
  'Is the gifted testing window in the fall or the spring?',
  'How do we return the Chromebook at the end of the year?',
  'Are parents allowed to eat lunch with their kids on Fridays?',
  'Can my mother also receive the school emails? Thank you.',
  'We are moving to Ohio in March. What forms do we need to withdraw?',
  'What are the income guidelines for reduced price meals for a family of four?',
  '¿A qué hora termina la escuela los viernes?',
  '¿Dónde puedo ver el menú del almuerzo de este mes?',
  'Necesito una copia de las calificaciones de mi hijo para la nueva escuela.',
  'Is bus 14 running on the normal schedule after the snow?',
];

const POSITIVE = [
  'Thank you so much to Ms. Alvarez, my daughter finally loves reading!',
  'The front office staff at Lincoln were incredibly helpful during enrollment.',
  'Our bus driver is wonderful, she greets every kid by name.',
  'I just wanted to say the spring concert was amazing. Great job to the music teachers!',
  'We really appreciate how quickly the school responded to my concern.',
  "The nurse handled my son's injury so well. We are very grateful.",
  'Kudos to the custodians, the building looks fantastic after the summer.',
  'Mr. Okafor has been so patient with my son, he is finally doing well in math.',
  'I was nervous about the transfer but everything went smoothly. Thank you!',
  'The new parent portal is much easier to use, nice work.',
  'My kids love the new salad bar in the cafeteria!',
  'The counselor went above and beyond to help our family this year.',
  'Such a great field day, the kids had so much fun.',
  'The IEP meeting was respectful and productive. I felt heard for the first time.',
  "I'm happy to report the heating issue in room 204 was fixed quickly.",
  'Thank you for the reminder texts, they are really helpful.',
  'The crossing guard on Oak Street is the best, always smiling and keeping the kids safe.',
  'Not a single problem with the bus this year, thank you drivers!',
  'Our experience at Maple Park has been excellent from the first day.',
  "I can't thank you enough for helping my daughter catch up after her surgery.",
  'Muchas gracias a la maestra Patel, es excelente y muy paciente con mi hijo.',
  'Estamos muy contentos con la escuela, los maestros son muy amables.',
  'Felicidades al equipo de la cafetería, la comida ha mejorado mucho.',
  'The principal called me back the same day and solved everything. Impressive!',
];

export function sentimentEvaluationSet(): SentimentExample[] {
  return [
    ...NEGATIVE.map((text) => ({ text, label: 'NEGATIVE' as const })),
    ...NEUTRAL.map((text) => ({ text, label: 'NEUTRAL' as const })),
    ...POSITIVE.map((text) => ({ text, label: 'POSITIVE' as const })),
  ];
}
