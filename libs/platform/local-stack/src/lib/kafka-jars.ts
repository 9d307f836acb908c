import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './process-control';

/** The broker version pinned in tools/kafka/pom.xml; the ADR 0003 explains the choice. */
export function pinnedKafkaVersion(pomFile: string): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(pomFile, 'utf8'));
  if (!match?.[1]) throw new Error(`${pomFile} does not pin <kafka.version>`);
  return match[1];
}

/**
 * Copies the broker's jars from Maven Central (through the local Maven repository, so a second run is
 * offline) into a folder per version; a marker file makes the copy all-or-nothing.
 */
export async function ensureKafkaJars(pomFile: string, cacheDir: string): Promise<string> {
  const version = pinnedKafkaVersion(pomFile);
  const libDir = join(cacheDir, `kafka-${version}`, 'lib');
  const marker = join(libDir, '.complete');
  if (existsSync(marker)) return libDir;
  await rm(libDir, { recursive: true, force: true });
  await mkdir(libDir, { recursive: true });
  await runCommand('mvn', [
    '-q',
    '-B',
    '-f',
    pomFile,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${libDir}`,
    '-DincludeScope=runtime',
  ]);
  await writeFile(marker, `${version}\n`);
  return libDir;
}
