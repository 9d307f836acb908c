import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  ApiClientService,
  CredentialService,
  SigningKeyService,
  type ApiClientEntity,
} from '@homeroom/directory/data-access';
import { CurrentPrincipal, Roles, type Principal } from '@homeroom/platform/auth';
import { OidcService } from './oidc.service';
import { SignInAttempts } from './sign-in-attempts';

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

/**
 * District administrators manage vendors' API clients, reset staff passwords, lift the waits repeated
 * failed sign-ins put on an account, and rotate signing keys.
 */
@Resolver()
export class SignInAdminResolver {
  constructor(
    private readonly clients: ApiClientService,
    private readonly credentials: CredentialService,
    private readonly signingKeys: SigningKeyService,
    private readonly oidc: OidcService,
    private readonly attempts: SignInAttempts,
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
    const { client, secret } = await this.clients.create(name, scopes, actorOf(principal));
    return { client: toApiClient(client), secret };
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => IssuedApiClient, {
    description: 'A new secret; the old one stops working at once, and the new one works at once.',
  })
  async rotateApiClientSecret(
    @Args('clientId') clientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssuedApiClient> {
    const { client, secret } = await this.clients.rotateSecret(clientId);
    // Failures with the old secret (a vendor's stale configuration) do not hold up the new one.
    await this.attempts.unlockClient(clientId, actorOf(principal));
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
  @Mutation(() => Boolean, {
    description: "Sets a staff member's password and lifts any wait that failed sign-ins put on the account.",
  })
  async setStaffPassword(
    @Args('personId', { type: () => ID }) personId: string,
    @Args('password') password: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    await this.credentials.setPassword(personId, password);
    await this.attempts.unlockStaff(personId, actorOf(principal));
    return true;
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => Boolean, {
    description:
      "Lifts the wait that repeated failed sign-ins put on a staff member's account (under every address they have), so their next attempt is checked at once. Waits on the addresses they sign in from stay.",
  })
  async unlockStaffSignIn(
    @Args('personId', { type: () => ID }) personId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    await this.attempts.unlockStaff(personId, actorOf(principal));
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

/** Who acted, for the sign-in audit: the staff member's id (administrators are staff). */
function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.subject : 'unknown';
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
