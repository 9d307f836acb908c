import type { Admin } from 'kafkajs';
import { deadLetterTopic } from '@homeroom/platform/event-contracts';

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor?: number;
}

/**
 * Creates each topic and its dead-letter topic when missing (existing ones are left as they are; partition
 * counts are grown only by an operator, since that remaps keys). Idempotent, so every replica may run it.
 */
export async function provisionTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const wanted = specs.flatMap((spec) => [spec, { ...spec, topic: deadLetterTopic(spec.topic) }]);
  const missing = wanted.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((spec) => ({
      topic: spec.topic,
      numPartitions: spec.partitions,
      replicationFactor: spec.replicationFactor ?? -1,
    })),
  });
  return missing.map((spec) => spec.topic);
}
