import { z } from 'zod';
import { kafkaConfigShape } from './common-schemas';
import { checkKafkaConfig, kafkaConnection } from './kafka-config';
import { loadConfig } from './load-config';

const schema = z.object(kafkaConfigShape).superRefine(checkKafkaConfig);
const load = (environment: Record<string, string>) =>
  loadConfig('cases', schema, { KAFKA_BROKERS: 'kafka-0:9093,kafka-1:9093', ...environment });

describe('Kafka connection settings', () => {
  it('is plaintext with no SASL unless asked, and names the client only when KAFKA_CLIENT_ID is set', () => {
    expect(kafkaConnection(load({}))).toEqual({ brokers: ['kafka-0:9093', 'kafka-1:9093'] });
    expect(kafkaConnection(load({ KAFKA_CLIENT_ID: 'homeroom-cases-7d9f' })).clientId).toBe(
      'homeroom-cases-7d9f',
    );
  });

  it("uses TLS with the system's CAs when no CA file is given", () => {
    expect(kafkaConnection(load({ KAFKA_SSL: 'true' })).ssl).toEqual({});
  });

  it('passes the SASL mechanism and credentials through', () => {
    const connection = kafkaConnection(
      load({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'key', KAFKA_SASL_PASSWORD: 'secret' }),
    );
    expect(connection.sasl).toEqual({ mechanism: 'plain', username: 'key', password: 'secret' });
  });

  it('refuses, naming each variable, SASL credentials without a mechanism and an unknown mechanism', () => {
    expect(() => load({ KAFKA_SASL_USERNAME: 'key', KAFKA_SASL_PASSWORD: 'secret' })).toThrow(
      /KAFKA_SASL_MECHANISM: must be set/,
    );
    expect(() => load({ KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(/KAFKA_SASL_MECHANISM: Invalid option/);
    expect(() => load({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /KAFKA_SASL_USERNAME: is required[\s\S]*KAFKA_SASL_PASSWORD: is required/,
    );
  });

  it('refuses a CA file that holds no certificate', () => {
    expect(() => load({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: __filename })).toThrow(
      /KAFKA_SSL_CA_FILE: holds no PEM certificate/,
    );
  });
});
