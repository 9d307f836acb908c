import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKafka, LocalStack, runCommand } from '@homeroom/platform/local-stack';
import { freePort } from './free-port';
import { testStackKind } from './test-environment';

/**
 * A Kafka broker of a suite's own, for tests that stop, kill and restart the broker without disturbing
 * the suites that share the main test broker. It runs from the same cached jars as the local stack.
 */
export interface DisposableBroker {
  bootstrap: string;
  /** With `secure`: the SASL_SSL listener, its CA (a PEM file) and its users. */
  secure?: SecureListener;
  start(): Promise<void>;
  /** Controlled shutdown. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash. */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export interface SecureListener {
  bootstrap: string;
  caFile: string;
  users: readonly { username: string; password: string }[];
}

export interface DisposableBrokerOptions {
  /** Also listen with TLS (a certificate made for 127.0.0.1) and SASL PLAIN/SCRAM for these users. */
  secureUsers?: readonly { username: string; password: string }[];
}

export async function startDisposableBroker(
  options: DisposableBrokerOptions = {},
): Promise<DisposableBroker> {
  if (testStackKind() === 'external') {
    throw new Error('A disposable broker needs the local stack or containers; unset KAFKA_BROKERS');
  }
  const dir = await mkdtemp(join(tmpdir(), 'homeroom-kafka-'));
  const keyStore = options.secureUsers ? await makeBrokerKeyStore(dir) : undefined;
  const broker = new LocalKafka({
    dir,
    libDir: await new LocalStack().kafkaJars(),
    port: await freePort(),
    controllerPort: await freePort(),
    heapMb: 512,
    ...(keyStore && options.secureUsers
      ? { saslSsl: { port: await freePort(), keyStore, users: options.secureUsers } }
      : {}),
  });
  await broker.up();
  return {
    bootstrap: broker.bootstrap,
    ...(keyStore && options.secureUsers && broker.secureBootstrap
      ? { secure: { bootstrap: broker.secureBootstrap, caFile: keyStore.caFile, users: options.secureUsers } }
      : {}),
    start: () => broker.up(),
    stop: () => broker.down(),
    kill: () => broker.kill(),
    async destroy() {
      await broker.down();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A self-signed certificate for 127.0.0.1 in a PKCS#12 key store, made by the JDK's keytool (the broker's
 * Java has it), and the certificate alone as PEM: the CA a client must be given to trust the broker.
 */
async function makeBrokerKeyStore(dir: string): Promise<{ file: string; password: string; caFile: string }> {
  const file = join(dir, 'broker.p12');
  const caFile = join(dir, 'broker-ca.pem');
  const password = 'disposable-broker-keystore';
  const store = ['-keystore', file, '-storetype', 'PKCS12', '-storepass', password];
  await runCommand('keytool', [
    '-genkeypair',
    ...store,
    '-alias',
    'broker',
    '-keyalg',
    'EC',
    '-groupname',
    'secp256r1',
    '-dname',
    'CN=disposable Kafka broker',
    '-ext',
    'SAN=IP:127.0.0.1,DNS:localhost',
    '-validity',
    '2',
  ]);
  await runCommand('keytool', ['-exportcert', '-rfc', ...store, '-alias', 'broker', '-file', caFile]);
  if (!(await readFile(caFile, 'utf8')).includes('BEGIN CERTIFICATE')) {
    throw new Error(`keytool wrote no certificate to ${caFile}`);
  }
  return { file, password, caFile };
}
