import { GraphQLError } from 'graphql';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { formatGraphQLError } from './format-error';

function format(error: unknown, production = true) {
  const graphQLError =
    error instanceof GraphQLError
      ? error
      : new GraphQLError((error as Error).message, { originalError: error as Error, path: ['field'] });
  return formatGraphQLError(graphQLError.toJSON(), graphQLError, { production });
}

describe('formatGraphQLError', () => {
  it('keeps a domain exception’s message, code, reason and field details', () => {
    const invalid = new InvalidInputException(
      'Invalid inquiry',
      [{ path: 'message', message: 'Required' }],
      'EMPTY_MESSAGE',
    );
    expect(format(invalid)).toEqual({
      message: 'Invalid inquiry',
      path: ['field'],
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'EMPTY_MESSAGE',
        details: [{ path: 'message', message: 'Required' }],
      },
    });
    expect(format(new NotFoundException('Case')).extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'CASE_NOT_FOUND',
    });
  });

  it('turns anything unexpected into INTERNAL, without detail in production', () => {
    expect(format(new TypeError('cannot read properties of undefined (reading "password")'))).toEqual({
      message: 'Internal server error',
      path: ['field'],
      extensions: { code: 'INTERNAL' },
    });
    expect(format(new Error('detail'), false).message).toBe('detail');
  });

  it('passes request errors through with their code and drops stack traces in production', () => {
    const invalid = new GraphQLError('Cannot query field "x"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at somewhere'] },
    });
    expect(format(invalid)).toEqual({
      message: 'Cannot query field "x"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
