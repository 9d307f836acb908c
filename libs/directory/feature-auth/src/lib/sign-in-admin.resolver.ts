import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  ApiClientService,
  CredentialService,
  SigningKeyService,
  type ApiClientEntity,
} from '@homeroom/directory/data-access';
import { CurrentPrincipal, Roles, type Principal } from '@homeroom/platform/auth';
import { OidcService } from './oidc.service';

@ObjectType({ description: "A vendor's API client (OAuth2 client credentials)." })
export class ApiClient {
  @Field({ description: 'The client_id.' })
  clientId!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  secretRotatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the client last used its secret (to get a token); null if never.',
  })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: 'A client with its secret, shown this once: only a hash is kept.' })
export class IssuedApiClient {
  @Field(() => ApiClient)
  client!: ApiClient;

  @Field()
  secret!: string;
}

/** District administrators manage vendors' API clients, reset staff passwords and rotate signing keys. */
@Resolver()
export class SignInAdminResolver {
  constructor(
    private readonly clients: ApiClientService,
    private readonly credentials: CredentialService,
    private readonly signingKeys: SigningKeyService,
    private readonly oidc: OidcService,
  ) {}

  @Roles('DISTRICT_ADMIN')
  @Query(() => [ApiClient])
  async apiClients(): Promise<ApiClient[]> {
    return (await this.clients.list()).map(toApiClient);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => IssuedApiClient)
  async createApiClient(
    @Args('name') name: string,
    @Args('scopes', { type: () => [String] }) scopes: string[],
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssuedApiClient> {
    const { client, secret } = await this.clients.create(
      name,
      scopes,
      principal.kind === 'user' ? principal.subject : 'unknown',
    );
    return { client: toApiClient(client), secret };
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => IssuedApiClient, { description: 'A new secret; the old one stops working at once.' })
  async rotateApiClientSecret(@Args('clientId') clientId: string): Promise<IssuedApiClient> {
    const { client, secret } = await this.clients.rotateSecret(clientId);
    return { client: toApiClient(client), secret };
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => ApiClient, {
    description: 'The client can get no new tokens; tokens it holds expire within the hour.',
  })
  async revokeApiClient(@Args('clientId') clientId: string): Promise<ApiClient> {
    return toApiClient(await this.clients.revoke(clientId));
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => Boolean, { description: "Sets a staff member's password and lifts any lockout." })
  async setStaffPassword(
    @Args('personId', { type: () => ID }) personId: string,
    @Args('password') password: string,
  ): Promise<boolean> {
    await this.credentials.setPassword(personId, password);
    return true;
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => String, {
    description:
      'Signs new tokens with a new key; the old key stays in the JWKS for a day. Returns the new key id.',
  })
  async rotateSigningKeys(): Promise<string> {
    const kid = await this.signingKeys.rotate();
    await this.oidc.reload();
    return kid;
  }
}

function toApiClient(entity: ApiClientEntity): ApiClient {
  return {
    clientId: entity.clientId,
    name: entity.name,
    scopes: entity.scopes,
    createdAt: entity.createdAt,
    secretRotatedAt: entity.secretRotatedAt,
    revokedAt: entity.revokedAt,
    lastUsedAt: entity.lastUsedAt ?? null,
  };
}
