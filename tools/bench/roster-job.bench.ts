/**
 * A OneRoster import of a million people as the portal runs it: the set uploaded in 8 MB parts, the dry run,
 * the confirmation, the import applied by the job runner, while a watcher reads the job as the portal's
 * progress bar does and records how long the bar ever stood still.
 */
import { OutboxWriter } from '@homeroom/platform/messaging';
import { testLogger } from '@homeroom/platform/testing';
import { rosterTestDatabase } from '@homeroom/directory/oneroster/testing';
import {
  OneRosterImporter,
  RosterImportJobs,
  UPLOAD_PART_MAX_BYTES,
  type RosterImportJob,
} from '@homeroom/directory/oneroster';
import { generateDistrict } from './directory.bench';
import type { BenchmarkReport } from './report';

const STUDENTS = Number(process.env['BENCH_JOB_STUDENTS'] ?? 400_000);
/** The portal asks for the job every second; the watcher asks four times as often, to see gaps finely. */
const WATCH_EVERY_MS = 250;

export async function rosterJobBenchmark(): Promise<BenchmarkReport> {
  const generated = generateDistrict(STUDENTS);
  const setBytes = Object.values(generated.files).reduce((sum, bytes) => sum + bytes.length, 0);
  const database = await rosterTestDatabase('bench_roster_job', { poolSize: 4 });
  try {
    const { dataSource } = database;
    const jobs = new RosterImportJobs(
      dataSource,
      new OneRosterImporter(dataSource, new OutboxWriter('directory')),
      testLogger('bench'),
    );
    // What the process holds before the job (the generated set, its CSV), to tell the job's own share.
    const baselineRss = process.memoryUsage().rss;
    let peakRss = 0;
    const sampleMemory = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

    const uploadStarted = Date.now();
    const job = await jobs.startUpload('bench');
    let parts = 0;
    for (const [name, bytes] of Object.entries(generated.files))
      for (let part = 0; part * UPLOAD_PART_MAX_BYTES < bytes.length; part += 1, parts += 1)
        await jobs.addFilePart(
          job.id,
          name,
          part,
          bytes.subarray(part * UPLOAD_PART_MAX_BYTES, (part + 1) * UPLOAD_PART_MAX_BYTES),
        );
    await jobs.submit(job.id);
    const uploadSeconds = (Date.now() - uploadStarted) / 1_000;

    const dryRun = await runWatched(jobs, job.id);
    await jobs.confirm(job.id, false);
    const apply = await runWatched(jobs, job.id);
    clearInterval(sampleMemory);
    const finished = await jobs.get(job.id);
    if (finished.status !== 'SUCCEEDED')
      throw new Error(`the job ended ${finished.status}: ${finished.error?.message}`);
    const people = finished.report!.files.find((f) => f.file === 'users.csv')!;
    return {
      name: 'oneroster-job',
      description: `A OneRoster 1.2 set of ${generated.users.toLocaleString('en')} people (${STUDENTS.toLocaleString('en')} students, their guardians, a teacher per ten; ${(setBytes / 1024 / 1024).toFixed(0)} MB of CSV) through an import job as the portal runs it: upload in ${parts} parts of at most 8 MB, dry run, confirmation, import in the background; a watcher reads the job every ${WATCH_EVERY_MS} ms, as the portal's progress bar does every second.`,
      command: 'npm run bench -- oneroster-job',
      rows: [
        {
          variant: 'upload (parts into the job)',
          seconds: uploadSeconds,
          'progress reads': 0,
          'longest still (s)': 0,
        },
        {
          variant: 'dry run',
          seconds: dryRun.seconds,
          'progress reads': dryRun.reads,
          'longest still (s)': dryRun.longestStill,
        },
        {
          variant: 'import (after confirming)',
          seconds: apply.seconds,
          'progress reads': apply.reads,
          'longest still (s)': apply.longestStill,
        },
      ],
      ratios: {},
      notes: [
        `People created: ${people.created.toLocaleString('en')}; refused rows: ${finished.report!.rejected.length}.`,
        `Longest still stretch of the dry run after ${dryRun.stillAfter}; of the import after ${apply.stillAfter}.`,
        `Resident memory of the process: ${(baselineRss / 1024 / 1024).toFixed(0)} MiB before the job (the generated set), ${(peakRss / 1024 / 1024).toFixed(0)} MiB at the peak: the job's own share about ${((peakRss - baselineRss) / 1024 / 1024).toFixed(0)} MiB, ${((peakRss - baselineRss) / generated.users / 1024).toFixed(1)} KiB a person.`,
        '"Longest still" is the longest stretch during which the job, read as the portal reads it, showed no new progress: the bar stays live when it is a few seconds at most.',
        'PostgreSQL is the local stack (fsync off); the benchmark process and the server share the 2 cores.',
      ],
    };
  } finally {
    await database.drop();
  }
}

/** Runs the queued step while reading the job as the portal does; how long it took and how live it looked. */
async function runWatched(
  jobs: RosterImportJobs,
  jobId: string,
): Promise<{ seconds: number; reads: number; longestStill: number; stillAfter: string }> {
  const started = Date.now();
  let running = true;
  let reads = 0;
  let longestStill = 0;
  let stillAfter = '';
  const watcher = (async () => {
    let last: string | null = null;
    let since = Date.now();
    while (running) {
      const job: RosterImportJob = await jobs.get(jobId);
      reads += 1;
      const seen = JSON.stringify([job.status, job.progress]);
      if (seen !== last) {
        const still = (Date.now() - since) / 1_000;
        if (still > longestStill) {
          longestStill = still;
          stillAfter = last ?? 'the start';
        }
        last = seen;
        since = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, WATCH_EVERY_MS));
    }
  })();
  await jobs.runDue();
  running = false;
  await watcher;
  return { seconds: (Date.now() - started) / 1_000, reads, longestStill, stillAfter };
}
