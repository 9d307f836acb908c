import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { throttleSchedule, type ThrottlePolicy } from '@homeroom/directory/domain';

/** A key an attempt counts under (`throttleKey`), with the policy for its scope. */
export interface ThrottledKey {
  key: string;
  policy: ThrottlePolicy;
}

export type ThrottleDecision =
  | {
      allowed: true;
      /** Each key's wait after this attempt, were it to fail, in seconds. */
      delays: ReadonlyMap<string, number>;
    }
  | {
      allowed: false;
      /** The keys still waiting out an earlier failure, and until when. */
      waiting: readonly { key: string; until: Date }[];
    };

/**
 * Counts an attempt under one key, unless the key is still waiting: then nothing changes and no row
 * comes back. Failures older than the policy's memory start again from one; the new wait is picked from
 * the policy's schedule ($2) by the new count. One statement, under the row's lock, on the database's
 * clock: replicas never disagree about a count or a time.
 */
const COUNT_ATTEMPT = `
  INSERT INTO sign_in_throttle AS t (key, failures, delayed_until, forget_at)
  VALUES ($1, 1, now() + make_interval(secs => ($2::int[])[1]), now() + make_interval(secs => $3::int))
  ON CONFLICT (key) DO UPDATE
     SET failures = CASE WHEN t.forget_at <= now() THEN 1 ELSE t.failures + 1 END,
         delayed_until = now() + make_interval(secs => ($2::int[])[
           LEAST(CASE WHEN t.forget_at <= now() THEN 1 ELSE t.failures + 1 END, cardinality($2::int[]))]),
         forget_at = EXCLUDED.forget_at
   WHERE t.delayed_until <= now()
  RETURNING extract(epoch FROM delayed_until - now())::float AS delay_seconds`;

/** Takes one counted attempt back, and the wait down to what the remaining failures call for. */
const TAKE_BACK = `
  UPDATE sign_in_throttle
     SET failures = failures - 1,
         delayed_until = LEAST(delayed_until, now() + make_interval(secs =>
           CASE WHEN failures <= 1 THEN 0 ELSE ($2::int[])[LEAST(failures - 1, cardinality($2::int[]))] END))
   WHERE key = $1 AND failures > 0`;

/** Rows whose failures are forgotten are dropped a few at a time, by whichever attempt comes along. */
const PRUNE = `
  DELETE FROM sign_in_throttle
   WHERE key IN (SELECT key FROM sign_in_throttle WHERE forget_at <= now() LIMIT 100 FOR UPDATE SKIP LOCKED)`;

/**
 * The sign-in throttles' state: failures per key and the wait they call for, in PostgreSQL so that every
 * replica of the directory sees the same counts. Keys are digests (`throttleKey`), never addresses.
 */
@Injectable()
export class SignInThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts the attempt as a failure under every key before its credentials are checked, so that attempts
   * sent all at once cannot slip past the count of the first to fail; `takeBack` or `clear` undo it when
   * the credentials were right. If any key is still waiting, nothing is counted: the attempt is refused
   * without a look at its credentials.
   */
  async begin(keys: readonly ThrottledKey[]): Promise<ThrottleDecision> {
    // One lock order for every attempt, so that two attempts never wait on each other's keys.
    const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.inTransaction<ThrottleDecision>(async (runner) => {
      await runner.query(PRUNE);
      const delays = new Map<string, number>();
      const waiting: string[] = [];
      for (const { key, policy } of ordered) {
        const [counted] = (await runner.query(COUNT_ATTEMPT, [
          key,
          throttleSchedule(policy),
          policy.forgetAfterSeconds,
        ])) as { delay_seconds: number }[];
        if (counted) delays.set(key, Math.max(0, counted.delay_seconds));
        else waiting.push(key);
      }
      if (waiting.length === 0) return { commit: true, value: { allowed: true, delays } };
      const rows = (await runner.query(
        'SELECT key, delayed_until FROM sign_in_throttle WHERE key = ANY($1::text[]) ORDER BY key',
        [waiting],
      )) as { key: string; delayed_until: Date }[];
      return {
        commit: false,
        value: { allowed: false, waiting: rows.map((row) => ({ key: row.key, until: row.delayed_until })) },
      };
    });
  }

  /** An attempt from a shared source (an address) succeeded: it was not a failure after all. */
  async takeBack(keys: readonly ThrottledKey[]): Promise<void> {
    for (const { key, policy } of keys)
      await this.dataSource.query(TAKE_BACK, [key, throttleSchedule(policy)]);
  }

  /** Forgets every failure under these keys: a right password, a new secret, an administrator's unlock. */
  async clear(keys: readonly string[]): Promise<void> {
    if (keys.length)
      await this.dataSource.query('DELETE FROM sign_in_throttle WHERE key = ANY($1::text[])', [keys]);
  }

  private async inTransaction<T>(
    work: (runner: QueryRunner) => Promise<{ commit: boolean; value: T }>,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const { commit, value } = await work(runner);
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return value;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
