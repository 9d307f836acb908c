import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { injectActions, watchQuery } from '@homeroom/portal/data-access';
import { ConfirmPanelComponent, FormFeedbackComponent, TakesFocusDirective } from '@homeroom/portal/ui';
import { type RowAction, RowActionsComponent } from '../controls/row-actions.component';
import {
  AdminApiClientsDocument,
  type AdminApiClientsQuery,
  CreateApiClientDocument,
  RevokeApiClientDocument,
  RotateApiClientSecretDocument,
} from '../operations.generated';
import {
  API_SCOPES,
  type ClientAction,
  clientActionName,
  clientStatus,
  describeScopes,
  lastUsedText,
  newClient,
  shortDate,
} from './api-client-text';

type ApiClient = AdminApiClientsQuery['apiClients'][number];

/** A client id and secret just issued, shown once. */
interface Issued {
  name: string;
  clientId: string;
  secret: string;
  rotated: boolean;
}

/**
 * API clients: the OAuth 2.0 client credentials vendors' systems (a bus-tracking app, the SIS) use to call
 * the API, each with the scopes it was granted and when it last got a token. Administrators create one with
 * a name and scopes (its secret is shown once, to copy), give one a new secret, or revoke one.
 */
@Component({
  selector: 'hr-api-clients-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    ConfirmPanelComponent,
    FormFeedbackComponent,
    RowActionsComponent,
    TakesFocusDirective,
  ],
  styles: `
    .secret {
      margin: 1rem 0;
      max-width: 48rem;
      border-width: 2px;
    }
    .secret dd {
      margin: 0;
    }
    .secret code {
      display: block;
      padding: 0.4rem;
      margin: 0.2rem 0 0.6rem;
      background: #f4f6f8;
      overflow-wrap: anywhere;
      user-select: all;
    }
    fieldset ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    fieldset li {
      padding: 0.15rem 0;
    }
  `,
  template: `
    <h1>API clients</h1>
    <p class="hint">
      Vendors' systems sign in with a client id and secret (OAuth 2.0 client credentials) and may do only what
      their scopes allow; reads of students' and guardians' records are logged under the client id.
    </p>

    <div role="status">
      @if (issued(); as shown) {
        <div class="panel secret">
          <h2>{{ shown.rotated ? 'New secret for' : 'Client created:' }} {{ shown.name }}</h2>
          <p>
            <strong>Copy the secret now: it will not be shown again.</strong> Homeroom keeps only a hash of
            it. Give it to the vendor by a secure channel, not by email.
          </p>
          <dl>
            <dt>Client id</dt>
            <dd>
              <code data-testid="client-id">{{ shown.clientId }}</code>
            </dd>
            <dt>Secret</dt>
            <dd>
              <code data-testid="client-secret">{{ shown.secret }}</code>
            </dd>
          </dl>
          <div class="actions">
            <button type="button" hrTakesFocus (click)="copy(shown.secret, 'The secret')">
              Copy the secret
            </button>
            <button type="button" class="secondary" (click)="copy(shown.clientId, 'The client id')">
              Copy the client id
            </button>
            <button type="button" class="secondary" (click)="issued.set(null)">
              I have copied it: hide the secret
            </button>
          </div>
          @if (copied(); as copied) {
            <p>{{ copied }}</p>
          }
        </div>
      }
    </div>

    <h2>Clients</h2>
    @if (loadError(); as error) {
      <p role="alert">{{ error }}</p>
    }
    @if (loading()) {
      <p role="status">Loading API clients…</p>
    } @else if (clients().length === 0) {
      <p>No API clients yet: create one below when a vendor needs access.</p>
    } @else {
      <table>
        <caption class="visually-hidden">
          API clients, active first, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Client id</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col">Last used</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (client of clients(); track client.clientId) {
            <tr data-testid="api-client">
              <td>{{ client.name }}</td>
              <td>
                <code>{{ client.clientId }}</code>
              </td>
              <td>{{ client.scopesText }}</td>
              <td>{{ client.created }}</td>
              <td>{{ client.status }}</td>
              <td>{{ client.lastUsed }}</td>
              <td>
                @if (client.actions.length) {
                  <hr-row-actions
                    [label]="'Actions for ' + client.name"
                    [actions]="client.actions"
                    [busy]="busy()"
                    (chosen)="confirm(client, $event)"
                  />
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
      <p class="hint">Last used: when the client last got a token (each lasts an hour).</p>
    }
    @if (confirming(); as pending) {
      <hr-confirm-panel
        questionId="client-question"
        [confirmLabel]="actionName(pending.action, pending.client.name)"
        [busy]="busy()"
        [error]="changing.error()"
        (confirmed)="run(pending.client, pending.action)"
        (cancelled)="confirming.set(null)"
      >
        @if (pending.action === 'rotate') {
          <strong>Give {{ pending.client.name }} a new secret?</strong> The current secret stops working at
          once: the vendor's system fails to sign in until it uses the new one.
        } @else {
          <strong>Revoke {{ pending.client.name }}?</strong> It can get no new tokens, and the tokens it holds
          expire within the hour. A revoked client cannot be restored; create a new one instead.
        }
      </hr-confirm-panel>
    }

    <h2>Create a client</h2>
    <form class="admin-form" (ngSubmit)="create()">
      <label for="client-name">Name (the vendor or system that will use it)</label>
      <input id="client-name" name="name" required [(ngModel)]="name" />
      <fieldset>
        <legend>Scopes: ask only for what the vendor needs</legend>
        <ul>
          @for (option of scopeOptions; track option.scope) {
            <li>
              <input type="checkbox" [id]="option.id" [name]="option.id" [(ngModel)]="option.checked" />
              <label [for]="option.id"
                ><code>{{ option.scope }}</code
                >: {{ option.what }}</label
              >
            </li>
          }
        </ul>
      </fieldset>
      <button type="submit" [disabled]="busy()">Create client</button>
      <hr-form-feedback [problems]="problems()" [error]="creating.error()" />
    </form>
  `,
})
export class ApiClientsPageComponent {
  private readonly query = watchQuery(AdminApiClientsDocument);
  protected readonly loadError = this.query.error;
  protected readonly loading = computed(() => this.query.loading() && !this.query.data());
  protected readonly busy = signal(false);
  protected readonly name = signal('');
  protected readonly scopeOptions = API_SCOPES.map((option) => ({
    ...option,
    id: `scope-${option.scope.replace(':', '-')}`,
    checked: signal(false),
  }));
  protected readonly problems = signal<string[]>([]);
  /** Creating a client, and changing one from its row: one change at a time across the page. */
  protected readonly creating = injectActions({ refetch: ['AdminApiClients'], busy: this.busy });
  protected readonly changing = injectActions({ refetch: ['AdminApiClients'], busy: this.busy });
  protected readonly issued = signal<Issued | null>(null);
  protected readonly copied = signal<string | null>(null);
  protected readonly confirming = signal<{ client: ApiClient; action: ClientAction } | null>(null);
  protected readonly actionName = clientActionName;
  /** Active clients first, then revoked ones; the newest first in each. */
  protected readonly clients = computed(() =>
    [...(this.query.data()?.apiClients ?? [])]
      .sort(
        (a, b) =>
          Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) ||
          b.createdAt.localeCompare(a.createdAt),
      )
      .map((client) => ({
        ...client,
        scopesText: describeScopes(client.scopes),
        created: shortDate(client.createdAt),
        status: clientStatus(client),
        lastUsed: lastUsedText(client.lastUsedAt),
        actions: clientRowActions(client),
      })),
  );

  protected async create(): Promise<void> {
    const result = newClient(
      this.name(),
      this.scopeOptions.filter((option) => option.checked()).map((option) => option.scope),
    );
    this.problems.set(result.problems ?? []);
    if (!result.name) return;
    const created = await this.creating.run(CreateApiClientDocument, {
      name: result.name,
      scopes: result.scopes,
    });
    if (!created) return;
    const { client, secret } = created.createApiClient;
    this.show({ name: client.name, clientId: client.clientId, secret, rotated: false });
    this.name.set('');
    for (const option of this.scopeOptions) option.checked.set(false);
  }

  protected confirm(client: ApiClient, action: ClientAction): void {
    this.changing.clear();
    this.confirming.set({ client, action });
  }

  protected async run(client: ApiClient, action: ClientAction): Promise<void> {
    const variables = { clientId: client.clientId };
    if (action === 'revoke') {
      const revoked = await this.changing.run(RevokeApiClientDocument, variables);
      if (revoked) this.confirming.set(null);
      return;
    }
    const rotated = await this.changing.run(RotateApiClientSecretDocument, variables);
    if (!rotated) return;
    this.confirming.set(null);
    const issued = rotated.rotateApiClientSecret;
    this.show({
      name: issued.client.name,
      clientId: issued.client.clientId,
      secret: issued.secret,
      rotated: true,
    });
  }

  protected async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied.set(`${what} was copied.`);
    } catch {
      this.copied.set(`${what} could not be copied: select it and copy it yourself.`);
    }
  }

  private show(issued: Issued): void {
    this.copied.set(null);
    this.issued.set(issued);
  }
}

/** An active client's buttons, named for it: a new secret, or revoking it; a revoked client has none. */
function clientRowActions(client: ApiClient): RowAction<ClientAction>[] {
  if (client.revokedAt) return [];
  return [
    { id: 'rotate', label: 'New secret', name: clientActionName('rotate', client.name) },
    { id: 'revoke', label: 'Revoke', name: clientActionName('revoke', client.name) },
  ];
}
