export const SURVEY_SETTINGS = Symbol('SURVEY_SETTINGS');

/** The district's survey settings (apps/surveys reads them from the environment). */
export interface SurveySettings {
  /** Where respondents open their one-time link: `<portalUrl>/s/<token>`. */
  portalUrl: string;
  /** A person is not asked about a case again within this many days of their last invitation. */
  coolingOffDays: number;
  /** Days after the invitation to send the one reminder; null for none. */
  remindAfterDays: number | null;
  /** Days after the invitation that its link stops working. */
  expireAfterDays: number;
  /** A satisfaction score at or below this (1–10) opens a follow-up case. */
  lowSatisfactionThreshold: number;
  /** Results for a group with fewer responses than this are withheld, to protect respondents. */
  minimumGroupSize: number;
  /** How often due reminders are looked for, in milliseconds; 0 turns reminders off (tests drive them). */
  reminderIntervalMs: number;
  /** The language of an invitation when the requester's is unknown. */
  defaultLanguage: string;
  /** The district's IANA time zone: results by month and week follow its calendar. */
  timeZone: string;
}

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  portalUrl: 'http://localhost:4200',
  coolingOffDays: 7,
  remindAfterDays: 3,
  expireAfterDays: 14,
  lowSatisfactionThreshold: 4,
  minimumGroupSize: 5,
  reminderIntervalMs: 60_000,
  defaultLanguage: 'en',
  timeZone: 'America/Chicago',
};
