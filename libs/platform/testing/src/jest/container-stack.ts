import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { freePort } from '../lib/free-port';

/**
 * The test stack as containers, for machines with a Docker engine or podman's Docker-compatible socket
 * (DOCKER_HOST): PostgreSQL 18 and Apache Kafka at the version tools/kafka/pom.xml pins. The official images
 * by default; HOMEROOM_TEST_POSTGRES_IMAGE and HOMEROOM_TEST_KAFKA_IMAGE name drop-ins with the same interface,
 * such as the project's own (docker/images), built where no registry is reachable.
 */
export const DEFAULT_TEST_IMAGES = {
  postgres: 'docker.io/library/postgres:18',
  kafka: 'docker.io/apache/kafka:4.4.0',
};

const POSTGRES_PASSWORD = 'homeroom';
const KAFKA_CLUSTER_ID = 'hR7TestC0nta1nerSt4ck0';

export interface ContainerStack {
  databaseUrl: string;
  kafkaBrokers: string;
  containers: StartedTestContainer[];
}

export async function startContainerStack(environment = process.env): Promise<ContainerStack> {
  const images = {
    postgres: environment['HOMEROOM_TEST_POSTGRES_IMAGE'] || DEFAULT_TEST_IMAGES.postgres,
    kafka: environment['HOMEROOM_TEST_KAFKA_IMAGE'] || DEFAULT_TEST_IMAGES.kafka,
  };
  const [postgresStart, kafkaStart] = await Promise.allSettled([
    startPostgres(images.postgres),
    startKafka(images.kafka),
  ]);
  if (postgresStart.status === 'rejected' || kafkaStart.status === 'rejected') {
    // Jest runs no teardown when the setup fails: stop what did start, then fail.
    if (postgresStart.status === 'fulfilled') await postgresStart.value.stop({ remove: true });
    if (kafkaStart.status === 'fulfilled') await kafkaStart.value.container.stop({ remove: true });
    throw postgresStart.status === 'rejected'
      ? postgresStart.reason
      : (kafkaStart as PromiseRejectedResult).reason;
  }
  const [postgres, kafka] = [postgresStart.value, kafkaStart.value];
  return {
    databaseUrl: `postgres://postgres:${POSTGRES_PASSWORD}@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
    kafkaBrokers: kafka.brokers,
    containers: [postgres, kafka.container],
  };
}

function startPostgres(image: string): Promise<StartedTestContainer> {
  return (
    new GenericContainer(image)
      .withEnvironment({ POSTGRES_USER: 'postgres', POSTGRES_PASSWORD })
      .withExposedPorts(5432)
      .withLabels({ 'org.homeroom.test-stack': 'postgres' })
      // Tests create a database per suite, in parallel: more connections than the default 100.
      .withCommand(['-c', 'max_connections=300', '-c', 'fsync=off'])
      // Ready on TCP: the official image's first-run server listens on its socket only.
      .withWaitStrategy(Wait.forSuccessfulCommand('pg_isready -h 127.0.0.1 -p 5432 -U postgres'))
      .withStartupTimeout(120_000)
      .start()
  );
}

/**
 * Kafka advertises the address clients must use, so it must know the host's port before it starts: take a
 * free one and bind it. The configuration is the local stack's (one KRaft node, explicit topics only).
 */
export async function startKafka(
  image: string,
): Promise<{ container: StartedTestContainer; brokers: string }> {
  const hostPort = await freePort();
  const properties = [
    'process.roles=broker,controller',
    'node.id=1',
    'controller.quorum.bootstrap.servers=localhost:9093',
    'listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://localhost:9093',
    `advertised.listeners=PLAINTEXT://127.0.0.1:${hostPort}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    'log.dirs=/tmp/kafka-data',
    'num.partitions=3',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
  ].join('\n');
  const container = await new GenericContainer(image)
    .withExposedPorts({ container: 9092, host: hostPort })
    .withLabels({ 'org.homeroom.test-stack': 'kafka' })
    .withEnvironment({ KAFKA_HEAP_OPTS: '-Xms256m -Xmx768m' })
    .withCopyContentToContainer([{ content: `${properties}\n`, target: '/tmp/homeroom-kafka.properties' }])
    .withEntrypoint(['sh', '-ec'])
    .withCommand([
      `/opt/kafka/bin/kafka-storage.sh format --standalone --cluster-id ${KAFKA_CLUSTER_ID} --config /tmp/homeroom-kafka.properties
exec /opt/kafka/bin/kafka-server-start.sh /tmp/homeroom-kafka.properties`,
    ])
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(180_000)
    .start();
  return { container, brokers: `127.0.0.1:${hostPort}` };
}
