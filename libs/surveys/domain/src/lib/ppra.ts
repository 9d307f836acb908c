import type { SurveyDefinition, Translations } from './survey-definition';

/**
 * The eight protected areas of the Protection of Pupil Rights Amendment (20 U.S.C. § 1232h). A survey that
 * asks students about one needs prior written parental consent when federally funded and required, and
 * otherwise notice and a chance to opt out. Whether that applies is the district's call, so these checks
 * warn the author; they never refuse a survey.
 */
export const PPRA_AREAS = [
  'POLITICAL_AFFILIATIONS',
  'MENTAL_OR_PSYCHOLOGICAL_PROBLEMS',
  'SEX_BEHAVIOR_OR_ATTITUDES',
  'ILLEGAL_OR_DEMEANING_BEHAVIOR',
  'CRITICAL_APPRAISALS_OF_FAMILY',
  'PRIVILEGED_RELATIONSHIPS',
  'RELIGIOUS_PRACTICES_OR_BELIEFS',
  'INCOME',
] as const;
export type PpraArea = (typeof PPRA_AREAS)[number];

export const PPRA_AREA_DESCRIPTIONS: Record<PpraArea, { en: string; es: string }> = {
  POLITICAL_AFFILIATIONS: {
    en: 'Political affiliations or beliefs of the student or the student’s parent',
    es: 'Afiliaciones o creencias políticas del estudiante o de sus padres',
  },
  MENTAL_OR_PSYCHOLOGICAL_PROBLEMS: {
    en: 'Mental or psychological problems of the student or the student’s family',
    es: 'Problemas mentales o psicológicos del estudiante o de su familia',
  },
  SEX_BEHAVIOR_OR_ATTITUDES: { en: 'Sex behavior or attitudes', es: 'Comportamiento o actitudes sexuales' },
  ILLEGAL_OR_DEMEANING_BEHAVIOR: {
    en: 'Illegal, anti-social, self-incriminating, or demeaning behavior',
    es: 'Comportamiento ilegal, antisocial, autoincriminatorio o degradante',
  },
  CRITICAL_APPRAISALS_OF_FAMILY: {
    en: 'Critical appraisals of others with whom respondents have close family relationships',
    es: 'Evaluaciones críticas de personas con quienes el estudiante tiene una relación familiar cercana',
  },
  PRIVILEGED_RELATIONSHIPS: {
    en: 'Legally recognized privileged relationships, such as with lawyers, physicians, or ministers',
    es: 'Relaciones privilegiadas reconocidas por la ley, como con abogados, médicos o ministros',
  },
  RELIGIOUS_PRACTICES_OR_BELIEFS: {
    en: 'Religious practices, affiliations, or beliefs of the student or the student’s parent',
    es: 'Prácticas, afiliaciones o creencias religiosas del estudiante o de sus padres',
  },
  INCOME: {
    en: 'Income, other than as required by law to determine program eligibility',
    es: 'Ingresos, salvo lo que exige la ley para determinar la elegibilidad para un programa',
  },
};

const FAMILY_EN =
  '(mother|mom|father|dad|parents?|step ?(mother|father|parents?)|brothers?|sisters?|siblings?|guardians?|grand(mother|father|parents?)|family)';
const FAMILY_ES =
  '(madre|mama|padre|papa|padres|padrastro|madrastra|hermanos?|hermanas?|tutor(a|es)?|abuel(o|a|os|as)|familia)';

/**
 * Phrases matched against accent-free lower-case text. Generous on purpose: a false warning costs the
 * author a second look; a missed one costs a family its consent.
 */
const PATTERNS: Record<PpraArea, RegExp[]> = {
  POLITICAL_AFFILIATIONS: [
    /\b(political|politics|democrats?|democratic party|republicans?|liberal|conservative|partisan)\b/,
    /\b(who|which (candidate|party)) (did|do|will|would) (you|your (parents?|family)) vote\b/,
    /\b(politic[ao]s?|partido|democratas?|republican[oa]s?|por quien (vota|votaron|votas|votaste|votara))\b/,
  ],
  MENTAL_OR_PSYCHOLOGICAL_PROBLEMS: [
    /\b(mental health|mental illness|depress(ed|ion)|anxiety|anxious|psychological|psychiatric|suicid\w*|self[- ]harm|eating disorder|panic attacks?|therapy|therapist)\b/,
    /\b(salud mental|enfermedad mental|deprimid[oa]s?|depresion|ansiedad|ansios[oa]s?|psicologic[oa]s?|psiquiatric[oa]s?|suicid\w*|autolesion\w*|terapia|terapeuta)\b/,
  ],
  SEX_BEHAVIOR_OR_ATTITUDES: [
    /\b(sex|sexual(ly|ity)?|intercourse|sexual orientation|birth control|condoms?|pregnan(t|cy)|dating|boyfriend|girlfriend)\b/,
    /\b(sexo|sexual(es|idad|mente)?|relaciones sexuales|orientacion sexual|anticonceptiv[oa]s?|condon(es)?|embaraz(o|ada)|novi[oa]s?)\b/,
  ],
  ILLEGAL_OR_DEMEANING_BEHAVIOR: [
    /\b(drugs?|alcohol|drunk|marijuana|cannabis|vap(e|es|ed|ing)|smok(e|ed|ing)|steal|stole|stolen|shoplift\w*|cheat(ed|ing)?|illegal(ly)?|arrested|police|vandali[sz]\w*|bull(y|ied|ying) (someone|others|another)|gang|weapons?|fights?|fought)\b/,
    /\b(drogas?|alcohol|borrach[oa]s?|marihuana|vape(a|ar|as)?|vapear|fuma(r|s|ste)?|robar|robaste|robo|hurt(o|ar)|trampa|ilegal(es|mente)?|arrestad[oa]s?|detenid[oa]s?|policia|vandalismo|pandillas?|armas?|peleas?|pelea(r|ste))\b/,
  ],
  CRITICAL_APPRAISALS_OF_FAMILY: [
    new RegExp(
      `\\b(how|what) do you (feel|think) about your ${FAMILY_EN}\\b|\\b(rate|describe|judge|grade) your ${FAMILY_EN}\\b|\\bget along with your ${FAMILY_EN}\\b|\\byour ${FAMILY_EN} (ever )?(yells?|yelled|fights?|fought|drinks?|drank|hits?|hit|ignores?|ignored|mean|strict|unfair|angry|argue)`,
    ),
    new RegExp(
      `\\b(que piensas|que opinas|como te sientes|como te llevas|como calificarias|como describirias) (de|sobre|con|a) (tu|tus) ${FAMILY_ES}\\b|\\b(tu|tus) ${FAMILY_ES} (te )?(grita|gritan|pelea|pelean|bebe|beben|golpea|golpean|ignora|ignoran)\\b`,
    ),
  ],
  PRIVILEGED_RELATIONSHIPS: [
    /\b(lawyers?|attorneys?|physicians?|doctors?|ministers?|pastors?|priests?|rabbis?|imams?|clergy|psychiatrists?|psychologists?|confession)\b/,
    /\b(abogad[oa]s?|medic[oa]s?|doctor(a|es)?|ministros?|pastor(es)?|sacerdotes?|curas?|rabinos?|imanes|iman|clero|psiquiatras?|psicolog[oa]s?|confesion)\b/,
  ],
  RELIGIOUS_PRACTICES_OR_BELIEFS: [
    /\b(religions?|religious|church|mosque|synagogue|temple|pray(s|ed|ing)?|prayers?|faith|god|worship|bible|quran|koran|torah|spiritual)\b/,
    /\b(religion(es)?|religios[oa]s?|iglesias?|mezquitas?|sinagogas?|templos?|reza(r|s|n)?|orar|oracion(es)?|tu fe|dios|biblia|coran|tora|espiritual(es)?)\b/,
  ],
  INCOME: [
    /\b(income|salary|salaries|wages?|paycheck|earns?|how much (money|do your parents make)|household earnings|afford)\b/,
    /\b(ingresos?|salarios?|sueldos?|cuanto (dinero|ganan|gana)|ganan al (mes|ano)|pagar la renta)\b/,
  ],
};

export interface PpraWarning {
  questionId: string;
  area: PpraArea;
  /** The words that raised it, so the author sees why. */
  evidence: string;
}

/**
 * For a survey that reaches students, each question (its text, labels and choices, in every language)
 * that touches a protected area, once per area. Surveys for families or staff only return nothing: PPRA
 * protects students.
 */
export function ppraWarnings(definition: SurveyDefinition): PpraWarning[] {
  if (!definition.audiences.includes('STUDENTS')) return [];
  return definition.questions.flatMap((question) => {
    const texts: Translations[] = [question.text];
    if (question.kind === 'SCALE' || question.kind === 'NPS')
      texts.push(question.lowLabel, question.highLabel);
    if (question.kind === 'SINGLE_CHOICE' || question.kind === 'MULTI_CHOICE')
      texts.push(...question.choices.map((c) => c.text));
    return ppraAreasIn(texts.flatMap((t) => Object.values(t)).join('\n')).map((finding) => ({
      questionId: question.id,
      ...finding,
    }));
  });
}

/** The protected areas a text touches (English or Spanish), with the words that matched. */
export function ppraAreasIn(text: string): { area: PpraArea; evidence: string }[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\S\n]+/g, ' ');
  return PPRA_AREAS.flatMap((area) => {
    for (const pattern of PATTERNS[area]) {
      const match = pattern.exec(folded);
      if (match) return [{ area, evidence: match[0] }];
    }
    return [];
  });
}
