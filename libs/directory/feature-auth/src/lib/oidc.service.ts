import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import type { Request } from 'express';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DataSource } from 'typeorm';
import {
  ApiClientService,
  OidcStorage,
  CredentialService,
  SigningKeyService,
  StaffRoleService,
} from '@homeroom/directory/data-access';
import { oidcConfiguration, type AccountDirectory } from './oidc-configuration';
import { SignInAttempts } from './sign-in-attempts';
import { SIGN_IN_SETTINGS, type SignInSettings } from './sign-in-settings';

/**
 * The district's OpenID provider (panva's oidc-provider, OpenID Certified), built from the signing keys in
 * the database. `reload()` rebuilds it after a key rotation; requests in flight finish on the old one.
 */
@Injectable()
export class OidcService implements OnModuleInit {
  private provider: Provider | undefined;

  constructor(
    @Inject(SIGN_IN_SETTINGS) private readonly settings: SignInSettings,
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeyService,
    private readonly apiClients: ApiClientService,
    private readonly credentials: CredentialService,
    private readonly staffRoles: StaffRoleService,
    private readonly attempts: SignInAttempts,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  get current(): Provider {
    if (!this.provider) throw new Error('The OpenID provider is not ready');
    return this.provider;
  }

  async reload(): Promise<void> {
    const { dataSource, apiClients, attempts } = this;
    const adapter = class {
      constructor(name: string) {
        return new OidcStorage(name, dataSource, apiClients);
      }
    } as unknown as Configuration['adapter'];
    const accounts: AccountDirectory = {
      findStaff: async (personId) => {
        const person = await this.credentials.activeStaff(personId);
        if (!person) return null;
        return { person, roles: await this.staffRoles.forPeople([personId]) };
      },
    };
    const provider = new Provider(
      this.settings.issuer,
      oidcConfiguration(this.settings, await this.keys.keys(), adapter, accounts),
    );
    // Its URLs follow X-Forwarded-Host and -Proto, which mountSignIn pins to the issuer's.
    provider.proxy = true;
    // Requests whose client secret was compared; the others that fail client authentication count below.
    const compared = new WeakSet<object>();
    // API client secrets are stored as argon2id hashes, never in clear; compare accordingly, and only when
    // neither the client nor the caller's address is waiting out earlier failures (a refusal then reads
    // as a wrong secret). A verified secret means the client is getting a token: that is when it was last
    // used.
    provider.Client.prototype.compareClientSecret = async function (
      this: { clientId: string; clientSecret: string },
      actual: string,
    ) {
      const ctx = Provider.ctx;
      if (ctx) compared.add(ctx);
      return attempts.clientSecret(this.clientId, callerAddress(ctx), async () => {
        const verified = await verify(this.clientSecret, actual).catch(() => false);
        if (verified) await apiClients.recordUse(this.clientId);
        return verified;
      });
    };
    // A client id nobody has fails before any secret is compared: it still counts against the address.
    provider.use(async (ctx, next) => {
      await next();
      const failed =
        ctx.status === 401 && (ctx.body as { error?: unknown } | undefined)?.error === 'invalid_client';
      if (failed && !compared.has(ctx)) await attempts.clientUnknown(callerAddress(ctx));
    });
    this.provider = provider;
  }
}

/** The caller's address as Express reads it under the sign-in's `trust proxy` setting (mountSignIn). */
function callerAddress(ctx: Pick<KoaContextWithOIDC, 'req'> | undefined): string {
  return (ctx?.req as Request | undefined)?.ip ?? 'unknown';
}
