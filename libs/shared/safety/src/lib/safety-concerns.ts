/**
 * Safety concerns in what families and students write: self-harm, threats of violence, weapons, abuse.
 * A case that mentions one becomes URGENT and says why on its timeline. Phrases, not single words, so
 * that "the bus is killing me" or "a knife-edge vote" do not page a principal; English and Spanish.
 * This is the in-process floor; the trained classifier (a later part) adds to it, never replaces it.
 */
export const SAFETY_CATEGORIES = ['SELF_HARM', 'VIOLENCE', 'WEAPON', 'ABUSE'] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

const PATTERNS: Record<SafetyCategory, RegExp[]> = {
  SELF_HARM: [
    /\b(kill|hurt|cut|harm)(ing)? (my ?self|herself|himself|themselves)\b/,
    /\b(suicide|suicidal)\b/,
    /\b(wants?|wanted) to die\b/,
    /\bend (my|his|her|their) life\b/,
    /\b(suicid(io|arme|arse)|quiero morir(me)?|quitarme la vida|matarme|hacerme dano|cortarme)\b/,
  ],
  VIOLENCE: [
    /\b(threaten(ed|s|ing)?|going) to (kill|shoot|stab|hurt|beat)\b/,
    /\b(shoot|blow) up (the )?(school|class|building)\b/,
    /\b(bomb threat|hit list)\b/,
    /\b(amenaz(o|a|aron) (con|de) (matar|disparar|golpear)|va(n)? a matar)\b/,
  ],
  WEAPON: [
    /\b(has|had|have|brought|bring|bringing|carrying|carries|with) an? (gun|pistol|rifle|knife|weapon|firearm)\b/,
    /\b(gun|knife|weapon|firearm)s? (at|in|to) (school|class|the bus|his backpack|her backpack|their backpack|his bag|her bag)\b/,
    /\b(trajo|tiene|traia) (una|un) (pistola|arma|cuchillo|navaja)\b/,
  ],
  ABUSE: [
    /\b(sexual(ly)? (abuse|abused|assault|assaulted)|molest(ed|ing)?)\b/,
    /\b(abused|abusing|beats|beat) (me|him|her|them|my (son|daughter|child))\b/,
    /\b(was|is|being|been|got) (sexually |physically )?abused\b/,
    /\btouched (me|him|her|them|my (son|daughter|child)) inappropriately\b/,
    /\b(abuso sexual|abusaron|me pega|le pega|lo golpea|la golpea)\b/,
  ],
};

export interface SafetyFinding {
  category: SafetyCategory;
  /** The words that raised it, for the timeline. */
  evidence: string;
}

export function detectSafetyConcerns(text: string): SafetyFinding[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
  return SAFETY_CATEGORIES.flatMap((category) => {
    for (const pattern of PATTERNS[category]) {
      const match = pattern.exec(folded);
      if (match) return [{ category, evidence: match[0] }];
    }
    return [];
  });
}
