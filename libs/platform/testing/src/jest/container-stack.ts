import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { KafkaContainer } from '@testcontainers/kafka';

/**
 * The same stack as containers, for machines with a Docker engine: the official PostgreSQL image and the
 * Apache Kafka image at the version tools/kafka/pom.xml pins for the local broker.
 */
export async function startContainerStack(): Promise<{ databaseUrl: string; kafkaBrokers: string }> {
  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer('postgres:18-alpine').withUsername('postgres').withPassword('homeroom').start(),
    new KafkaContainer('confluentinc/cp-kafka:8.1.0').start(),
  ]);
  // Ryuk (testcontainers' reaper) removes both containers when the Jest process exits.
  return {
    databaseUrl: postgres.getConnectionUri(),
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
  };
}
