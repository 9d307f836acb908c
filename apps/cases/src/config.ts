import { z } from 'zod';
import { loadConfig, port, serviceConfigShape, type Environment } from '@homeroom/platform/config';

export const casesConfigSchema = z.object({
  ...serviceConfigShape,
  PORT: port(4002),
  CASE_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,6}$/, 'must be 2–6 capital letters')
    .default('HR'),
  DISTRICT_TIME_ZONE: z.string().default('America/Chicago'),
  DEFAULT_LANGUAGE: z.string().default('en'),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('cases'),
});

export type CasesConfig = z.infer<typeof casesConfigSchema>;

export function loadCasesConfig(environment?: Environment): CasesConfig {
  return loadConfig('cases', casesConfigSchema, environment);
}
