/**
 * Where the test stack is, as the Jest global setup published it. Tests read these, never their own
 * defaults, so one switch (local stack, containers, or servers named by the environment) serves all.
 */
export function testDatabaseServerUrl(): string {
  return required('DATABASE_URL');
}

export function testKafkaBrokers(): string[] {
  return required('KAFKA_BROKERS')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

/** `local` (our own broker processes), `containers` (testcontainers) or `external` (servers we do not run). */
export function testStackKind(): 'local' | 'containers' | 'external' {
  const kind = process.env['HOMEROOM_TEST_STACK_KIND'];
  return kind === 'containers' || kind === 'external' ? kind : 'local';
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through Jest's integration project`);
  return value;
}
