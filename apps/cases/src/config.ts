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
  /** The inbound mail listener; 0 turns it off. */
  SMTP_INTAKE_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
  /** Comma-separated addresses that take mail. */
  INTAKE_ADDRESSES: z
    .string()
    .default('talk@homeroom.test')
    .transform((value) =>
      value
        .split(',')
        .map((address) => address.trim().toLowerCase())
        .filter(Boolean),
    ),
  EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(10 * 1024 * 1024),
});

export type CasesConfig = z.infer<typeof casesConfigSchema>;

export function loadCasesConfig(environment?: Environment): CasesConfig {
  return loadConfig('cases', casesConfigSchema, environment);
}
