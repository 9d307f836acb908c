import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DataSource, IsNull } from 'typeorm';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { isApiScope } from '@homeroom/directory/domain';
import { ApiClientEntity } from '../entities';

export interface IssuedClient {
  client: ApiClientEntity;
  /** Shown once; only its hash is kept. */
  secret: string;
}

/** Vendors' API clients: created with scopes by an administrator, rotated and revoked without redeploys. */
@Injectable()
export class ApiClientService {
  constructor(private readonly dataSource: DataSource) {}

  async create(name: string, scopes: readonly string[], createdBy: string): Promise<IssuedClient> {
    const clientId = `${slug(name)}-${randomBytes(4).toString('hex')}`;
    return this.issue(clientId, name, scopes, createdBy, newSecret());
  }

  /** Creates or updates a client with a known secret (the demo vendor of the seed). */
  async ensure(
    clientId: string,
    name: string,
    scopes: readonly string[],
    secret: string,
  ): Promise<ApiClientEntity> {
    return (await this.issue(clientId, name, scopes, 'seed', secret)).client;
  }

  async rotateSecret(clientId: string): Promise<IssuedClient> {
    const client = await this.active(clientId);
    const secret = newSecret();
    client.secretHash = await hash(secret);
    client.secretRotatedAt = new Date();
    await this.dataSource.getRepository(ApiClientEntity).save(client);
    return { client, secret };
  }

  async revoke(clientId: string): Promise<ApiClientEntity> {
    const client = await this.active(clientId);
    client.revokedAt = new Date();
    return this.dataSource.getRepository(ApiClientEntity).save(client);
  }

  /**
   * Notes that the client's secret was just verified (it is getting a token): one write per token, none per
   * API request, since the API checks the token's signature without asking the directory.
   */
  async recordUse(clientId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE api_client SET last_used_at = now() WHERE client_id = $1 AND revoked_at IS NULL',
      [clientId],
    );
  }

  findActive(clientId: string): Promise<ApiClientEntity | null> {
    return this.dataSource.getRepository(ApiClientEntity).findOneBy({ clientId, revokedAt: IsNull() });
  }

  list(): Promise<ApiClientEntity[]> {
    return this.dataSource.getRepository(ApiClientEntity).find({ order: { createdAt: 'DESC' } });
  }

  private async issue(
    clientId: string,
    name: string,
    scopes: readonly string[],
    createdBy: string,
    secret: string,
  ): Promise<IssuedClient> {
    const unknown = scopes.filter((scope) => !isApiScope(scope));
    if (unknown.length || scopes.length === 0) {
      throw new InvalidInputException(
        unknown.length ? `Unknown scopes: ${unknown.join(', ')}` : 'A client needs at least one scope',
        [{ path: 'scopes', message: unknown.length ? `unknown: ${unknown.join(', ')}` : 'empty' }],
        'INVALID_SCOPE',
      );
    }
    const client = this.dataSource.getRepository(ApiClientEntity).create({
      clientId,
      name: name.trim(),
      scopes: [...new Set(scopes)],
      secretHash: await hash(secret),
      createdBy,
      revokedAt: null,
    });
    await this.dataSource.getRepository(ApiClientEntity).save(client);
    return { client, secret };
  }

  private async active(clientId: string): Promise<ApiClientEntity> {
    const client = await this.findActive(clientId);
    if (!client) throw new NotFoundException('ApiClient');
    return client;
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function slug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 24) || 'client'
  );
}
