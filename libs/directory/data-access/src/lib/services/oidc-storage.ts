import type { DataSource } from 'typeorm';
import type { ApiClientService } from './api-client.service';

type Payload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string };

/**
 * Storage for the OpenID provider (oidc-provider's adapter interface), one instance per model:
 * sessions, authorization codes, grants, interactions and tokens in `oidc_payload`; the `Client` model
 * reads vendors' API clients, whose secret is an argon2id hash (the provider compares through
 * ApiClientSecrets, see feature-auth).
 */
export class OidcStorage {
  constructor(
    private readonly model: string,
    private readonly dataSource: DataSource,
    private readonly apiClients: ApiClientService,
  ) {}

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oidc_payload (id, model, payload, grant_id, user_code, uid, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id, model) DO UPDATE
         SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, user_code = EXCLUDED.user_code,
             uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
      [
        id,
        this.model,
        payload,
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      ],
    );
  }

  async find(id: string): Promise<Payload | undefined> {
    if (this.model === 'Client') return this.findClient(id);
    return this.findWhere('id = $2', id);
  }

  findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.findWhere('user_code = $2', userCode);
  }

  findByUid(uid: string): Promise<Payload | undefined> {
    return this.findWhere('uid = $2', uid);
  }

  async consume(id: string): Promise<void> {
    await this.dataSource.query('UPDATE oidc_payload SET consumed_at = now() WHERE id = $1 AND model = $2', [
      id,
      this.model,
    ]);
  }

  async destroy(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM oidc_payload WHERE id = $1 AND model = $2', [id, this.model]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM oidc_payload WHERE grant_id = $1', [grantId]);
  }

  private async findWhere(condition: string, value: string): Promise<Payload | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT payload, consumed_at FROM oidc_payload
        WHERE model = $1 AND ${condition} AND (expires_at IS NULL OR expires_at > now())`,
      [this.model, value],
    )) as { payload: Payload; consumed_at: Date | null }[];
    if (!row) return undefined;
    return row.consumed_at
      ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) }
      : row.payload;
  }

  private async findClient(clientId: string): Promise<Payload | undefined> {
    const client = await this.apiClients.findActive(clientId);
    if (!client) return undefined;
    return {
      client_id: client.clientId,
      client_name: client.name,
      client_secret: client.secretHash,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: client.scopes.join(' '),
    };
  }
}
