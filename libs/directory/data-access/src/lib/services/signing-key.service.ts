import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { exportJWK, generateKeyPair } from 'jose';
import { DataSource, IsNull } from 'typeorm';
import { SigningKeyEntity } from '../entities';

/** Retired keys stay published this long, so tokens they signed verify until they expire. */
export const RETIRED_KEY_GRACE_MS = 24 * 60 * 60 * 1000;

/** The issuer's signing keys: ES256 pairs in the database, newest first; rotation keeps the old one published. */
@Injectable()
export class SigningKeyService {
  constructor(private readonly dataSource: DataSource) {}

  /** Private JWKs to hand the provider: the current key first, then retired ones still within grace. */
  async keys(now: Date = new Date()): Promise<Record<string, unknown>[]> {
    await this.ensureCurrent();
    const rows = await this.dataSource.query(
      `SELECT kid, private_jwk FROM signing_key
        WHERE retired_at IS NULL OR retired_at > $1
        ORDER BY retired_at IS NULL DESC, created_at DESC`,
      [new Date(now.getTime() - RETIRED_KEY_GRACE_MS)],
    );
    return (rows as { kid: string; private_jwk: Record<string, unknown> }[]).map((row) => ({
      ...row.private_jwk,
      kid: row.kid,
    }));
  }

  /** Makes a new current key and retires the previous one. Returns the new key id. */
  async rotate(): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(7305101)');
      await manager.update(SigningKeyEntity, { retiredAt: IsNull() }, { retiredAt: new Date() });
      return this.insertKey(manager.getRepository(SigningKeyEntity));
    });
  }

  private async ensureCurrent(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Replicas starting together agree on one first key.
      await manager.query('SELECT pg_advisory_xact_lock(7305101)');
      const current = await manager.countBy(SigningKeyEntity, { retiredAt: IsNull() });
      if (current === 0) await this.insertKey(manager.getRepository(SigningKeyEntity));
    });
  }

  private async insertKey(repository: ReturnType<DataSource['getRepository']>): Promise<string> {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomBytes(8).toString('hex');
    const privateJwk = { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig', kid };
    await repository.insert({ kid, privateJwk });
    return kid;
  }
}
