import { inject, type EnvironmentProviders, type Provider } from '@angular/core';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { ApolloLink, InMemoryCache } from '@apollo/client/core';
import { SetContextLink } from '@apollo/client/link/context';
import { PORTAL_CONFIG } from './portal-config';
import { SessionService } from './session.service';

/** One Apollo client on the gateway's /graphql, with the signed-in staff member's token when there is one. */
export function provideHomeroomApollo(): (Provider | EnvironmentProviders)[] {
  return [
    provideApollo(() => {
      const config = inject(PORTAL_CONFIG);
      const session = inject(SessionService);
      const http = inject(HttpLink).create({ uri: `${config.apiOrigin}/graphql` });
      const auth = new SetContextLink(async (previous) => {
        const token = await session.accessToken();
        return token ? { headers: { ...previous['headers'], authorization: `Bearer ${token}` } } : {};
      });
      return {
        link: ApolloLink.from([auth, http]),
        cache: new InMemoryCache(),
        defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
      };
    }),
  ];
}
