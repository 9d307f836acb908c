import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The challenge for a request that carried no token at all: RFC 6750 §3 asks for `WWW-Authenticate` on
 * every 401, and, when no credentials were sent, for no error code (`authenticate` answers a token that
 * failed itself, with `error="invalid_token"`).
 */
export const BEARER_CHALLENGE = 'Bearer realm="homeroom"';

/** Every 401 the API gives from inside GraphQL (an anonymous caller's non-public operation) challenges. */
export function bearerChallengePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.http.status === 401 && !response.http.headers.has('www-authenticate'))
            response.http.headers.set('www-authenticate', BEARER_CHALLENGE);
        },
      };
    },
  };
}
