import type { z } from 'zod';

/**
 * What a producing domain promises about one event: its type, its payload schema at one major version,
 * the topic it travels on and a sample payload. Producer and consumers validate against the same schema,
 * and consumer tests use the producer's fixture.
 */
export interface EventContract<Schema extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  topic: string;
  schema: Schema;
  fixture: z.infer<Schema>;
}

export type EventData<Contract extends EventContract> = z.infer<Contract['schema']>;

export function defineEventContract<Schema extends z.ZodType>(
  contract: EventContract<Schema>,
): EventContract<Schema> {
  const check = contract.schema.safeParse(contract.fixture);
  if (!check.success) {
    throw new Error(`The fixture of ${contract.type} v${contract.version} does not match its schema`);
  }
  if (!contract.topic.endsWith(`.v${contract.version}`)) {
    throw new Error(`${contract.type} v${contract.version} must travel on a .v${contract.version} topic`);
  }
  return Object.freeze(contract);
}
