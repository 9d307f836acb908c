/** What a survey may hold: the surveys domain enforces these, the portal's builder checks them as one types. */
export const SURVEY_LIMITS = {
  /** Questions in a survey. */
  questions: 50,
  /** Choices in a choice question (at least 2). */
  choices: 30,
  /** The most a written answer's own limit may be… */
  textAnswer: 5_000,
  /** …and that limit when the author sets none. */
  defaultTextAnswer: 2_000,
  /** A question's prompt and help text, per language. */
  prompt: 1_000,
  /** The survey's title, per language. */
  title: 200,
  /** One choice's text, per language. */
  choice: 200,
  /** A scale's end labels, per language. */
  label: 100,
} as const;
