import 'reflect-metadata';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@homeroom/platform/config';
import { createServiceDataSource } from '@homeroom/platform/database';
import {
  CASES_ENTITIES,
  CASES_MIGRATIONS,
  copyAttachments,
  FileSystemAttachmentStorage,
  PostgresAttachmentStorage,
} from '@homeroom/cases/data-access';

/**
 * One-off, after moving to ATTACHMENT_STORAGE=database (ADR 20): copies every attachment the database lacks
 * from the old directory (ATTACHMENT_STORAGE_DIR) into it, checking each file's size and SHA-256 against
 * its row. Safe to run while the service runs (which reads through that directory meanwhile) and to run
 * again; it changes nothing in the directory. Exits 0 when every attachment is in the database, 1 otherwise.
 */
const config = loadConfig(
  'cases:copy-attachments',
  z.object({ DATABASE_URL: postgresUrl, ATTACHMENT_STORAGE_DIR: z.string().min(1) }),
);

async function main(): Promise<boolean> {
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    applicationName: 'cases:copy-attachments',
    entities: CASES_ENTITIES,
    migrations: CASES_MIGRATIONS,
    poolSize: 2,
  });
  await dataSource.initialize();
  try {
    const report = await copyAttachments(
      dataSource,
      new FileSystemAttachmentStorage(config.ATTACHMENT_STORAGE_DIR),
      new PostgresAttachmentStorage(dataSource),
      {
        onError: (attachmentId, error) =>
          process.stderr.write(
            `attachment ${attachmentId}: ${error instanceof Error ? error.message : String(error)}\n`,
          ),
      },
    );
    process.stdout.write(
      `${report.examined} attachments: ${report.copied} copied, ${report.alreadyThere} already in the database, ` +
        `${report.missing.length} missing, ${report.corrupt.length} not matching their row, ${report.failed.length} failed\n`,
    );
    for (const [what, ids] of [
      ['missing (in neither storage)', report.missing],
      ['not matching their row (size or SHA-256; not copied)', report.corrupt],
      ['failed', report.failed],
    ] as const)
      if (ids.length) process.stdout.write(`${what}: ${ids.join(', ')}\n`);
    return !report.missing.length && !report.corrupt.length && !report.failed.length;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (complete) => process.exit(complete ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
