import { GraphQLError } from 'graphql';
import { formatGatewayError } from './format-gateway-error';
import { SubgraphTimeoutError, SubgraphUnreachableError } from './subgraph-data-source';

const production = { production: true };

describe('formatGatewayError', () => {
  it("keeps a subgraph error's code, reason and details, and drops which subgraph it came from", () => {
    const formatted = {
      message: 'Case not found',
      path: ['case'],
      extensions: { code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND', serviceName: 'cases', stacktrace: ['…'] },
    };
    expect(formatGatewayError(formatted, new GraphQLError('Case not found'), production)).toEqual({
      message: 'Case not found',
      path: ['case'],
      extensions: { code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' },
    });
  });

  it("keeps a limit's figures and when to retry, and drops Apollo's HTTP instructions", () => {
    const formatted = {
      message: 'Too many requests; retry in 42 s',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42, http: { status: 429 } },
    };
    expect(formatGatewayError(formatted, new GraphQLError('x'), production).extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 42,
    });
  });

  it('says GATEWAY_TIMEOUT when a subgraph call ran out of time', () => {
    const error = new GraphQLError('aborted', { originalError: new SubgraphTimeoutError() });
    expect(formatGatewayError({ message: 'aborted' }, error, production).extensions).toEqual({
      code: 'GATEWAY_TIMEOUT',
    });
  });

  it('says UPSTREAM_UNAVAILABLE when a subgraph could not be reached', () => {
    const refused = new SubgraphUnreachableError(new Error('connect ECONNREFUSED 127.0.0.1:4002'));
    const error = new GraphQLError('unreachable', { originalError: refused });
    expect(formatGatewayError({ message: 'unreachable' }, error, production).extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('turns anything else into INTERNAL, without its message in production', () => {
    const formatted = {
      message: 'Cannot read properties of undefined',
      extensions: { code: 'SOMETHING_ODD' },
    };
    expect(formatGatewayError(formatted, new Error('boom'), production)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL' },
    });
    expect(formatGatewayError(formatted, new Error('boom'), { production: false }).message).toBe(
      'Cannot read properties of undefined',
    );
  });
});
