import { join } from 'node:path';
import { ensureKafkaJars } from './kafka-jars';
import { LocalKafka } from './local-kafka';
import { LocalPostgres, type ComponentStatus } from './local-postgres';
import { stackDir, workspaceRoot } from './stack-paths';

export const LOCAL_POSTGRES_PORT = 54329;
export const LOCAL_KAFKA_PORT = 9092;
export const LOCAL_KAFKA_CONTROLLER_PORT = 9093;
const LOCAL_POSTGRES_USER = 'postgres';
const LOCAL_POSTGRES_PASSWORD = 'homeroom';

export interface StackEnvironment {
  /** When set, that PostgreSQL server is used and none is started. */
  databaseUrl?: string | undefined;
  /** When set, that Kafka cluster is used and no broker is started. */
  kafkaBrokers?: string | undefined;
}

/** Where the services find PostgreSQL and Kafka, whoever runs them. */
export interface StackEndpoints {
  databaseUrl: string;
  kafkaBrokers: string;
}

export interface StackComponentStatus extends ComponentStatus {
  managed: boolean;
}

/**
 * The development and test stack: a PostgreSQL and a KRaft Kafka broker on this machine, each replaced by
 * an external server when the environment names one. `up` is idempotent and returns when both are ready.
 */
export class LocalStack {
  readonly root: string;
  private readonly dir: string;

  constructor(
    private readonly environment: StackEnvironment = {},
    root: string = workspaceRoot(),
  ) {
    this.root = root;
    this.dir = stackDir(root);
  }

  readonly postgres = (): LocalPostgres =>
    new LocalPostgres({
      dir: join(this.dir, 'postgres'),
      port: LOCAL_POSTGRES_PORT,
      user: LOCAL_POSTGRES_USER,
      password: LOCAL_POSTGRES_PASSWORD,
    });

  async kafka(): Promise<LocalKafka> {
    return new LocalKafka({
      dir: join(this.dir, 'kafka'),
      libDir: await this.kafkaJars(),
      port: LOCAL_KAFKA_PORT,
      controllerPort: LOCAL_KAFKA_CONTROLLER_PORT,
    });
  }

  kafkaJars(): Promise<string> {
    return ensureKafkaJars(join(this.root, 'tools', 'kafka', 'pom.xml'), join(this.dir, 'cache'));
  }

  endpoints(): StackEndpoints {
    return {
      databaseUrl: this.environment.databaseUrl ?? this.postgres().url,
      kafkaBrokers: this.environment.kafkaBrokers ?? `127.0.0.1:${LOCAL_KAFKA_PORT}`,
    };
  }

  /** Starts what is not running yet and returns the names of the components this call started. */
  async up(): Promise<string[]> {
    const started: string[] = [];
    const postgres = this.environment.databaseUrl ? undefined : this.postgres();
    const kafka = this.environment.kafkaBrokers ? undefined : await this.kafka();
    const wasPostgresRunning = (await postgres?.isRunning()) ?? true;
    const wasKafkaRunning = kafka ? kafka.pid() !== undefined : true;
    await Promise.all([postgres?.up(), kafka?.up()]);
    if (!wasPostgresRunning) started.push('postgres');
    if (!wasKafkaRunning) started.push('kafka');
    return started;
  }

  async down(components: string[] = ['postgres', 'kafka']): Promise<void> {
    const tasks: Promise<void>[] = [];
    if (components.includes('postgres') && !this.environment.databaseUrl) tasks.push(this.postgres().down());
    if (components.includes('kafka') && !this.environment.kafkaBrokers)
      tasks.push(this.kafka().then((kafka) => kafka.down()));
    await Promise.all(tasks);
  }

  /** Stops both and deletes their data (the downloaded jars stay cached). */
  async reset(): Promise<void> {
    await this.postgres().reset();
    await (await this.kafka()).reset();
  }

  async status(): Promise<StackComponentStatus[]> {
    const endpoints = this.endpoints();
    const postgres: StackComponentStatus = this.environment.databaseUrl
      ? { name: 'postgres', running: true, managed: false, address: redactUrl(endpoints.databaseUrl) }
      : { ...(await this.postgres().status()), managed: true };
    const kafka: StackComponentStatus = this.environment.kafkaBrokers
      ? { name: 'kafka', running: true, managed: false, address: endpoints.kafkaBrokers }
      : { ...(await (await this.kafka()).status()), managed: true };
    return [postgres, kafka];
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
