import { existsSync, openSync, readFileSync, closeSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { isPortOpen, isProcessAlive, runCommand, terminate, waitUntil } from './process-control';
import type { ComponentStatus } from './local-postgres';

export interface LocalKafkaOptions {
  /** Folder for this broker's config, data, log and pid file. */
  dir: string;
  /** Folder of the broker's jars (see ensureKafkaJars). */
  libDir: string;
  port: number;
  controllerPort: number;
  /** Partitions for topics created without an explicit count. */
  defaultPartitions?: number;
  heapMb?: number;
  /** A second listener with TLS and SASL, as managed Kafka services and Strimzi's TLS listeners have. */
  saslSsl?: SaslSslListener;
}

/** A SASL_SSL listener: PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 for these users, over TLS with this key. */
export interface SaslSslListener {
  port: number;
  /** A PKCS#12 key store holding the broker's key and certificate. */
  keyStore: { file: string; password: string };
  users: readonly { username: string; password: string }[];
}

const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

/**
 * A single-node Apache Kafka broker in KRaft mode (one process is both broker and controller), run on
 * the machine's Java from the jars Maven fetched. Storage is formatted on first start.
 */
export class LocalKafka {
  constructor(private readonly options: LocalKafkaOptions) {}

  get bootstrap(): string {
    return `127.0.0.1:${this.options.port}`;
  }

  /** The SASL_SSL listener's address, when the broker has one. */
  get secureBootstrap(): string | undefined {
    return this.options.saslSsl ? `127.0.0.1:${this.options.saslSsl.port}` : undefined;
  }

  private get pidFile(): string {
    return join(this.options.dir, 'broker.pid');
  }

  private get dataDir(): string {
    return join(this.options.dir, 'data');
  }

  private get configFile(): string {
    return join(this.options.dir, 'server.properties');
  }

  private get logFile(): string {
    return join(this.options.dir, 'broker.log');
  }

  private get classpath(): string {
    return join(this.options.libDir, '*');
  }

  pid(): number | undefined {
    if (!existsSync(this.pidFile)) return undefined;
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && isProcessAlive(pid) ? pid : undefined;
  }

  async up(): Promise<void> {
    if (this.pid() !== undefined) {
      await this.waitForReady();
      return;
    }
    if (await isPortOpen(this.options.port)) {
      throw new Error(
        `Port ${this.options.port} is taken by another process; stop it or set KAFKA_BROKERS to use that cluster`,
      );
    }
    await mkdir(this.options.dir, { recursive: true });
    await this.writeConfig();
    if (!existsSync(join(this.dataDir, 'meta.properties'))) await this.formatStorage();

    const log = openSync(this.logFile, 'a');
    const heap = this.options.heapMb ?? 768;
    const broker = spawn(
      'java',
      [
        `-Xms${Math.min(256, heap)}m`,
        `-Xmx${heap}m`,
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${join(this.options.dir, 'log4j2.properties')}`,
        '-cp',
        this.classpath,
        'kafka.Kafka',
        this.configFile,
      ],
      { detached: true, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    if (broker.pid === undefined) throw new Error('java could not be started; is a JDK 17+ on PATH?');
    await writeFile(this.pidFile, `${broker.pid}\n`);
    broker.unref();
    await this.waitForReady();
  }

  /** Stops the broker; a controlled shutdown takes a few seconds, a hung one is killed. */
  async down(): Promise<void> {
    const pid = this.pid();
    if (pid !== undefined) await terminate(pid, 30_000);
    await rm(this.pidFile, { force: true });
  }

  /** Kills the broker without a controlled shutdown, as a crash would. */
  async kill(): Promise<void> {
    const pid = this.pid();
    if (pid !== undefined) {
      process.kill(pid, 'SIGKILL');
      await waitUntil('broker to die', () => !isProcessAlive(pid), { timeoutMs: 10_000 });
    }
    await rm(this.pidFile, { force: true });
  }

  async reset(): Promise<void> {
    await this.down();
    await rm(this.options.dir, { recursive: true, force: true });
  }

  async status(): Promise<ComponentStatus> {
    const pid = this.pid();
    return {
      name: 'kafka',
      running: pid !== undefined,
      address: this.bootstrap,
      ...(pid === undefined ? {} : { detail: `pid ${pid}, KRaft, ${this.options.dir}` }),
    };
  }

  /** Ready means a client can read cluster metadata, not merely that the port accepts connections. */
  async waitForReady(timeoutMs = 60_000): Promise<void> {
    const admin = new Kafka({
      clientId: 'homeroom-stack',
      brokers: [this.bootstrap],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 1_000,
    }).admin();
    try {
      await waitUntil(
        `Kafka at ${this.bootstrap} (log: ${this.logFile})`,
        async () => {
          const pid = this.pid();
          if (pid === undefined) throw new Error(`The broker exited; see ${this.logFile}`);
          try {
            await admin.connect();
            const cluster = await admin.describeCluster();
            return cluster.controller !== null && cluster.brokers.length > 0;
          } catch {
            await admin.disconnect().catch(() => undefined);
            return false;
          }
        },
        { timeoutMs, intervalMs: 300 },
      );
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async formatStorage(): Promise<void> {
    await runCommand('java', [
      '-cp',
      this.classpath,
      'kafka.tools.StorageTool',
      'format',
      '--cluster-id',
      kafkaClusterId(),
      '--config',
      this.configFile,
      '--standalone',
      // SCRAM credentials live in the cluster's metadata; KRaft takes the first ones at format time.
      ...(this.options.saslSsl?.users ?? []).flatMap(({ username, password }) =>
        SCRAM_MECHANISMS.flatMap((mechanism) => [
          '--add-scram',
          `${mechanism}=[name=${username},password=${password}]`,
        ]),
      ),
    ]);
  }

  private async writeConfig(): Promise<void> {
    const { port, controllerPort, saslSsl } = this.options;
    const secure = saslSsl ? `,SASL_SSL://127.0.0.1:${saslSsl.port}` : '';
    const properties = {
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.bootstrap.servers': `127.0.0.1:${controllerPort}`,
      listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}${secure}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}${secure}`,
      'controller.listener.names': 'CONTROLLER',
      'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL',
      ...(saslSsl ? saslSslProperties(saslSsl) : {}),
      'inter.broker.listener.name': 'PLAINTEXT',
      'log.dirs': this.dataDir,
      'num.partitions': String(this.options.defaultPartitions ?? 3),
      // Topics are provisioned explicitly by the services (see libs/platform/messaging).
      'auto.create.topics.enable': 'false',
      'offsets.topic.replication.factor': '1',
      // Fewer internal partitions: a group coordinator that loads in milliseconds on a small machine.
      'offsets.topic.num.partitions': '6',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'transaction.state.log.num.partitions': '6',
      'share.coordinator.state.topic.replication.factor': '1',
      'share.coordinator.state.topic.min.isr': '1',
      'group.initial.rebalance.delay.ms': '0',
      'num.network.threads': '2',
      'num.io.threads': '4',
      'log.retention.hours': '168',
      'delete.topic.enable': 'true',
    };
    const text = Object.entries(properties)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n');
    await writeFile(this.configFile, `${text}\n`);
    await writeFile(
      join(this.options.dir, 'log4j2.properties'),
      [
        'status = warn',
        'appender.console.type = Console',
        'appender.console.name = STDOUT',
        'appender.console.layout.type = PatternLayout',
        'appender.console.layout.pattern = [%d] %p %m (%c)%n',
        'rootLogger.level = warn',
        'rootLogger.appenderRef.stdout.ref = STDOUT',
        'logger.server.name = kafka.server.KafkaRaftServer',
        'logger.server.level = info',
      ].join('\n') + '\n',
    );
  }
}

function saslSslProperties({ keyStore, users }: SaslSslListener): Record<string, string> {
  const plainUsers = users.map(({ username, password }) => `user_${username}="${password}"`).join(' ');
  return {
    'sasl.enabled.mechanisms': ['PLAIN', ...SCRAM_MECHANISMS].join(','),
    'listener.name.sasl_ssl.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers};`,
    ...Object.fromEntries(
      SCRAM_MECHANISMS.map((mechanism) => [
        `listener.name.sasl_ssl.${mechanism.toLowerCase()}.sasl.jaas.config`,
        'org.apache.kafka.common.security.scram.ScramLoginModule required;',
      ]),
    ),
    'ssl.keystore.type': 'PKCS12',
    'ssl.keystore.location': keyStore.file,
    'ssl.keystore.password': keyStore.password,
  };
}

/**
 * A KRaft cluster id: 16 random bytes, base64url without padding, as `kafka-storage random-uuid` makes.
 * Like Kafka's own `Uuid.randomUuid`, never one starting with '-': the storage tool's argument parser would
 * take it for an option (one format in 64 failed with "expected one argument").
 */
function kafkaClusterId(): string {
  for (;;) {
    const id = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
