const PART = /^[a-z][a-z0-9-]*$/;

/** `<service>.<aggregate>.v<major>`, e.g. `cases.case.v1`: one topic per aggregate and major version. */
export function topicName(service: string, aggregate: string, major: number): string {
  if (!PART.test(service) || !PART.test(aggregate)) {
    throw new Error(`Topic parts must be lower-case words: "${service}", "${aggregate}"`);
  }
  if (!Number.isInteger(major) || major < 1) throw new Error(`Invalid major version ${major}`);
  return `${service}.${aggregate}.v${major}`;
}

/** Where a consumer parks what it cannot process: the original topic with `.dlq` appended. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
