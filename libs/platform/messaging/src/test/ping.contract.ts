import { z } from 'zod';
import { defineEventContract } from '@homeroom/platform/event-contracts';

/** The event the messaging tests send: a sequence number per key, so per-key order can be checked. */
export const pingSchema = z.object({ key: z.string(), seq: z.number().int().min(0) });

export function pingContract(topic: string, version = 1) {
  return defineEventContract({
    type: 'test.PingRecorded',
    version,
    topic: topic.replace(/\.v\d+$/, `.v${version}`),
    schema: pingSchema,
    fixture: { key: 'k-0', seq: 0 },
  });
}
