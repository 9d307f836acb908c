import {
  API_SCOPES,
  clientActionName,
  clientStatus,
  describeScopes,
  lastUsedText,
  newClient,
} from './api-client-text';

describe('a new API client', () => {
  it('offers exactly the scopes the API documents', () => {
    expect(API_SCOPES.map((option) => option.scope)).toEqual([
      'directory:read',
      'directory:write',
      'cases:read',
      'cases:write',
      'cases:internal-notes:read',
      'slas:read',
      'slas:write',
      'surveys:read',
      'surveys:write',
    ]);
  });

  it('sends the name trimmed and the chosen scopes in the documented order, unknown ones dropped', () => {
    expect(newClient('  Bus vendor ', ['cases:read', 'directory:read', 'admin:everything'])).toEqual({
      name: 'Bus vendor',
      scopes: ['directory:read', 'cases:read'],
    });
  });

  it('needs a name and at least one scope', () => {
    expect(newClient(' ', [])).toEqual({
      problems: [
        'Enter a name that says which vendor or system uses the client.',
        'Choose at least one scope.',
      ],
    });
  });
});

describe('API clients in words', () => {
  it('groups scopes by service', () => {
    expect(describeScopes(['directory:read', 'directory:write', 'cases:read'])).toBe(
      'directory read and write; cases read',
    );
    expect(describeScopes([])).toBe('None');
  });

  it('says whether a client can still get tokens', () => {
    const day = new Date(2026, 2, 10, 12).toISOString();
    expect(clientStatus({ revokedAt: null, secretRotatedAt: null })).toBe('Active');
    expect(clientStatus({ revokedAt: null, secretRotatedAt: day })).toBe('Active (new secret Mar 10, 2026)');
    expect(clientStatus({ revokedAt: day, secretRotatedAt: day })).toBe('Revoked Mar 10, 2026');
  });

  it('says when a client last got a token, or that it never has', () => {
    expect(lastUsedText(new Date(2026, 2, 10, 14, 5).toISOString())).toBe('Mar 10, 2026, 2:05 PM');
    expect(lastUsedText(null)).toBe('Never');
  });

  it('names the action on a client for its buttons', () => {
    expect(clientActionName('rotate', 'Bus tracker')).toBe('Give Bus tracker a new secret');
    expect(clientActionName('revoke', 'Bus tracker')).toBe('Revoke Bus tracker');
  });
});
