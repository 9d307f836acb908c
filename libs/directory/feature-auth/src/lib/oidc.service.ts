import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import Provider, { type Configuration } from 'oidc-provider';
import { DataSource } from 'typeorm';
import {
  ApiClientService,
  OidcStorage,
  PersonService,
  SigningKeyService,
  StaffRoleService,
} from '@homeroom/directory/data-access';
import { oidcConfiguration, type AccountDirectory } from './oidc-configuration';
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
    private readonly people: PersonService,
    private readonly staffRoles: StaffRoleService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  get current(): Provider {
    if (!this.provider) throw new Error('The OpenID provider is not ready');
    return this.provider;
  }

  async reload(): Promise<void> {
    const { dataSource, apiClients } = this;
    const adapter = class {
      constructor(name: string) {
        return new OidcStorage(name, dataSource, apiClients);
      }
    } as unknown as Configuration['adapter'];
    const accounts: AccountDirectory = {
      findStaff: async (personId) => {
        const person = await this.people.findById(personId);
        if (!person || person.kind !== 'STAFF' || !person.active) return null;
        return { person, roles: await this.staffRoles.forPeople([personId]) };
      },
    };
    const provider = new Provider(
      this.settings.issuer,
      oidcConfiguration(this.settings, await this.keys.keys(), adapter, accounts),
    );
    // Behind the gateway (and Kubernetes ingress): trust X-Forwarded-* for the public URL.
    provider.proxy = true;
    // API client secrets are stored as argon2id hashes, never in clear; compare accordingly. A verified
    // secret means the client is getting a token: that is when it was last used.
    provider.Client.prototype.compareClientSecret = async function (
      this: { clientId: string; clientSecret: string },
      actual: string,
    ) {
      const verified = await verify(this.clientSecret, actual).catch(() => false);
      if (verified) await apiClients.recordUse(this.clientId);
      return verified;
    };
    this.provider = provider;
  }
}
