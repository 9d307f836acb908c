import { z } from 'zod';
import {
  checkKafkaConfig,
  loadConfig,
  port,
  serviceConfigShape,
  type Environment,
} from '@homeroom/platform/config';

export const slasConfigSchema = z.object({
  ...serviceConfigShape,
  PORT: port(4003),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('slas'),
  /** How often the scheduler looks for warnings and breaches due; 0 turns it off. */
  SLA_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  /** Timers handled per scheduler transaction. */
  SLA_SCHEDULER_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Whose days and months the attainment figures are kept in (the same as the cases and surveys services'). */
  DISTRICT_TIME_ZONE: z.string().default('America/Chicago'),
});

export type SlasConfig = z.infer<typeof slasConfigSchema>;

export function loadSlasConfig(environment?: Environment): SlasConfig {
  return loadConfig('slas', slasConfigSchema.superRefine(checkKafkaConfig), environment);
}
