import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from './config-error';
import type { kafkaConfigShape } from './common-schemas';

export type KafkaConfig = z.infer<z.ZodObject<typeof kafkaConfigShape>>;

/** What a Kafka client needs to connect (the shape kafkajs takes for brokers, ssl and sasl). */
export interface KafkaConnection {
  brokers: string[];
  /** How the brokers' logs and quotas name this client (KAFKA_CLIENT_ID; the service's name when unset). */
  clientId?: string;
  /** TLS to the brokers; `ca` replaces the system's CAs when the brokers' certificates are private. */
  ssl?: { ca?: string[] };
  sasl?: { [M in SaslMechanism]: { mechanism: M; username: string; password: string } }[SaslMechanism];
}

type SaslMechanism = NonNullable<KafkaConfig['KAFKA_SASL_MECHANISM']>;

/**
 * The checks across Kafka's variables, for an app schema's superRefine: SASL needs its user name and
 * password, a CA file needs TLS and must be readable (a typo would otherwise surface as a TLS error on
 * every reconnect, long after start-up).
 */
export function checkKafkaConfig(config: KafkaConfig, context: z.RefinementCtx): void {
  const problem = (variable: string, message: string) =>
    context.addIssue({ code: 'custom', path: [variable], message });
  if (config.KAFKA_SASL_MECHANISM) {
    if (!config.KAFKA_SASL_USERNAME) problem('KAFKA_SASL_USERNAME', 'is required with KAFKA_SASL_MECHANISM');
    if (!config.KAFKA_SASL_PASSWORD) problem('KAFKA_SASL_PASSWORD', 'is required with KAFKA_SASL_MECHANISM');
  } else if (config.KAFKA_SASL_USERNAME || config.KAFKA_SASL_PASSWORD) {
    problem('KAFKA_SASL_MECHANISM', 'must be set (plain, scram-sha-256 or scram-sha-512) with a SASL user');
  }
  if (config.KAFKA_SSL_CA_FILE !== undefined) {
    if (!config.KAFKA_SSL) problem('KAFKA_SSL_CA_FILE', 'needs KAFKA_SSL=true');
    else {
      const reason = unreadablePem(config.KAFKA_SSL_CA_FILE);
      if (reason) problem('KAFKA_SSL_CA_FILE', reason);
    }
  }
}

/** The client's connection settings from checked config; the CA file is read here, once. */
export function kafkaConnection(config: KafkaConfig): KafkaConnection {
  const connection: KafkaConnection = { brokers: config.KAFKA_BROKERS };
  if (config.KAFKA_CLIENT_ID) connection.clientId = config.KAFKA_CLIENT_ID;
  if (config.KAFKA_SSL) {
    connection.ssl = config.KAFKA_SSL_CA_FILE ? { ca: [readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8')] } : {};
  }
  if (config.KAFKA_SASL_MECHANISM) {
    const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
    if (!username || !password) {
      throw new ConfigError('kafka', [
        { variable: 'KAFKA_SASL_USERNAME', message: 'and KAFKA_SASL_PASSWORD are required with a mechanism' },
      ]);
    }
    connection.sasl = { mechanism: config.KAFKA_SASL_MECHANISM, username, password };
  }
  return connection;
}

function unreadablePem(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): ${path}`;
  }
  return text.includes('-----BEGIN CERTIFICATE-----')
    ? undefined
    : `holds no PEM certificate (-----BEGIN CERTIFICATE-----): ${path}`;
}
