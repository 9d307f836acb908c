import { validateAnswers } from './answers';
import { validateSurvey, type SurveyDefinition, type SurveyInput } from './survey-definition';

/**
 * The customer-service self-assessment: a ready-made survey for district staff (our own wording, not a
 * licensed instrument) that places the district on the path from answering when pushed to designing
 * around the families it serves.
 */
export const SERVICE_STAGES = ['REACTIVE', 'RESPONSIVE', 'PROACTIVE', 'CUSTOMER_CENTRIC'] as const;
export type ServiceStage = (typeof SERVICE_STAGES)[number];

export const ASSESSMENT_AREAS = [
  'ACCESS',
  'RESPONSIVENESS',
  'OWNERSHIP',
  'COMMUNICATION',
  'FEEDBACK',
  'CULTURE',
] as const;
export type AssessmentArea = (typeof ASSESSMENT_AREAS)[number];

interface Item {
  id: string;
  area: AssessmentArea;
  en: string;
  es: string;
  /** One answer per stage, in stage order. */
  choices: [en: string, es: string][];
}

const ITEMS: Item[] = [
  {
    id: 'access-channels',
    area: 'ACCESS',
    en: 'How can families reach the district with a question or concern?',
    es: '¿Cómo pueden las familias comunicarse con el distrito para hacer una pregunta o expresar una inquietud?',
    choices: [
      [
        'Mostly by calling or visiting the office that they think is right',
        'Sobre todo llamando o visitando la oficina que creen que corresponde',
      ],
      [
        'A general phone line and email address that someone checks',
        'Una línea telefónica y un correo general que alguien revisa',
      ],
      [
        'Several channels (web form, text, phone) that reach one shared queue',
        'Varios canales (formulario web, mensaje de texto, teléfono) que llegan a una sola cola compartida',
      ],
      [
        'Whatever channel suits the family, in their language, with the same answer from each',
        'El canal que mejor le convenga a cada familia, en su idioma, con la misma respuesta en todos',
      ],
    ],
  },
  {
    id: 'access-language',
    area: 'ACCESS',
    en: 'When a family prefers a language other than English, what happens?',
    es: 'Cuando una familia prefiere un idioma distinto del inglés, ¿qué sucede?',
    choices: [
      ['We find someone who speaks it when we can', 'Buscamos a alguien que lo hable cuando es posible'],
      [
        'We arrange interpretation when the family asks for it',
        'Organizamos interpretación cuando la familia la pide',
      ],
      [
        'We record the preferred language and reply in it by default',
        'Registramos el idioma preferido y respondemos en él de forma predeterminada',
      ],
      [
        'Every step, from first contact to survey, is offered in the family’s language without being asked',
        'Cada paso, del primer contacto a la encuesta, se ofrece en el idioma de la familia sin que lo pida',
      ],
    ],
  },
  {
    id: 'responsiveness-time',
    area: 'RESPONSIVENESS',
    en: 'How quickly do families hear back?',
    es: '¿Con qué rapidez reciben respuesta las familias?',
    choices: [
      [
        'It depends on who receives the message and how busy they are',
        'Depende de quién recibe el mensaje y de cuán ocupado esté',
      ],
      [
        'Most messages get a reply within a few days',
        'La mayoría de los mensajes recibe respuesta en unos días',
      ],
      [
        'We have response-time targets and track whether we meet them',
        'Tenemos metas de tiempo de respuesta y medimos si las cumplimos',
      ],
      [
        'Families are told when to expect an answer, and we meet that promise',
        'Se informa a las familias cuándo esperar una respuesta y cumplimos esa promesa',
      ],
    ],
  },
  {
    id: 'responsiveness-urgent',
    area: 'RESPONSIVENESS',
    en: 'How are urgent concerns (safety, a missing bus, a medical need) handled?',
    es: '¿Cómo se atienden las inquietudes urgentes (seguridad, un autobús que no llegó, una necesidad médica)?',
    choices: [
      ['Whoever notices them acts', 'Actúa quien se da cuenta'],
      ['Staff know to escalate them to a supervisor', 'El personal sabe que debe escalarlas a un supervisor'],
      [
        'They are flagged automatically and routed to the right person at once',
        'Se marcan automáticamente y se envían de inmediato a la persona indicada',
      ],
      [
        'They are flagged, routed and followed up, and the family is kept informed until resolved',
        'Se marcan, se envían y se les da seguimiento, y la familia está informada hasta que se resuelven',
      ],
    ],
  },
  {
    id: 'ownership-routing',
    area: 'OWNERSHIP',
    en: 'When a question arrives at the wrong office, what happens?',
    es: 'Cuando una pregunta llega a la oficina equivocada, ¿qué sucede?',
    choices: [
      ['The family is told to call somewhere else', 'Se le dice a la familia que llame a otro lugar'],
      ['Staff forward it and hope it is picked up', 'El personal la reenvía y espera que alguien la atienda'],
      [
        'It is reassigned in one shared system and stays visible until closed',
        'Se reasigna en un sistema compartido y sigue visible hasta cerrarse',
      ],
      [
        'The first person contacted owns it until the family has an answer',
        'La primera persona contactada se encarga hasta que la familia tiene una respuesta',
      ],
    ],
  },
  {
    id: 'ownership-consistency',
    area: 'OWNERSHIP',
    en: 'If two families ask the same question at two schools, do they get the same answer?',
    es: 'Si dos familias hacen la misma pregunta en dos escuelas, ¿reciben la misma respuesta?',
    choices: [
      [
        'Not necessarily; each school answers its own way',
        'No necesariamente; cada escuela responde a su manera',
      ],
      [
        'Usually, because experienced staff know the answers',
        'Por lo general, porque el personal con experiencia conoce las respuestas',
      ],
      [
        'Yes: staff use shared, maintained answers and policies',
        'Sí: el personal usa respuestas y políticas compartidas y actualizadas',
      ],
      [
        'Yes, and the shared answers are published so families find them first',
        'Sí, y las respuestas compartidas se publican para que las familias las encuentren primero',
      ],
    ],
  },
  {
    id: 'communication-proactive',
    area: 'COMMUNICATION',
    en: 'How does the district tell families about changes (schedules, closures, policies)?',
    es: '¿Cómo informa el distrito a las familias sobre cambios (horarios, cierres, políticas)?',
    choices: [
      [
        'Families usually learn of them when something goes wrong',
        'Las familias suelen enterarse cuando algo sale mal',
      ],
      [
        'We answer questions once families start asking',
        'Respondemos las preguntas cuando las familias empiezan a preguntar',
      ],
      [
        'We announce changes before they happen, on several channels',
        'Anunciamos los cambios antes de que ocurran, por varios canales',
      ],
      [
        'We ask affected families before deciding, and explain the decision afterwards',
        'Consultamos a las familias afectadas antes de decidir y explicamos la decisión después',
      ],
    ],
  },
  {
    id: 'communication-trends',
    area: 'COMMUNICATION',
    en: 'When many families raise the same issue, what happens?',
    es: 'Cuando muchas familias plantean el mismo problema, ¿qué sucede?',
    choices: [
      ['Each contact is handled on its own', 'Cada contacto se atiende por separado'],
      ['Someone eventually notices the pattern', 'Con el tiempo alguien se da cuenta del patrón'],
      [
        'Reports show emerging issues and we send one clear message to everyone affected',
        'Los informes muestran los problemas emergentes y enviamos un mensaje claro a todos los afectados',
      ],
      [
        'We fix the cause and tell families what changed because they spoke up',
        'Corregimos la causa y contamos a las familias qué cambió gracias a que lo plantearon',
      ],
    ],
  },
  {
    id: 'feedback-asking',
    area: 'FEEDBACK',
    en: 'How does the district learn whether families were satisfied with the help they got?',
    es: '¿Cómo sabe el distrito si las familias quedaron satisfechas con la ayuda que recibieron?',
    choices: [
      ['Mostly through complaints', 'Sobre todo por las quejas'],
      ['An annual climate survey', 'Una encuesta anual de clima escolar'],
      ['A short survey after each resolved case', 'Una encuesta breve después de cada caso resuelto'],
      [
        'Surveys after each case, with results shared with staff and families',
        'Encuestas después de cada caso, con resultados compartidos con el personal y las familias',
      ],
    ],
  },
  {
    id: 'feedback-closing-loop',
    area: 'FEEDBACK',
    en: 'What happens after a family reports a poor experience?',
    es: '¿Qué sucede después de que una familia informa una mala experiencia?',
    choices: [
      [
        'Nothing in particular unless they complain again',
        'Nada en especial, a menos que vuelvan a quejarse',
      ],
      ['A supervisor may look into it', 'Puede que un supervisor lo revise'],
      [
        'Someone contacts the family within a set time',
        'Alguien se comunica con la familia dentro de un plazo establecido',
      ],
      [
        'Someone contacts the family, and what we learn changes how we work',
        'Alguien se comunica con la familia, y lo que aprendemos cambia nuestra forma de trabajar',
      ],
    ],
  },
  {
    id: 'culture-training',
    area: 'CULTURE',
    en: 'How are front-line staff prepared to serve families?',
    es: '¿Cómo se prepara al personal de primera línea para atender a las familias?',
    choices: [
      ['They learn on the job', 'Aprenden sobre la marcha'],
      ['They receive an orientation when hired', 'Reciben una orientación al ser contratados'],
      [
        'They have regular customer-service training and clear standards',
        'Reciben capacitación periódica en servicio al cliente y tienen estándares claros',
      ],
      [
        'Training, coaching and recognition are built around families’ feedback',
        'La capacitación, el acompañamiento y el reconocimiento se basan en la opinión de las familias',
      ],
    ],
  },
  {
    id: 'culture-leadership',
    area: 'CULTURE',
    en: 'How do district leaders treat customer service?',
    es: '¿Cómo tratan los líderes del distrito el servicio al cliente?',
    choices: [
      [
        'As something to deal with when complaints reach them',
        'Como algo que atender cuando les llegan quejas',
      ],
      ['As the job of the front office', 'Como trabajo de la recepción'],
      [
        'As a goal with measures reviewed regularly',
        'Como una meta con indicadores que se revisan con regularidad',
      ],
      [
        'As part of every decision, and of every staff member’s role',
        'Como parte de cada decisión y del papel de cada miembro del personal',
      ],
    ],
  },
];

const STAGE_CHOICE_IDS: Record<ServiceStage, string> = {
  REACTIVE: 'reactive',
  RESPONSIVE: 'responsive',
  PROACTIVE: 'proactive',
  CUSTOMER_CENTRIC: 'customer-centric',
};

export const SELF_ASSESSMENT_INPUT: SurveyInput = {
  defaultLanguage: 'en',
  audiences: ['STAFF'],
  title: {
    en: 'Customer service self-assessment',
    es: 'Autoevaluación del servicio al cliente',
  },
  questions: ITEMS.map((item) => ({
    id: item.id,
    kind: 'SINGLE_CHOICE',
    required: true,
    text: { en: item.en, es: item.es },
    choices: item.choices.map(([en, es], stage) => ({
      id: STAGE_CHOICE_IDS[SERVICE_STAGES[stage]!],
      text: { en, es },
    })),
  })),
};

/** The self-assessment as a validated survey definition, ready to publish. */
export function selfAssessmentSurvey(): SurveyDefinition {
  return validateSurvey(SELF_ASSESSMENT_INPUT);
}

export interface AreaScore {
  area: AssessmentArea;
  /** Mean stage, 1 (reactive) to 4 (customer-centric), two decimals. */
  score: number;
  stage: ServiceStage;
}

export interface AssessmentResult {
  stage: ServiceStage;
  score: number;
  areas: AreaScore[];
  /** The areas at the lowest stage: where to start. */
  weakestAreas: AssessmentArea[];
}

/**
 * Scores one completed self-assessment. Each answer counts 1 (reactive) to 4 (customer-centric); an area
 * scores the mean of its questions and the district the mean of all. A mean places the district at the
 * stage it has fully reached (2.75 is RESPONSIVE, on its way to PROACTIVE): a stage is earned, not rounded to.
 * Answers are validated first, so an incomplete assessment throws REQUIRED_QUESTION_UNANSWERED.
 */
export function assessmentStage(answers: Readonly<Record<string, unknown>>): AssessmentResult {
  const valid = validateAnswers(selfAssessmentSurvey(), answers);
  const points = (id: string) => {
    const stage = SERVICE_STAGES.findIndex((s) => STAGE_CHOICE_IDS[s] === valid[id]);
    return stage + 1;
  };
  const areas = ASSESSMENT_AREAS.map((area): AreaScore => {
    const items = ITEMS.filter((i) => i.area === area);
    const score = mean(items.map((i) => points(i.id)));
    return { area, score, stage: stageOf(score) };
  });
  const score = mean(ITEMS.map((i) => points(i.id)));
  const lowest = Math.min(...areas.map((a) => SERVICE_STAGES.indexOf(a.stage)));
  return {
    stage: stageOf(score),
    score,
    areas,
    weakestAreas: areas.filter((a) => SERVICE_STAGES.indexOf(a.stage) === lowest).map((a) => a.area),
  };
}

function mean(values: number[]): number {
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

function stageOf(score: number): ServiceStage {
  return SERVICE_STAGES[Math.min(3, Math.max(0, Math.floor(score) - 1))]!;
}

/** Whether a survey is the self-assessment (a district may translate it, but its questions are ours). */
export function isSelfAssessment(definition: SurveyDefinition): boolean {
  const ours = ITEMS.map((item) => item.id);
  return (
    definition.questions.length === ours.length &&
    definition.questions.every((q, index) => q.id === ours[index])
  );
}

/**
 * Where the staff who answered place the district together: each area's mean over the respondents, the
 * overall mean, and the stage that mean has fully reached; null with no respondents.
 */
export function combineAssessments(results: readonly AssessmentResult[]): AssessmentResult | null {
  if (results.length === 0) return null;
  const areas = ASSESSMENT_AREAS.map((area): AreaScore => {
    const score = mean(results.map((result) => result.areas.find((a) => a.area === area)!.score));
    return { area, score, stage: stageOf(score) };
  });
  const score = mean(results.map((result) => result.score));
  const lowest = Math.min(...areas.map((a) => SERVICE_STAGES.indexOf(a.stage)));
  return {
    stage: stageOf(score),
    score,
    areas,
    weakestAreas: areas.filter((a) => SERVICE_STAGES.indexOf(a.stage) === lowest).map((a) => a.area),
  };
}
