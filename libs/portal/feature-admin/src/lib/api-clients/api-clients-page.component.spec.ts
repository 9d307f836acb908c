/**
 * @jest-environment jsdom
 */
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApolloTestingController } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import {
  alertTexts,
  axeViolations,
  buttonNamed,
  configureApolloTesting,
  setField,
  settle,
} from '@homeroom/portal/ui/testing';
import {
  AdminApiClientsDocument,
  type AdminApiClientsQuery,
  CreateApiClientDocument,
  RevokeApiClientDocument,
  RotateApiClientSecretDocument,
} from '../operations.generated';
import { ApiClientsPageComponent } from './api-clients-page.component';

type ApiClient = AdminApiClientsQuery['apiClients'][number];

/** Times at midday UTC, the same day in every US time zone. */
const client = (clientId: string, name: string, overrides: Partial<ApiClient> = {}) => ({
  __typename: 'ApiClient',
  clientId,
  name,
  scopes: ['directory:read'],
  createdAt: '2026-01-05T12:00:00.000Z',
  secretRotatedAt: null,
  revokedAt: null,
  lastUsedAt: null,
  ...overrides,
});

const answer = (clients: ReturnType<typeof client>[]) =>
  ({ apiClients: clients }) as unknown as AdminApiClientsQuery;

/** A revoked client, an older active one and a newer one, listed in no particular order. */
const clients = () =>
  answer([
    client('hr_old', 'Old SIS', {
      revokedAt: '2026-02-01T12:00:00.000Z',
      createdAt: '2025-09-01T12:00:00.000Z',
    }),
    client('hr_bus', 'Bus tracker', {
      scopes: ['directory:read', 'cases:read', 'cases:write'],
      lastUsedAt: '2026-03-10T12:00:00.000Z',
      secretRotatedAt: '2026-03-01T12:00:00.000Z',
    }),
    client('hr_sis', 'SIS sync', { createdAt: '2026-02-20T12:00:00.000Z' }),
  ]);

const issued = (field: string, clientId: string, name: string, secret: string) =>
  ({
    [field]: { __typename: 'IssuedApiClient', secret, client: { __typename: 'ApiClient', clientId, name } },
  }) as never;

describe('the API clients page', () => {
  let fixture: ComponentFixture<ApiClientsPageComponent>;
  let apollo: ApolloTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const rows = () => [...page().querySelectorAll('[data-testid="api-client"]')];
  const field = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const button = (name: string, within: Element = page()) => buttonNamed(within, name)!;
  const secretPanel = () => page().querySelector('.secret');
  const alerts = () => alertTexts(page());

  async function listed(data: AdminApiClientsQuery): Promise<void> {
    apollo.expectOne(AdminApiClientsDocument).flushData(data);
    await settle(fixture);
  }

  async function create(name: string, scopes: string[]): Promise<void> {
    setField(page(), 'client-name', name);
    for (const scope of scopes) field<HTMLInputElement>(`scope-${scope.replace(':', '-')}`).click();
    button('Create client').click();
    await settle(fixture);
  }

  /** Asks to do `action` to a client from its row, and says yes. */
  async function confirm(action: string): Promise<void> {
    button(action).click();
    await settle(fixture);
    button(action, page().querySelector('hr-confirm-panel')!).click();
    await settle(fixture);
  }

  beforeEach(() => {
    apollo = configureApolloTesting();
    fixture = TestBed.createComponent(ApiClientsPageComponent);
    fixture.detectChanges();
  });

  afterEach(() => {
    apollo.verify();
    fixture.destroy();
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('says it is loading until the clients come, and what to do when there are none', async () => {
    await settle(fixture);
    expect(page().textContent).toContain('Loading API clients…');
    await listed(answer([]));
    expect(page().textContent).not.toContain('Loading API clients…');
    expect(page().textContent).toContain('No API clients yet: create one below when a vendor needs access.');
  });

  it('says in plain words why the clients could not be loaded', async () => {
    apollo
      .expectOne(AdminApiClientsDocument)
      .graphqlErrors([new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })]);
    await settle(fixture);
    expect(alerts()).toEqual(['You do not have access to this.']);
  });

  it('lists active clients first, newest first, with actions named for each; revoked ones have none', async () => {
    await listed(clients());
    const cells = rows().map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(cells.map((row) => row.slice(0, 5))).toEqual([
      ['SIS sync', 'hr_sis', 'directory read', 'Feb 20, 2026', 'Active'],
      [
        'Bus tracker',
        'hr_bus',
        'directory read; cases read and write',
        'Jan 5, 2026',
        'Active (new secret Mar 1, 2026)',
      ],
      ['Old SIS', 'hr_old', 'directory read', 'Sep 1, 2025', 'Revoked Feb 1, 2026'],
    ]);
    expect(cells.map((row) => row[5])).toEqual(['Never', expect.stringContaining('Mar 10, 2026'), 'Never']);
    expect(
      rows().map((row) =>
        [...row.querySelectorAll('hr-row-actions button')].map(
          (b) => `${b.textContent!.trim()}: ${b.getAttribute('aria-label')}`,
        ),
      ),
    ).toEqual([
      ['New secret: Give SIS sync a new secret', 'Revoke: Revoke SIS sync'],
      ['New secret: Give Bus tracker a new secret', 'Revoke: Revoke Bus tracker'],
      [],
    ]);
    expect(rows()[1]!.querySelector('hr-row-actions')!.getAttribute('aria-label')).toBe(
      'Actions for Bus tracker',
    );
    expect(rows()[2]!.querySelector('hr-row-actions')).toBeNull();
    expect(await axeViolations(page())).toEqual([]);
  });

  it('says what is missing before creating a client, and sends nothing', async () => {
    await listed(clients());
    await create('  ', []);
    expect([...page().querySelectorAll('form [role="alert"] li')].map((li) => li.textContent)).toEqual([
      'Enter a name that says which vendor or system uses the client.',
      'Choose at least one scope.',
    ]);
    apollo.expectNone(CreateApiClientDocument);
  });

  it('creates a client with its scopes in the documented order, and shows its secret once', async () => {
    await listed(clients());
    await create(' Lunch app ', ['surveys:read', 'directory:read']);
    const created = apollo.expectOne(CreateApiClientDocument);
    expect(created.operation.variables).toEqual({
      name: 'Lunch app',
      scopes: ['directory:read', 'surveys:read'],
    });
    expect(button('Create client').disabled).toBe(true);
    expect(button('Revoke SIS sync').disabled).toBe(true);
    created.flushData(issued('createApiClient', 'hr_lunch', 'Lunch app', 's3cr3t-value'));
    await settle(fixture);
    await listed(clients());
    expect(secretPanel()!.querySelector('h2')!.textContent).toBe('Client created: Lunch app');
    expect(page().querySelector('[data-testid="client-id"]')!.textContent).toBe('hr_lunch');
    expect(page().querySelector('[data-testid="client-secret"]')!.textContent).toBe('s3cr3t-value');
    expect(document.activeElement).toBe(button('Copy the secret'));
    expect(field<HTMLInputElement>('client-name').value).toBe('');
    expect(page().querySelectorAll('fieldset input:checked')).toHaveLength(0);
    expect(await axeViolations(page())).toEqual([]);
  });

  it('copies the secret and the client id, says whether it could, and hides the secret when asked', async () => {
    await listed(clients());
    await create('Lunch app', ['directory:read']);
    apollo
      .expectOne(CreateApiClientDocument)
      .flushData(issued('createApiClient', 'hr_lunch', 'Lunch app', 's3cr3t'));
    await settle(fixture);
    await listed(clients());
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    button('Copy the secret').click();
    await settle(fixture);
    expect(writeText).toHaveBeenCalledWith('s3cr3t');
    expect(secretPanel()!.textContent).toContain('The secret was copied.');
    writeText.mockRejectedValue(new Error('denied'));
    button('Copy the client id').click();
    await settle(fixture);
    expect(writeText).toHaveBeenLastCalledWith('hr_lunch');
    expect(secretPanel()!.textContent).toContain(
      'The client id could not be copied: select it and copy it yourself.',
    );
    button('I have copied it: hide the secret').click();
    await settle(fixture);
    expect(secretPanel()).toBeNull();
  });

  it('gives a client a new secret once asked, and shows it once', async () => {
    await listed(clients());
    await confirm('Give Bus tracker a new secret');
    const rotate = apollo.expectOne(RotateApiClientSecretDocument);
    expect(rotate.operation.variables).toEqual({ clientId: 'hr_bus' });
    rotate.flushData(issued('rotateApiClientSecret', 'hr_bus', 'Bus tracker', 'n3w-s3cr3t'));
    await settle(fixture);
    await listed(clients());
    expect(page().querySelector('hr-confirm-panel')).toBeNull();
    expect(secretPanel()!.querySelector('h2')!.textContent).toBe('New secret for Bus tracker');
    expect(page().querySelector('[data-testid="client-secret"]')!.textContent).toBe('n3w-s3cr3t');
  });

  it('revokes a client once asked', async () => {
    await listed(clients());
    button('Revoke SIS sync').click();
    await settle(fixture);
    expect(page().querySelector('hr-confirm-panel')!.textContent).toContain(
      'Revoke SIS sync? It can get no new tokens',
    );
    apollo.expectNone(RevokeApiClientDocument);
    button('Revoke SIS sync', page().querySelector('hr-confirm-panel')!).click();
    const revoke = apollo.expectOne(RevokeApiClientDocument);
    expect(revoke.operation.variables).toEqual({ clientId: 'hr_sis' });
    revoke.flushData({
      revokeApiClient: { __typename: 'ApiClient', clientId: 'hr_sis', revokedAt: '2026-03-12T12:00:00.000Z' },
    } as never);
    await settle(fixture);
    await listed(clients());
    expect(page().querySelector('hr-confirm-panel')).toBeNull();
    expect(secretPanel()).toBeNull();
  });

  it("shows the API's refusal in the question, and forgets it when asked again", async () => {
    await listed(clients());
    await confirm('Revoke Bus tracker');
    apollo
      .expectOne(RevokeApiClientDocument)
      .graphqlErrors([new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } })]);
    await settle(fixture);
    const question = page().querySelector('hr-confirm-panel')!;
    expect([...question.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent)).toEqual([
      'We could not find that.',
    ]);
    expect(await axeViolations(page())).toEqual([]);
    button('Give SIS sync a new secret').click();
    await settle(fixture);
    expect(alerts()).toEqual([]);
  });
});
