import { z } from 'zod';
import {
  developmentDefault,
  checkKafkaConfig,
  loadConfig,
  port,
  serviceConfigShape,
  type Environment,
} from '@homeroom/platform/config';

const days = (fallback: number) => z.coerce.number().int().min(1).max(365).default(fallback);

export const surveysConfigSchema = z.object({
  ...serviceConfigShape,
  PORT: port(4004),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('surveys'),
  /** The portal respondents open their links in: `<PORTAL_URL>/s/<token>`. */
  PORTAL_URL: developmentDefault(z.url().default('http://localhost:4200')),
  SURVEY_COOLING_OFF_DAYS: days(7),
  /** Days after an invitation to send its one reminder; 0 sends none. */
  SURVEY_REMIND_AFTER_DAYS: z.coerce.number().int().min(0).max(365).default(3),
  SURVEY_EXPIRE_AFTER_DAYS: days(14),
  /** A satisfaction score at or below this opens a follow-up case. */
  SURVEY_LOW_SCORE_THRESHOLD: z.coerce.number().int().min(1).max(9).default(4),
  /** Results of a group with fewer responses are withheld. */
  SURVEY_MINIMUM_GROUP_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /** How often due reminders are looked for; 0 turns reminders off. */
  SURVEY_REMINDER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  SURVEY_DEFAULT_LANGUAGE: z.string().min(2).default('en'),
  /** Results by month and week follow the district's calendar. */
  DISTRICT_TIME_ZONE: z.string().default('America/Chicago'),
});

export type SurveysConfig = z.infer<typeof surveysConfigSchema>;

export function loadSurveysConfig(environment?: Environment): SurveysConfig {
  return loadConfig('surveys', surveysConfigSchema.superRefine(checkKafkaConfig), environment);
}
